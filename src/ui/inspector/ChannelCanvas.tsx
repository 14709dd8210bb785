import { memo, useEffect, useRef, type CanvasHTMLAttributes } from 'react';
import { extractChannel, type MapDims, type ValueRange } from './channels';
import { drawPlane } from './colour';

interface Props extends Omit<CanvasHTMLAttributes<HTMLCanvasElement>, 'children'> {
  readonly values: Float32Array;
  readonly dims: MapDims;
  readonly channel: number;
  readonly range: ValueRange;
}

/**
 * One channel's feature map at its own resolution; CSS scales it up with pixelated
 * rendering so each cell stays a crisp square. Redraws only when its inputs change.
 */
export const ChannelCanvas = memo(function ChannelCanvas({ values, dims, channel, range, ...rest }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    drawPlane(canvas, extractChannel(values, dims, channel), dims.width, dims.height, range);
  }, [values, dims, channel, range]);
  return <canvas ref={ref} width={dims.width} height={dims.height} {...rest} />;
});
