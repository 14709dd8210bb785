import { memo, useLayoutEffect, useRef, type CanvasHTMLAttributes } from 'react';
import type { MapDims, ValueRange } from './channels';
import { COLOUR_LUT, drawPixels } from './colour';
import { paintTile } from './mosaic';

interface Props extends Omit<CanvasHTMLAttributes<HTMLCanvasElement>, 'children'> {
  readonly values: Float32Array;
  readonly dims: MapDims;
  readonly channel: number;
  readonly range: ValueRange;
}

/**
 * One channel's feature map at its own resolution; CSS scales it up with pixelated
 * rendering so each cell stays a crisp square. Redraws only when its inputs change, before
 * the browser paints, so a new channel never shows a blank frame.
 */
export const ChannelCanvas = memo(function ChannelCanvas({ values, dims, channel, range, ...rest }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    drawPixels(canvas, dims.width, dims.height, (pixels) =>
      paintTile({ pixels, stride: dims.width, x: 0, y: 0, lut: COLOUR_LUT }, values, dims, channel, range),
    );
  }, [values, dims, channel, range]);
  return <canvas ref={ref} width={dims.width} height={dims.height} {...rest} />;
});
