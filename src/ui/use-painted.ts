/** Keeps a canvas showing RGBA bytes (its size follows the image); none clears it. */
import { useEffect, type RefObject } from 'react';
import { CPU_CANVAS } from './inspector/colour';
import type { RgbaImage } from './view-data';

/** An ImageData is used as it is; any other RgbaImage is copied into one. */
export function usePainted(ref: RefObject<HTMLCanvasElement | null>, image: RgbaImage | null): void {
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d', CPU_CANVAS);
    if (!canvas || !ctx) return;
    if (!image) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    canvas.width = image.width;
    canvas.height = image.height;
    // ImageData takes its own copy: the caller's bytes may be transferred or shared.
    const pixels = image instanceof ImageData ? image : new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
    ctx.putImageData(pixels, 0, 0);
  }, [ref, image]);
}
