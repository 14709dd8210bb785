/** What the lines mean, and (after an image has run) what the node colours mean. */
import { memo } from 'react';
import type { Tint } from '../../graph/tint';

export const EdgeKey = memo(function EdgeKey() {
  return (
    <ul className="graph-key" aria-label="Line styles">
      <li>
        <svg width="28" height="10" aria-hidden="true"><line className="gedge gedge-main" x1="1" y1="5" x2="27" y2="5" /></svg>
        main path
      </li>
      <li>
        <svg width="28" height="10" aria-hidden="true"><line className="gedge gedge-identity-shortcut" x1="1" y1="5" x2="27" y2="5" /></svg>
        identity shortcut
      </li>
      <li>
        <svg width="28" height="10" aria-hidden="true"><line className="gedge gedge-projection-shortcut" x1="1" y1="5" x2="27" y2="5" /></svg>
        projection shortcut (1×1 conv + BN)
      </li>
    </ul>
  );
});

interface TintLegendProps {
  readonly tint: Tint;
  readonly label: string;
}

export const TintLegend = memo(function TintLegend({ tint, label }: TintLegendProps) {
  const gradient = `linear-gradient(to right, ${tint.stops.map((s) => `${s.color} ${s.offset * 100}%`).join(', ')})`;
  const first = tint.ticks[0]?.label ?? String(tint.domain[0]);
  const last = tint.ticks[tint.ticks.length - 1]?.label ?? String(tint.domain[1]);
  return (
    <figure className="graph-legend" aria-label={`Colour legend: ${label}`}>
      <figcaption>
        <strong>{label}</strong>
        <span className="muted"> of each layer&apos;s output; a closed group shows its last layer</span>
      </figcaption>
      <div className="graph-legend-scale">
        <div className="graph-legend-bar" style={{ background: gradient }} role="img" aria-label={`light ${first} to dark ${last}`} />
        <div className="graph-legend-ticks" aria-hidden="true">
          {tint.ticks.map((t) => (
            <span key={t.value} style={{ left: `${t.offset * 100}%` }}>{t.label}</span>
          ))}
        </div>
      </div>
      <p className="graph-legend-none"><span className="swatch" aria-hidden="true" /> no value</p>
    </figure>
  );
});
