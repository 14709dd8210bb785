import { ACCEPTED_FORMATS, ImageInputError } from './errors';
import { readBmp, readGif, readJpeg, readPng, readWebp } from './header-readers';
import type { ImageFormat, ImageHeader, ImageLimits } from './types';

export const DEFAULT_MAX_PIXELS = 50_000_000;
export const DEFAULT_MAX_SIDE = 20_000;

/** A magic-byte pattern; `null` matches any byte (the RIFF size field, for example). */
type Pattern = readonly (number | null)[];

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

const ANY4 = [null, null, null, null];

/** The formats we read, by their magic bytes. Never by the file name. */
const READERS: readonly { format: ImageFormat; pattern: Pattern; read: (b: Uint8Array) => ImageHeader }[] = [
  { format: 'png', pattern: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a], read: readPng },
  { format: 'jpeg', pattern: [0xff, 0xd8, 0xff], read: readJpeg },
  { format: 'gif', pattern: ascii('GIF87a'), read: readGif },
  { format: 'gif', pattern: ascii('GIF89a'), read: readGif },
  { format: 'webp', pattern: [...ascii('RIFF'), ...ANY4, ...ascii('WEBP')], read: readWebp },
  { format: 'bmp', pattern: ascii('BM'), read: readBmp },
];

/** Image formats we recognise but do not accept, with the name a person knows them by. */
const UNSUPPORTED: readonly { name: string; pattern: Pattern }[] = [
  { name: 'TIFF', pattern: [...ascii('II'), 0x2a, 0x00] },
  { name: 'TIFF', pattern: [...ascii('MM'), 0x00, 0x2a] },
  { name: 'JPEG XL', pattern: [0xff, 0x0a] },
  { name: 'JPEG XL', pattern: [0, 0, 0, 0x0c, ...ascii('JXL '), 0x0d, 0x0a, 0x87, 0x0a] },
  { name: 'JPEG 2000', pattern: [0, 0, 0, 0x0c, ...ascii('jP  '), 0x0d, 0x0a, 0x87, 0x0a] },
  { name: 'JPEG 2000', pattern: [0xff, 0x4f, 0xff, 0x51] },
  { name: 'Photoshop (PSD)', pattern: ascii('8BPS') },
  { name: 'Windows icon (ICO)', pattern: [0, 0, 1, 0] },
];

/** Files people drop by mistake, named so the message can say what it looks like. */
const NOT_IMAGES: readonly { looksLike: LooksLike; pattern: Pattern }[] = [
  { looksLike: 'pdf', pattern: ascii('%PDF') },
  { looksLike: 'zip', pattern: [...ascii('PK'), 3, 4] },
  { looksLike: 'gzip', pattern: [0x1f, 0x8b] },
  { looksLike: 'rar', pattern: ascii('Rar!') },
  { looksLike: '7z', pattern: [...ascii('7z'), 0xbc, 0xaf] },
  { looksLike: 'wav', pattern: [...ascii('RIFF'), ...ANY4, ...ascii('WAVE')] },
  { looksLike: 'mp3', pattern: ascii('ID3') },
  { looksLike: 'program', pattern: [0x7f, ...ascii('ELF')] },
  { looksLike: 'program', pattern: ascii('MZ') },
];

/** What a file that is not an image looks like, in the refusal's words. */
const LOOKS_LIKE = {
  pdf: 'a PDF document',
  zip: 'a ZIP archive or office document',
  gzip: 'a compressed (gzip) file',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  wav: 'a WAV audio file',
  mp3: 'an MP3 audio file',
  program: 'a program (executable)',
  video: 'a video file',
  xml: 'an XML document',
  text: 'text',
} as const;
type LooksLike = keyof typeof LOOKS_LIKE;

type Match = 'full' | 'partial' | 'none';

function match(bytes: Uint8Array, pattern: Pattern, offset = 0): Match {
  for (let i = 0; i < pattern.length; i += 1) {
    if (offset + i >= bytes.length) return 'partial';
    const want = pattern[i];
    if (want !== null && bytes[offset + i] !== want) return 'none';
  }
  return 'full';
}

const USE_INSTEAD = `use ${ACCEPTED_FORMATS}`;

function unsupported(name: string): ImageInputError {
  return new ImageInputError('unsupported-format', `This format (${name}) is not supported here; ${USE_INSTEAD}.`, {
    words: { code: 'unsupported', values: { format: name } },
  });
}

function notAnImage(looksLike?: LooksLike): ImageInputError {
  const hint = looksLike === undefined ? '' : ` (it looks like ${LOOKS_LIKE[looksLike]})`;
  return new ImageInputError('not-an-image', `This file is not an image${hint}. Please choose a ${ACCEPTED_FORMATS} file.`, {
    words: { code: 'not-an-image', values: { looksLike: looksLike ?? 'none' } },
  });
}

/** ISO base media files (HEIC, AVIF, MP4, MOV) name their brands in the ftyp box. */
function classifyFtyp(bytes: Uint8Array): ImageInputError | undefined {
  if (match(bytes, ascii('ftyp'), 4) !== 'full') return undefined;
  const boxSize = Math.min(bytes.length, ((bytes[0] << 24) >>> 0) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3]);
  const brands: string[] = [];
  for (let at = 8; at + 4 <= boxSize; at += at === 8 ? 8 : 4) {
    brands.push(String.fromCharCode(...bytes.subarray(at, at + 4)));
  }
  if (brands.some((b) => b === 'avif' || b === 'avis')) return unsupported('AVIF');
  if (brands.some((b) => /^(hei[cmsx]|hev[cmsx]|mif1|msf1)$/.test(b))) return unsupported('HEIC');
  return notAnImage('video');
}

/** Reads the first kilobyte as text (UTF-8/Latin-1, or UTF-16 with a byte-order mark). */
function leadingText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 1024);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const chars = utf16 ? head.filter((_, i) => i % 2 === (head[0] === 0xff ? 0 : 1)) : head;
  return String.fromCharCode(...chars).replace(/^(\xef\xbb\xbf|\xff|\xfe)+/, '');
}

const HTML_TAGS = ['<!doctype html', '<html', '<head', '<body', '<meta', '<title', '<script', '<div', '<iframe', '<link', '<style'];

function firstIndex(text: string, needles: readonly string[]): number {
  const found = needles.map((n) => text.indexOf(n)).filter((i) => i >= 0);
  return found.length === 0 ? Infinity : Math.min(...found);
}

/** HTML pages and SVG drawings, told apart by whichever root-ish tag comes first. */
function classifyMarkup(bytes: Uint8Array): ImageInputError | undefined {
  const text = leadingText(bytes).trimStart().toLowerCase();
  if (!text.startsWith('<')) return undefined;
  const svgAt = firstIndex(text, ['<svg', '<!doctype svg']);
  const htmlAt = firstIndex(text, HTML_TAGS);
  if (svgAt < htmlAt) {
    return new ImageInputError('svg', `SVG images are not accepted; ${USE_INSTEAD}.`, { words: { code: 'svg' } });
  }
  if (htmlAt < Infinity) {
    return new ImageInputError(
      'html',
      `This is a web page (HTML), not an image. If you saved it from a browser, save the picture itself instead (right-click it, then "Save image as").`,
      { words: { code: 'html' } },
    );
  }
  return text.startsWith('<?xml') ? notAnImage('xml') : undefined;
}

/** Printable text (with tabs and line breaks) over the first kilobyte. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  return head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
}

/** Why a file that is none of our formats is refused. */
function refuse(bytes: Uint8Array): ImageInputError {
  const other = UNSUPPORTED.find((u) => match(bytes, u.pattern) === 'full');
  if (other !== undefined) return unsupported(other.name);
  const known = classifyFtyp(bytes) ?? classifyMarkup(bytes);
  if (known !== undefined) return known;
  const named = NOT_IMAGES.find((n) => match(bytes, n.pattern) === 'full');
  if (named !== undefined) return notAnImage(named.looksLike);
  return notAnImage(looksLikeText(bytes) ? 'text' : undefined);
}

function megapixels(pixels: number): string {
  const mp = pixels / 1e6;
  return mp < 10 ? mp.toFixed(1) : Math.round(mp).toString();
}

/** Refuses a header whose size would exhaust memory, before anything is decoded. */
function checkLimits(header: ImageHeader, limits: ImageLimits): void {
  const maxSide = limits.maxSide ?? DEFAULT_MAX_SIDE;
  const { width, height } = header;
  if (width <= maxSide && height <= maxSide && width * height <= limits.maxPixels) return;
  const [megapixelsIn, limit] = [megapixels(width * height), megapixels(limits.maxPixels)];
  throw new ImageInputError(
    'too-large',
    `This image is ${width} x ${height} pixels (${megapixelsIn} megapixels), more than the limit of ` +
      `${limit} megapixels or ${maxSide} pixels on a side. Please use a smaller image.`,
    { words: { code: 'too-large', values: { width, height, megapixels: megapixelsIn, limit, maxSide } } },
  );
}

/**
 * Reads an image's format and size from its first bytes (magic bytes, never the file
 * name) and refuses everything we cannot or will not decode, with an ImageInputError
 * whose message a person can act on. Pure: runs in Node and in the browser.
 */
export function sniffImage(bytes: Uint8Array, limits: ImageLimits = { maxPixels: DEFAULT_MAX_PIXELS }): ImageHeader {
  if (bytes.length === 0) throw new ImageInputError('empty', 'The file is empty (0 bytes).', { words: { code: 'empty' } });
  const reader = READERS.find((r) => match(bytes, r.pattern) === 'full');
  if (reader !== undefined) {
    const header = reader.read(bytes);
    checkLimits(header, limits);
    return header;
  }
  if (bytes.length < 12 && READERS.some((r) => match(bytes, r.pattern) === 'partial')) {
    throw new ImageInputError('truncated', `The file is only ${bytes.length} bytes long: too short to hold an image.`, {
      words: { code: 'too-short', values: { bytes: bytes.length } },
    });
  }
  throw refuse(bytes);
}
