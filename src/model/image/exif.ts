/**
 * JPEG EXIF orientation: find tag 0x0112 in the APP1 "Exif" segment's first IFD, and turn
 * a decoded pixel buffer upright. Pure TS; any damage in the EXIF data means "upright"
 * (orientation 1), never an error: a photo with a broken EXIF block still decodes.
 */

export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** What turning each orientation upright takes, in words for the notes. */
const ORIENTATION_WORDS: Record<Orientation, string> = {
  1: 'nothing',
  2: 'mirror',
  3: 'rotate 180°',
  4: 'flip vertically',
  5: 'mirror and rotate',
  6: 'rotate 90° clockwise',
  7: 'mirror and rotate',
  8: 'rotate 90° counter-clockwise',
};

/** A plain sentence for the notes when an image was turned upright. */
export function orientationNote(orientation: Orientation): string {
  return `Turned upright from the photo's EXIF orientation (${orientation}: ${ORIENTATION_WORDS[orientation]}).`;
}

function u16(bytes: Uint8Array, at: number, little: boolean): number {
  return little ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1];
}

function u32(bytes: Uint8Array, at: number, little: boolean): number {
  const hi = u16(bytes, little ? at + 2 : at, little);
  const lo = u16(bytes, little ? at : at + 2, little);
  return hi * 0x10000 + lo;
}

/** Orientation from a TIFF structure (the body of an Exif segment), or 1. */
function tiffOrientation(tiff: Uint8Array): Orientation {
  if (tiff.length < 8) return 1;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d;
  if ((!little && !big) || u16(tiff, 2, little) !== 42) return 1;
  const ifd = u32(tiff, 4, little);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(tiff, ifd, little);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (u16(tiff, entry, little) === 0x0112 && u16(tiff, entry + 2, little) === 3) {
      const value = u16(tiff, entry + 8, little);
      return value >= 1 && value <= 8 ? (value as Orientation) : 1;
    }
  }
  return 1;
}

const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/** Walks the JPEG segments before the image data, looking for APP1 Exif. */
export function jpegOrientation(bytes: Uint8Array): Orientation {
  let pos = 2;
  while (pos + 4 <= bytes.length && bytes[pos] === 0xff) {
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return 1;
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    if (length < 2) return 1;
    const body = bytes.subarray(pos + 4, Math.min(bytes.length, pos + 2 + length));
    if (marker === 0xe1 && EXIF_ID.every((b, i) => body[i] === b)) return tiffOrientation(body.subarray(6));
    pos += 2 + length;
  }
  return 1;
}

/** Orientations 5-8 swap width and height. */
export function swapsSides(orientation: Orientation): boolean {
  return orientation >= 5;
}

/** For a displayed pixel (x, y), the stored pixel it comes from, for a W x H stored image. */
function sourceOf(o: Orientation, x: number, y: number, w: number, h: number): [number, number] {
  switch (o) {
    case 1: return [x, y];
    case 2: return [w - 1 - x, y];
    case 3: return [w - 1 - x, h - 1 - y];
    case 4: return [x, h - 1 - y];
    case 5: return [y, x];
    case 6: return [y, h - 1 - x];
    case 7: return [w - 1 - y, h - 1 - x];
    case 8: return [w - 1 - y, x];
  }
}

/** Turns a stored RGBA buffer (width x height) upright; returns the new size and pixels. */
export function applyOrientation(
  pixels: Uint8Array,
  width: number,
  height: number,
  orientation: Orientation,
): { width: number; height: number; pixels: Uint8Array } {
  if (orientation === 1) return { width, height, pixels };
  const [outW, outH] = swapsSides(orientation) ? [height, width] : [width, height];
  const out = new Uint8Array(outW * outH * 4);
  // One 32-bit word per RGBA pixel; copy first if the view is not 4-byte aligned.
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : pixels.slice();
  const src32 = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const out32 = new Uint32Array(out.buffer);
  for (let y = 0; y < outH; y += 1) {
    for (let x = 0; x < outW; x += 1) {
      const [sx, sy] = sourceOf(orientation, x, y, width, height);
      out32[y * outW + x] = src32[sy * width + sx];
    }
  }
  return { width: outW, height: outH, pixels: out };
}
