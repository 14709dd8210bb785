import { legendGradient } from './colour';
import { useT } from '../i18n/I18n';

interface Props {
  /** Text under the low and high ends of the gradient. */
  readonly low: string;
  readonly high: string;
  readonly caption: string;
}

const GRADIENT = legendGradient();

/** The feature-map colour scale with what its two ends mean. */
export function ColourLegend({ low, high, caption }: Props) {
  const t = useT();
  return (
    <figure className="insp-legend" aria-label={t('insp.colourScale', { caption, low, high })}>
      <div className="insp-legend-bar" style={{ backgroundImage: GRADIENT }} aria-hidden="true" />
      <figcaption aria-hidden="true">
        <span className="insp-legend-end">{low}</span>
        <span className="insp-legend-caption">{caption}</span>
        <span className="insp-legend-end">{high}</span>
      </figcaption>
    </figure>
  );
}
