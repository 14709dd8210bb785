import type { Prediction } from '../../client/types';
import { downloadText } from '../export/download';
import { predictionsCsv } from '../export/csv';

interface Props {
  readonly predictions: readonly Prediction[];
  readonly camIndex: number | null;
  readonly onCam: (index: number | null) => void;
  readonly trained: boolean;
  /** The intact network's answer, when these predictions come from a network with blocks switched off. */
  readonly intact?: readonly Prediction[] | null;
  readonly lesion?: readonly string[];
  /** The image's file name, for the saved CSV. */
  readonly file?: string;
}

export function formatPercent(p: number): string {
  return `${(p * 100).toFixed(p >= 0.995 || p < 0.0005 ? 0 : 1)}%`;
}

/** The top-5 list: readable labels, percentages and bars; a click shows where the class is. */
export function Predictions({ predictions, camIndex, onCam, trained, intact = null, lesion = [], file = 'image' }: Props) {
  const saveCsv = () => downloadText(predictionsCsv(file, predictions), `${file.replace(/\.[^.]*$/, '')}-top5.csv`, 'text/csv');
  return (
    <section className="predictions" aria-labelledby="predictions-title">
      <h2 id="predictions-title">Top-5 predictions</h2>
      {lesion.length > 0 && <p className="note">{`With ${lesion.join(', ')} switched off.`}{intact ? '' : ' Switch every block on once to see the intact network’s answer beside these.'}</p>}
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
                {intact && <Delta prediction={p} rank={predictions.indexOf(p)} intact={intact} />}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="muted small">
        Click a class to overlay its class activation map.{' '}
        <button type="button" className="link save-link" onClick={saveCsv}>Save the top-5 as CSV</button>
      </p>
    </section>
  );
}

/** Rank and probability against the intact network. */
function Delta({ prediction, rank, intact }: { readonly prediction: Prediction; readonly rank: number; readonly intact: readonly Prediction[] }) {
  const before = intact.findIndex((q) => q.index === prediction.index);
  const change = before < 0 ? null : prediction.probability - intact[before].probability;
  const where = before < 0 ? 'not in the intact top 5' : before === rank ? `rank ${rank + 1} as intact` : `intact rank ${before + 1}`;
  const points = change === null ? '' : `, ${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)} points`;
  const tone = change === null || Math.abs(change) < 0.0005 ? '' : change > 0 ? ' up' : ' down';
  return <span className={`delta${tone}`}>{`${where}${points}`}</span>;
}
