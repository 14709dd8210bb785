import { memo } from 'react';
import { formatCount, formatShape, stageLabel, STEM_ID, type LayerSummary, type ModelSummary } from '../model/pure';

interface Props {
  readonly summary: ModelSummary;
  readonly selected?: string | null;
  readonly onSelect?: (name: string) => void;
}

function whereLabel(info: LayerSummary['info']): string {
  if (info.stage === null) return info.role;
  const stage = info.stage === 1 ? STEM_ID : stageLabel(info.stage);
  return info.block ? `${stage} · block ${info.block}` : stage;
}

interface RowProps {
  readonly layer: LayerSummary;
  readonly selected: boolean;
  readonly onSelect?: (name: string) => void;
}

/** Memoised, so a new selection redraws the two rows it touches, not all of them. */
const Row = memo(function Row({ layer: l, selected, onSelect }: RowProps) {
  return (
    <tr className={`role-${l.info.role}${selected ? ' selected' : ''}`}>
      <th scope="row">
        {onSelect && l.info.kind !== 'input' ? (
          <button type="button" className="link" aria-pressed={selected} onClick={() => onSelect(l.name)}>
            <code>{l.name}</code>
          </button>
        ) : (
          <code>{l.name}</code>
        )}
      </th>
      <td>{l.type}</td>
      <td>{whereLabel(l.info)}</td>
      <td><code>{formatShape(l.outputShape)}</code></td>
      <td className="num">{formatCount(l.params)}</td>
      <td><code>{l.inputs.join(', ')}</code></td>
    </tr>
  );
});

/** The Keras-style layer table: one row per named layer, in build order. */
export const SummaryTable = memo(function SummaryTable({ summary, selected = null, onSelect }: Props) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label="Layer table (scrollable)">
      <table className="summary-table">
        <caption>
          Every layer of ResNet50 ({summary.preset}), in the order it is built: {summary.layers.length} layers
        </caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Type</th>
            <th scope="col">Where</th>
            <th scope="col">Output shape</th>
            <th scope="col" className="num">Params</th>
            <th scope="col">Connected to</th>
          </tr>
        </thead>
        <tbody>
          {summary.layers.map((l) => (
            <Row key={l.name} layer={l} selected={l.name === selected} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
});
