import { useId, useMemo, useRef, useState } from 'react';
import type { WeightTensor } from '../../inspect/weights-types';
import { usePainted } from '../use-painted';
import { filterTiles, type TileScale } from './filter-tiles';

interface Props {
  readonly layer: string;
  /** A [kh, kw, 3, filters] kernel with its values. */
  readonly kernel: WeightTensor & { readonly values: Float32Array };
  readonly trained: boolean;
  readonly inputOrder: 'rgb' | 'bgr';
}

const SCALE_WORDS: Record<TileScale, string> = {
  filter: 'each filter scaled to its own range',
  shared: 'every filter on one range, the lowest weight of all to the highest',
};

/** The first convolution's filters as colour tiles (the classic picture), on one canvas. */
export function FilterTilesView({ layer, kernel, trained, inputOrder }: Props) {
  const [scale, setScale] = useState<TileScale>('filter');
  const ref = useRef<HTMLCanvasElement>(null);
  const captionId = useId();
  const name = useId();
  const tiles = useMemo(() => filterTiles(kernel.values, kernel.shape, scale, inputOrder), [kernel, scale, inputOrder]);
  usePainted(ref, tiles);
  const [kh, kw, , n] = kernel.shape;
  const what = `${n} ${trained ? 'learned' : 'seeded random'} ${kh}×${kw} filters of ${layer} over red, green and blue`;
  return (
    <figure className="insp-filters">
      <canvas
        ref={ref}
        width={tiles.width}
        height={tiles.height}
        role="img"
        aria-label={`${what}, as colour tiles in ${tiles.rows} rows of ${tiles.columns}, ${SCALE_WORDS[scale]}`}
        aria-describedby={captionId}
      />
      <figcaption id={captionId}>
        {`${what}, ${SCALE_WORDS[scale]}: in each tile a channel's lowest weight is dark and its highest is full red, green or blue. Tile N, counted along the rows, is the filter that makes channel N of ${layer}'s output.`}
        {inputOrder === 'bgr' && ' These weights read the image as blue, green, red (Keras “caffe” preprocessing); the tiles are drawn in red, green, blue.'}
        {!trained && ' Not learned yet: the ImageNet preset shows the edge and colour detectors training finds.'}
      </figcaption>
      <fieldset className="insp-filters-scale">
        <legend className="visually-hidden">Tile colour range</legend>
        {(['filter', 'shared'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name={name} checked={scale === s} onChange={() => setScale(s)} />
            {s === 'filter' ? 'Each filter on its own range' : 'One range for all filters'}
          </label>
        ))}
      </fieldset>
    </figure>
  );
}
