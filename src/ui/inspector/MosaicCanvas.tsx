import { memo, useLayoutEffect, useRef } from 'react';
import type { MapDims, ValueRange } from './channels';
import { COLOUR_LUT, drawPixels } from './colour';
import { paintMosaic, type MosaicLayout } from './mosaic';

interface Props {
  /** The layer shown; once painted, the canvas names it in `data-layer` (tests and the bench wait for that). */
  readonly layer: string;
  readonly values: Float32Array;
  readonly dims: MapDims;
  readonly layout: MosaicLayout;
  /** Channel of the first tile; tile i shows channel first + i against ranges[i]. */
  readonly first: number;
  readonly ranges: readonly ValueRange[];
}

/**
 * A page of channel maps painted into one canvas: the compositor handles one layer instead
 * of one per channel. Decorative (the buttons laid over it carry the names), so hidden from
 * assistive technology. Paints before the browser does, so a new page never shows blank.
 */
export const MosaicCanvas = memo(function MosaicCanvas({ layer, values, dims, layout, first, ranges }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    drawPixels(canvas, layout.width, layout.height, (pixels) => paintMosaic(pixels, layout, values, dims, first, ranges, COLOUR_LUT));
    canvas.dataset.layer = layer;
  }, [layer, values, dims, layout, first, ranges]);
  return <canvas ref={ref} className="insp-mosaic-canvas" width={layout.width} height={layout.height} aria-hidden="true" />;
});
