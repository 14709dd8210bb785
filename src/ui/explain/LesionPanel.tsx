import { memo } from 'react';
import type { LesionBlock } from '../../explain/lesion-blocks';
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
  const stages = [...new Set(blocks.map((b) => b.stage))];
  return (
    <section className="lesion" aria-label="Switch blocks off">
      <h2>Switch blocks off</h2>
      <p className="explain-hint">
        Off removes a block’s residual branch: an identity block then passes its input straight on (ReLU(x) = x, as x is
        already non-negative); a convolutional block keeps only its projection shortcut, ReLU(BN(conv 1×1(x))). The image
        runs again at once, with the change against the intact network beside each class.
      </p>
      <div className="lesion-stages" role="group" aria-label="Residual blocks, on or off">
        {stages.map((stage) => (
          <div key={stage} className="lesion-stage">
            <span className="lesion-stage-name">{`stage ${stage}`}</span>
            {blocks.filter((b) => b.stage === stage).map((b) => (
              <button
                key={b.name}
                type="button"
                role="switch"
                className={`lesion-block block-${b.type}`}
                aria-checked={!off.has(b.name)}
                title={`${b.type === 'convolutional' ? 'Convolutional' : 'Identity'} block ${b.name}: ${off.has(b.name) ? 'off (click to switch on)' : 'on (click to switch off)'}`}
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
          <span>{`${off.size} block${off.size === 1 ? '' : 's'} off`}</span>
          <button type="button" onClick={onReset}>Switch all on</button>
        </div>
      )}
    </section>
  );
});
