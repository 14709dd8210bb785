import { useId, useMemo, useRef, useState } from 'react';
import type { WeightTensor } from '../../inspect/weights-types';
import { useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/i18n';
import { usePainted } from '../use-painted';
import { filterTiles, type TileScale } from './filter-tiles';

interface Props {
  readonly layer: string;
  /** A [kh, kw, 3, filters] kernel with its values. */
  readonly kernel: WeightTensor & { readonly values: Float32Array };
  readonly trained: boolean;
  readonly inputOrder: 'rgb' | 'bgr';
}

const SCALE_WORDS: Record<TileScale, MessageId> = {
  filter: 'tiles.scale.filter',
  shared: 'tiles.scale.shared',
};

/** The first convolution's filters as colour tiles (the classic picture), on one canvas. */
export function FilterTilesView({ layer, kernel, trained, inputOrder }: Props) {
  const t = useT();
  const [scale, setScale] = useState<TileScale>('filter');
  const ref = useRef<HTMLCanvasElement>(null);
  const captionId = useId();
  const name = useId();
  const tiles = useMemo(() => filterTiles(kernel.values, kernel.shape, scale, inputOrder), [kernel, scale, inputOrder]);
  usePainted(ref, tiles);
  const [kh, kw, , n] = kernel.shape;
  const what = t('tiles.what', { n: String(n), trained: trained ? 'yes' : 'no', kh: String(kh), kw: String(kw), layer });
  const scaleWords = t(SCALE_WORDS[scale]);
  return (
    <figure className="insp-filters">
      <canvas
        ref={ref}
        width={tiles.width}
        height={tiles.height}
        role="img"
        aria-label={t('tiles.label', { what, rows: String(tiles.rows), columns: String(tiles.columns), scale: scaleWords })}
        aria-describedby={captionId}
      />
      <figcaption id={captionId}>
        {t('tiles.caption', { what, scale: scaleWords, layer })}
        {inputOrder === 'bgr' && t('tiles.bgr')}
        {!trained && t('tiles.untrained')}
      </figcaption>
      <fieldset className="insp-filters-scale">
        <legend className="visually-hidden">{t('tiles.range')}</legend>
        {(['filter', 'shared'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name={name} checked={scale === s} onChange={() => setScale(s)} />
            {t(s === 'filter' ? 'tiles.own' : 'tiles.one')}
          </label>
        ))}
      </fieldset>
    </figure>
  );
}
