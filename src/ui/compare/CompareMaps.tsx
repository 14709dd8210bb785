/** In the inspector, while A and B are compared: the layer's map in A, in B, and B − A, on one colour scale. */
import { memo, useMemo, useRef } from 'react';
import type { LayerComparison } from '../../inspect/types';
import { usePainted } from '../use-painted';
import { divergingGradient, divergingImage, mapTriple } from './diff-maps';
import { formatDistance, formatSimilarity } from './format';
import './compare.css';
import { useT } from '../i18n/I18n';

interface Props {
  readonly layer: string;
  readonly shape: readonly number[];
  readonly aLabel: string;
  readonly bLabel: string;
  /** Every value of the layer in A and in B; null while one is read. */
  readonly a: Float32Array | null;
  readonly b: Float32Array | null;
  /** The channel of a spatial layer (the one picked in the maps, or 0). */
  readonly channel: number;
  /** This layer's figures; null when only one of the two holds it (a switched-off branch). */
  readonly figures: LayerComparison | null;
}

const GRADIENT = divergingGradient();

function DiffMap({ values, width, height, max, caption }: { values: Float32Array; width: number; height: number; max: number; caption: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const image = useMemo(() => ({ width, height, data: divergingImage(values, width, height, max) }), [values, width, height, max]);
  usePainted(ref, image);
  return (
    <figure>
      <canvas ref={ref} role="img" aria-label={caption} />
      <figcaption aria-hidden="true">{caption}</figcaption>
    </figure>
  );
}

export const CompareMaps = memo(function CompareMaps({ layer, shape, aLabel, bLabel, a, b, channel, figures }: Props) {
  const triple = useMemo(() => (a && b && a.length === b.length ? mapTriple(a, b, shape, channel) : null), [a, b, shape, channel]);
  const t = useT();
  const max = triple?.max ?? 0;
  return (
    <section className="cmp-maps" aria-label={t('cmp.maps')}>
      <h3>{t('cmp.mapsTitle', { layer, what: shape.length === 3 ? 'channel' : 'all', channel: String(channel) })}</h3>
      {figures ? (
        <p className="cmp-summary">{t('cmp.layerFigures', { cosine: formatSimilarity(figures.cosine), l2: formatDistance(figures.relativeL2, t) })}</p>
      ) : (
        <p className="explain-hint">{t('cmp.onlyOne')}</p>
      )}
      {triple ? (
        <>
          <div className="cmp-maps-row">
            <DiffMap values={triple.a} width={triple.width} height={triple.height} max={max} caption={`A: ${aLabel}`} />
            <DiffMap values={triple.b} width={triple.width} height={triple.height} max={max} caption={`B: ${bLabel}`} />
            <DiffMap values={triple.diff} width={triple.width} height={triple.height} max={max} caption="B − A" />
          </div>
          <figure className="insp-legend" aria-label={t('cmp.scaleLabel', { low: (-max).toPrecision(3), high: max.toPrecision(3) })}>
            <div className="insp-legend-bar" style={{ backgroundImage: GRADIENT }} aria-hidden="true" />
            <figcaption aria-hidden="true">
              <span className="insp-legend-end">{(-max).toPrecision(3)}</span>
              <span className="insp-legend-caption">{t('cmp.scaleCaption')}</span>
              <span className="insp-legend-end">{max.toPrecision(3)}</span>
            </figcaption>
          </figure>
        </>
      ) : (
        figures && <p className="explain-hint" role="status">{t('cmp.reading')}</p>
      )}
    </section>
  );
});
