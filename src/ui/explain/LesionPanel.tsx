import { memo } from 'react';
import type { LesionBlock } from '../../explain/lesion-blocks';
import { useT } from '../i18n/I18n';
import './explain.css';

interface Props {
  readonly blocks: readonly LesionBlock[];
  /** Blocks switched off now. */
  readonly off: ReadonlySet<string>;
  readonly onToggle: (block: string) => void;
  readonly onReset: () => void;
}

/** Toggles for the 16 residual blocks, by stage: off removes the block's residual branch. */
export const LesionPanel = memo(function LesionPanel({ blocks, off, onToggle, onReset }: Props) {
  const t = useT();
  const stages = [...new Set(blocks.map((b) => b.stage))];
  return (
    <section className="lesion" aria-label={t('lesion.title')}>
      <h2>{t('lesion.title')}</h2>
      <p className="explain-hint">{t('lesion.hint')}</p>
      <div className="lesion-stages" role="group" aria-label={t('lesion.group')}>
        {stages.map((stage) => (
          <div key={stage} className="lesion-stage">
            <span className="lesion-stage-name">{t('lesion.stage', { stage: String(stage) })}</span>
            {blocks.filter((b) => b.stage === stage).map((b) => (
              <button
                key={b.name}
                type="button"
                role="switch"
                className={`lesion-block block-${b.type}`}
                aria-checked={!off.has(b.name)}
                title={t('lesion.blockTitle', { type: b.type, name: b.name, off: off.has(b.name) ? 'yes' : 'no' })}
                onClick={() => onToggle(b.name)}
              >
                {b.name}
              </button>
            ))}
          </div>
        ))}
      </div>
      {off.size > 0 && (
        <div className="explain-row">
          <span>{t('lesion.count', { count: off.size })}</span>
          <button type="button" onClick={onReset}>{t('lesion.reset')}</button>
        </div>
      )}
    </section>
  );
});
