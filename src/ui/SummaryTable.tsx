import { memo } from 'react';
import type { Field } from '../explain/receptive-field';
import { fileStem, formatSummary, kerasShape, summaryName, stageLabel, STEM_ID, type LayerSummary, type ModelSummary } from '../model/pure';
import { downloadText } from './export/download';
import { summaryCsv } from './export/csv';
import { useT } from './i18n/I18n';
import type { Translate } from './i18n/i18n';

interface Props {
  readonly summary: ModelSummary;
  readonly selected?: string | null;
  readonly onSelect?: (name: string) => void;
  /** Each layer's theoretical receptive field, by name: three columns when given. */
  readonly fields?: ReadonlyMap<string, Field>;
}

function whereLabel(info: LayerSummary['info'], t: Translate): string {
  if (info.stage === null) return info.role;
  const stage = info.stage === 1 ? STEM_ID : stageLabel(info.stage);
  return info.block ? t('table.block', { stage, block: info.block }) : stage;
}

interface RowProps {
  readonly layer: LayerSummary;
  readonly selected: boolean;
  readonly onSelect?: (name: string) => void;
  readonly field?: Field | null;
}

/** Memoised, so a new selection redraws the two rows it touches, not all of them. */
const Row = memo(function Row({ layer: l, selected, onSelect, field }: RowProps) {
  const t = useT();
  return (
    <tr className={`role-${l.info.role}${selected ? ' selected' : ''}`}>
      <th scope="row">
        {onSelect ? (
          <button type="button" className="link" aria-pressed={selected} onClick={() => onSelect(l.name)}>
            <code>{l.name}</code>
          </button>
        ) : (
          <code>{l.name}</code>
        )}
      </th>
      <td>{l.type}<span className="where">{whereLabel(l.info, t)}</span></td>
      <td><code>{kerasShape(l.outputShape)}</code></td>
      <td className="num">{t.count(l.params)}</td>
      {field !== undefined && (
        <>
          <td className="num">{field ? `${field.size}×${field.size}` : '–'}</td>
          <td className="num">{field?.jump ?? '–'}</td>
          <td className="num">{field?.padding ?? '–'}</td>
        </>
      )}
      <td className="inputs"><code>{l.inputs.join(', ')}</code></td>
    </tr>
  );
});

/** The Keras-style layer table: one row per named layer, in build order. */
export const SummaryTable = memo(function SummaryTable({ summary, selected = null, onSelect, fields }: Props) {
  const t = useT();
  const stem = `${fileStem(summary)}-summary`;
  return (
    <>
    <div className="table-exports">
      <button type="button" onClick={() => downloadText(formatSummary(summary), `${stem}.txt`, 'text/plain')}>{t('table.saveText')}</button>
      <button type="button" onClick={() => downloadText(summaryCsv(summary), `${stem}.csv`, 'text/csv')}>{t('table.saveCsv')}</button>
    </div>
    <div className="table-scroll" tabIndex={0} role="group" aria-label={t('table.scroll')}>
      <table className="summary-table">
        <caption>
          {t('table.caption', { preset: summaryName(summary), count: String(summary.layers.length) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('table.layer')}</th>
            <th scope="col">{t('table.type')}</th>
            <th scope="col">{t('table.shape')}</th>
            <th scope="col" className="num">{t('table.params')}</th>
            {fields && (
              <>
                <th scope="col" className="num"><abbr title={t('table.fieldWhy')}>{t('table.field')}</abbr></th>
                <th scope="col" className="num"><abbr title={t('table.jumpWhy')}>{t('table.jump')}</abbr></th>
                <th scope="col" className="num"><abbr title={t('table.offsetWhy')}>{t('table.offset')}</abbr></th>
              </>
            )}
            <th scope="col">{t('table.inputs')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.layers.map((l) => (
            <Row key={l.name} layer={l} selected={l.name === selected} onSelect={onSelect} field={fields ? (fields.get(l.name) ?? null) : undefined} />
          ))}
        </tbody>
      </table>
    </div>
    </>
  );
});
