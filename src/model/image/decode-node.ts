/**
 * Node-only image decoding for the command line and tests: PNG (pngjs), JPEG (jpeg-js), GIF
 * and WebP (decode-gif-webp-node.ts), sniffed and size-checked before decoding, JPEGs turned
 * upright from their EXIF orientation. Never imported by browser code (it uses node:fs and Buffer).
 */
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { ImageInputError } from './errors';
import { decodeGif, decodeWebp, type Rgba } from './decode-gif-webp-node';
import { applyOrientation, jpegOrientation, orientationNote } from './exif';
import { animatedNote, FORMAT_NAMES, TRANSPARENT_NOTE } from './notes';
import { DEFAULT_MAX_PIXELS, sniffImage } from './sniff';
import type { DecodedImage, ImageHeader, ImageLimits } from './types';

/** Enough for the header of any image we accept (a JPEG's EXIF block is at most 64 KiB). */
const HEAD_BYTES = 256 * 1024;


/** Re-raises an ImageInputError with the file's name attached (message unchanged). */
function withFile(error: unknown, name: string): unknown {
  if (!(error instanceof ImageInputError) || error.file !== undefined) return error;
  return new ImageInputError(error.kind, error.message, { file: name, cause: error.cause, words: error.words });
}

function damaged(name: string, header: ImageHeader, cause: unknown): ImageInputError {
  const format = FORMAT_NAMES[header.format];
  return new ImageInputError(
    'truncated',
    `Could not decode ${name}: its ${format} image data is cut short or damaged.`,
    { file: name, cause },
  );
}

function hasTransparency(pixels: Uint8Array): boolean {
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) return true;
  return false;
}

/** The notes the page gives too: an animation's first frame, transparency on white. */
function decoded(image: Rgba, header: ImageHeader, notes: string[]): DecodedImage {
  if (header.animated) notes.push(animatedNote(header.format));
  if (hasTransparency(image.pixels)) notes.push(TRANSPARENT_NOTE);
  return { width: image.width, height: image.height, pixels: image.pixels, header, notes };
}

function decodePng(bytes: Uint8Array): Rgba {
  // pngjs expands gray, palette, tRNS and sub-byte depths to RGBA and rounds 16-bit to 8.
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width: png.width, height: png.height, pixels: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}

function decodeJpeg(bytes: Uint8Array, header: ImageHeader, notes: string[]): DecodedImage {
  const raw = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  const orientation = jpegOrientation(bytes);
  const upright = applyOrientation(raw.data, raw.width, raw.height, orientation);
  if (orientation !== 1) notes.push(orientationNote(orientation));
  return { ...upright, header, notes };
}

/**
 * Decodes PNG, JPEG, GIF or WebP bytes to 8-bit RGBA. `name` is only used in messages.
 * Throws ImageInputError for anything else, for sizes over `limits`, and for damaged data.
 */
export async function decodeImageBytes(
  bytes: Uint8Array,
  name: string,
  limits: ImageLimits = { maxPixels: DEFAULT_MAX_PIXELS },
): Promise<DecodedImage> {
  let header: ImageHeader;
  try {
    header = sniffImage(bytes, limits);
  } catch (error) {
    throw withFile(error, name);
  }
  if (header.format === 'bmp') {
    throw new ImageInputError(
      'unsupported-format',
      `${FORMAT_NAMES[header.format]} images can't be read here: the command line reads PNG, JPEG, GIF and WebP. ` +
        'Convert it to PNG first, or open it in the web page, which reads it.',
      { file: name },
    );
  }
  try {
    if (header.format === 'jpeg') return decodeJpeg(bytes, header, []);
    const image = header.format === 'png' ? decodePng(bytes)
      : header.format === 'gif' ? decodeGif(bytes)
        : await decodeWebp(bytes, name, header.animated === true);
    return decoded(image, header, []);
  } catch (error) {
    // An animated WebP is refused in its own words; anything else thrown here is bad data.
    throw error instanceof ImageInputError ? error : damaged(name, header, error);
  }
}

/** Reads the start of a file only, so that a huge or wrong file is refused unread. */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function unreadable(file: string, error: unknown): ImageInputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT' ? 'there is no such file'
      : code === 'EISDIR' ? 'it is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
          : 'the file could not be read';
  return new ImageInputError('unreadable', `Cannot open ${file}: ${why}.`, { file, cause: error });
}

/** Reads and decodes an image file; the header is checked before the rest is read. */
export async function decodeImageFile(
  file: string,
  limits: ImageLimits = { maxPixels: DEFAULT_MAX_PIXELS },
): Promise<DecodedImage> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    const head = await readHead(file);
    // Sniffing the head first refuses a wrong or oversized file without reading it all.
    if (head.length === HEAD_BYTES) {
      try {
        sniffImage(head, limits);
      } catch (error) {
        if (!(error instanceof ImageInputError && error.kind === 'truncated')) throw withFile(error, name);
      }
    }
    bytes = head.length < HEAD_BYTES ? head : new Uint8Array(await readFile(file));
  } catch (error) {
    throw error instanceof ImageInputError ? error : unreadable(file, error);
  }
  return decodeImageBytes(bytes, name, limits);
}
