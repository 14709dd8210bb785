import type { Prediction } from '../../client/types';

interface Props {
  readonly predictions: readonly Prediction[];
  readonly camIndex: number | null;
  readonly onCam: (index: number | null) => void;
  readonly trained: boolean;
}

export function formatPercent(p: number): string {
  return `${(p * 100).toFixed(p >= 0.995 || p < 0.0005 ? 0 : 1)}%`;
}

/** The top-5 list: readable labels, percentages and bars; a click shows where the class is. */
export function Predictions({ predictions, camIndex, onCam, trained }: Props) {
  return (
    <section className="predictions" aria-labelledby="predictions-title">
      <h2 id="predictions-title">Top-5 predictions</h2>
      {!trained && (
        <p className="note">This model has seeded random weights, not trained ones: its guesses mean nothing, but its activations still show how a signal flows.</p>
      )}
      <ol aria-label="Top-5 predictions">
        {predictions.map((p) => {
          const active = camIndex === p.index;
          return (
            <li key={p.index}>
              <button
                type="button"
                aria-pressed={active}
                title={active ? 'Hide the class activation map' : `Show where the network sees "${p.label}"`}
                onClick={() => onCam(active ? null : p.index)}
              >
                <span className="label">{p.label}</span>
                <span className="pct">{formatPercent(p.probability)}</span>
                <span className="bar" aria-hidden="true"><span style={{ width: `${Math.max(1, p.probability * 100)}%` }} /></span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="muted small">Click a class to overlay its class activation map.</p>
    </section>
  );
}
