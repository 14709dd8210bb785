/**
 * Browser image decoding: sniff the first bytes (refuse before decoding), let the browser
 * decode with EXIF orientation applied, shrink very large photos while decoding, flatten
 * transparency onto white, and hand back plain RGBA bytes.
 */
import { ImageInputError, isImageInputError, sniffImage, type DecodedImage, type ImageHeader } from '../model/pure';
import { FORMAT_NAMES, jpegOrientation, swapsSides, type Orientation } from '../model/pure';
import { said, type Said } from '../ui/i18n/i18n';

/** A decoded image whose notes are said in the page's language when shown. */
export interface BrowserDecodedImage extends Omit<DecodedImage, 'notes'> {
  readonly notes: readonly Said[];
}

/**
 * Longest side kept by default: over four times the network's 224 (the area filter still
 * sees every detail it can use), small enough that turning it into the network's input
 * does not stall the page. The original is shown from the file itself, at full size.
 */
export const DEFAULT_DECODE_MAX_SIDE = 1024;

/** Enough for every header we read, including a JPEG's EXIF block. */
const HEAD_BYTES = 64 * 1024;


async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** Sniffs the head; reads the whole file only when the head is not enough. */
async function sniffBlob(blob: Blob): Promise<{ header: ImageHeader; head: Uint8Array }> {
  const head = await bytesOf(blob.slice(0, HEAD_BYTES));
  const complete = blob.size <= head.length;
  try {
    const header = sniffImage(head);
    // A GIF's frames are counted by walking the file: the head may end before the second.
    if (header.format === 'gif' && !header.animated && !complete) {
      return { header: sniffImage(await bytesOf(blob)), head };
    }
    return { header, head };
  } catch (error) {
    // Large metadata blocks (ICC profiles, XMP) can push a JPEG's size past the head.
    if (!complete && isImageInputError(error) && error.kind === 'truncated') {
      const all = await bytesOf(blob);
      return { header: sniffImage(all), head: all };
    }
    throw error;
  }
}

interface Target {
  /** EXIF orientation of a JPEG (1 = as stored); the browser applies it while decoding. */
  orientation: Orientation;
  width: number;
  height: number;
  /** The upright size before any downscaling. */
  fullWidth: number;
  fullHeight: number;
}

/** The upright output size: the header's size, sides swapped by EXIF, longest side capped. */
function targetSize(header: ImageHeader, head: Uint8Array, maxSide: number): Target {
  const orientation = header.format === 'jpeg' ? jpegOrientation(head) : 1;
  const [fullWidth, fullHeight] = swapsSides(orientation) ? [header.height, header.width] : [header.width, header.height];
  const scale = Math.min(1, maxSide / Math.max(fullWidth, fullHeight));
  return {
    orientation,
    width: Math.max(1, Math.round(fullWidth * scale)),
    height: Math.max(1, Math.round(fullHeight * scale)),
    fullWidth,
    fullHeight,
  };
}

function undecodable(header: ImageHeader, cause: unknown): ImageInputError {
  const format = FORMAT_NAMES[header.format];
  return new ImageInputError(
    'truncated',
    `Your browser could not decode this ${format} image: the file may be damaged or cut short.`,
    { cause, words: { code: 'undecodable', values: { format } } },
  );
}

/** Decodes upright at the target size, shrinking while decoding when the image is too big. */
async function decodeBitmap(blob: Blob, target: Target): Promise<ImageBitmap> {
  const base: ImageBitmapOptions = { imageOrientation: 'from-image' };
  if (target.width === target.fullWidth && target.height === target.fullHeight) {
    return createImageBitmap(blob, base);
  }
  const sized = { ...base, resizeQuality: 'high' as const };
  const bitmap = await createImageBitmap(blob, { ...sized, resizeWidth: target.width, resizeHeight: target.height });
  if (bitmap.width === target.width && bitmap.height === target.height) return bitmap;
  // A browser that resizes before it rotates gives the sides swapped: ask the other way round.
  bitmap.close();
  return createImageBitmap(blob, { ...sized, resizeWidth: target.height, resizeHeight: target.width });
}

function context2d(width: number, height: number): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D {
  if (typeof OffscreenCanvas !== 'undefined') {
    const offscreen = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (offscreen) return offscreen;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw images (no 2D canvas is available).');
  return context;
}

function anyTransparent(data: Uint8ClampedArray): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i] < 255) return true;
  return false;
}

/**
 * Draws the bitmap and reads RGBA back, transparent areas put on white (a second read only
 * when there are any); says whether there were, so the page can say so.
 */
function drawOnWhite(bitmap: ImageBitmap): { pixels: Uint8Array; transparent: boolean } {
  const { width, height } = bitmap;
  const context = context2d(width, height);
  context.clearRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0);
  let { data } = context.getImageData(0, 0, width, height);
  const transparent = anyTransparent(data);
  if (transparent) {
    context.globalCompositeOperation = 'destination-over';
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.globalCompositeOperation = 'source-over';
    ({ data } = context.getImageData(0, 0, width, height));
  }
  return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), transparent };
}

/** What decoding did to the image, said beside it (image-errors.test.ts holds its English to the CLI's notes). */
function notesFor(header: ImageHeader, target: Target, transparent: boolean): Said[] {
  const notes: Said[] = [];
  if (transparent) notes.push(said('note.transparent'));
  if (header.animated) notes.push(said('note.animated', { format: FORMAT_NAMES[header.format] }));
  if (target.orientation !== 1) notes.push(said('note.orientation', { orientation: String(target.orientation) }));
  if (target.width !== target.fullWidth || target.height !== target.fullHeight) {
    const { width, height, fullWidth, fullHeight } = target;
    notes.push(said('note.downscaled', { width: String(width), height: String(height), fullWidth: String(fullWidth), fullHeight: String(fullHeight) }));
  }
  return notes;
}

/**
 * Decodes an image file in the browser to upright 8-bit RGBA on white, its longer side at
 * most `maxSide` (default 1024). Throws ImageInputError, with words a person understands,
 * for anything that is not an image we accept, is too large, or does not decode.
 */
export async function decodeImageBlob(file: Blob, opts: { maxSide?: number } = {}): Promise<BrowserDecodedImage> {
  const { header, head } = await sniffBlob(file);
  const target = targetSize(header, head, opts.maxSide ?? DEFAULT_DECODE_MAX_SIDE);
  let bitmap: ImageBitmap;
  try {
    bitmap = await decodeBitmap(file, target);
  } catch (error) {
    throw undecodable(header, error);
  }
  try {
    const { pixels, transparent } = drawOnWhite(bitmap);
    return { width: bitmap.width, height: bitmap.height, pixels, header, notes: notesFor(header, target, transparent) };
  } finally {
    bitmap.close();
  }
}
