import type { Prediction } from '../../client/types';
import { downloadText } from '../export/download';
import { predictionsCsv } from '../export/csv';
import { useT } from '../i18n/I18n';
import type { Translate } from '../i18n/i18n';

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

/** 93%, 0.4%: one decimal unless the value is at an end, in the page's number format. */
export function formatPercent(p: number, t: Translate): string {
  return t.percent(p, p >= 0.995 || p < 0.0005 ? 0 : 1);
}

/** The top-5 list: readable labels, percentages and bars; a click shows where the class is. */
export function Predictions({ predictions, camIndex, onCam, trained, intact = null, lesion = [], file = 'image' }: Props) {
  const t = useT();
  const saveCsv = () => downloadText(predictionsCsv(file, predictions), `${file.replace(/\.[^.]*$/, '')}-top5.csv`, 'text/csv');
  return (
    <section className="predictions" aria-labelledby="predictions-title">
      <h2 id="predictions-title">{t('pred.title')}</h2>
      {lesion.length > 0 && <p className="note">{t('pred.lesion', { blocks: lesion.join(', ') })}{intact ? '' : t('pred.lesionIntact')}</p>}
      {!trained && <p className="note">{t('pred.seeded')}</p>}
      <ol aria-label={t('pred.title')}>
        {predictions.map((p) => {
          const active = camIndex === p.index;
          return (
            <li key={p.index}>
              <button
                type="button"
                aria-pressed={active}
                title={active ? t('pred.hideCam') : t('pred.showCam', { label: p.label })}
                onClick={() => onCam(active ? null : p.index)}
              >
                <span className="label">{p.label}</span>
                <span className="pct">{formatPercent(p.probability, t)}</span>
                <span className="bar" aria-hidden="true"><span style={{ width: `${Math.max(1, p.probability * 100)}%` }} /></span>
                {intact && <Delta prediction={p} rank={predictions.indexOf(p)} intact={intact} t={t} />}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="muted small">
        {t('pred.hint')}{' '}
        <button type="button" className="link save-link" onClick={saveCsv}>{t('pred.saveCsv')}</button>
      </p>
    </section>
  );
}

/** Rank and probability against the intact network. */
function Delta({ prediction, rank, intact, t }: { readonly prediction: Prediction; readonly rank: number; readonly intact: readonly Prediction[]; readonly t: Translate }) {
  const before = intact.findIndex((q) => q.index === prediction.index);
  const change = before < 0 ? null : prediction.probability - intact[before].probability;
  const where = before < 0 ? t('pred.notInTop') : before === rank ? t('pred.sameRank', { rank: rank + 1 }) : t('pred.intactRank', { rank: before + 1 });
  const size = t.number(Math.abs(change ?? 0) * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const points = change === null ? '' : t('pred.points', { sign: change >= 0 ? '+' : '−', points: size });
  const tone = change === null || Math.abs(change) < 0.0005 ? '' : change > 0 ? ' up' : ' down';
  return <span className={`delta${tone}`}>{`${where}${points}`}</span>;
}
