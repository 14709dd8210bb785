/** What the lines mean, and (after an image has run) what the node colours mean. */
import { memo } from 'react';
import type { Tint } from '../../graph/tint';
import { useT } from '../i18n/I18n';

export const EdgeKey = memo(function EdgeKey() {
  const t = useT();
  return (
    <ul className="graph-key" aria-label={t('graph.lineStyles')}>
      <li>
        <svg width="28" height="10" aria-hidden="true"><line className="gedge gedge-main" x1="1" y1="5" x2="27" y2="5" /></svg>
        {t('graph.mainPath')}
      </li>
      <li>
        <svg width="28" height="10" aria-hidden="true"><line className="gedge gedge-identity-shortcut" x1="1" y1="5" x2="27" y2="5" /></svg>
        {t('graph.identityShortcut')}
      </li>
      <li>
        <svg width="28" height="10" aria-hidden="true"><line className="gedge gedge-projection-shortcut" x1="1" y1="5" x2="27" y2="5" /></svg>
        {t('graph.projectionShortcut')}
      </li>
    </ul>
  );
});

interface TintLegendProps {
  readonly tint: Tint;
  readonly label: string;
}

export const TintLegend = memo(function TintLegend({ tint, label }: TintLegendProps) {
  const t = useT();
  const gradient = `linear-gradient(to right, ${tint.stops.map((s) => `${s.color} ${s.offset * 100}%`).join(', ')})`;
  const first = tint.ticks[0]?.label ?? String(tint.domain[0]);
  const last = tint.ticks[tint.ticks.length - 1]?.label ?? String(tint.domain[1]);
  return (
    <figure className="graph-legend" aria-label={t('graph.legend', { label })}>
      <figcaption>
        <strong>{label}</strong>
        <span className="muted">{t('graph.legendOf')}</span>
      </figcaption>
      <div className="graph-legend-scale">
        <div className="graph-legend-bar" style={{ background: gradient }} role="img" aria-label={t('graph.legendScale', { first, last })} />
        <div className="graph-legend-ticks" aria-hidden="true">
          {tint.ticks.map((tick) => (
            <span key={tick.value} style={{ left: `${tick.offset * 100}%` }}>{tick.label}</span>
          ))}
        </div>
      </div>
      <p className="graph-legend-none"><span className="swatch" aria-hidden="true" /> {t('graph.noValue')}</p>
    </figure>
  );
});
