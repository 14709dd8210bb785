/**
 * Tiny images built in memory for the tests (Node only; imported by *.test.ts files).
 * Each builder writes just enough of its format to be real: PNGs decode with pngjs,
 * JPEGs come from jpeg-js, and GIF, WebP and BMP headers are byte-exact.
 */
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function u32be(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function u16le(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff];
}

function u32le(value: number): number[] {
  return [...u16le(value & 0xffff), ...u16le(value >>> 16)];
}

export function pngChunk(type: string, data: ArrayLike<number> = []): Uint8Array {
  const body = Uint8Array.from([...ascii(type), ...Array.from(data)]);
  return Uint8Array.from([...u32be(data.length), ...body, ...u32be(crc32(body))]);
}

export function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(Array.from(part), at);
    at += part.length;
  }
  return out;
}

export interface PngSpec {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Packed scanlines without filter bytes, `height` rows of equal length. */
  rows: number[][];
  /** Chunks placed between IHDR and IDAT (PLTE, tRNS, acTL...). */
  before?: Uint8Array[];
}

/** A real PNG (filter type 0 on every row), any colour type and bit depth. */
export function buildPng(spec: PngSpec): Uint8Array {
  const ihdr = [...u32be(spec.width), ...u32be(spec.height), spec.bitDepth, spec.colorType, 0, 0, 0];
  const raw = Uint8Array.from(spec.rows.flatMap((row) => [0, ...row]));
  return concat(
    [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', ihdr),
    ...(spec.before ?? []),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND'),
  );
}

/** A PNG header claiming any size (IHDR only, then IEND): for limits, never decoded. */
export function pngHeaderOnly(width: number, height: number): Uint8Array {
  return buildPng({ width, height, bitDepth: 8, colorType: 2, rows: [] });
}

/** An RGBA pixel buffer from a function of (x, y). */
export function rgbaImage(width: number, height: number, color: (x: number, y: number) => number[]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) data.set(color(x, y), (y * width + x) * 4);
  }
  return data;
}

export function buildJpeg(width: number, height: number, color: (x: number, y: number) => number[], quality = 95): Uint8Array {
  const encoded = jpeg.encode({ width, height, data: rgbaImage(width, height, color) }, quality);
  return new Uint8Array(encoded.data);
}

/** An APP1 Exif segment holding one IFD0 entry: Orientation (0x0112), SHORT. */
export function exifSegment(orientation: number, littleEndian = false): Uint8Array {
  const u16 = (v: number) => (littleEndian ? [v & 0xff, v >>> 8] : [v >>> 8, v & 0xff]);
  const u32 = (v: number) => (littleEndian ? [...u16(v & 0xffff), ...u16(v >>> 16)] : [...u16(v >>> 16), ...u16(v & 0xffff)]);
  const tiff = [
    ...(littleEndian ? ascii('II') : ascii('MM')), ...u16(42), ...u32(8),
    ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0),
  ];
  const body = [...ascii('Exif'), 0, 0, ...tiff];
  return Uint8Array.from([0xff, 0xe1, (body.length + 2) >>> 8, (body.length + 2) & 0xff, ...body]);
}

/** Inserts a segment right after a JPEG's SOI marker. */
export function withSegment(jpegBytes: Uint8Array, segment: Uint8Array): Uint8Array {
  return concat(jpegBytes.subarray(0, 2), segment, jpegBytes.subarray(2));
}

/** A GIF of `frames` 1x1 frames on a width x height screen (valid block structure). */
export function buildGif(width: number, height: number, frames = 1): Uint8Array {
  const frame = [
    0x21, 0xf9, 4, 0x04, 10, 0, 0, 0, // graphic control extension, 0.1 s delay
    0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, // image descriptor, 1x1 at (0, 0), no local table
    2, 2, 0x44, 0x01, 0, // LZW code size 2, one sub-block, terminator
  ];
  return Uint8Array.from([
    ...ascii('GIF89a'), ...u16le(width), ...u16le(height), 0x80, 0, 0, // 2-colour global table
    0, 0, 0, 255, 255, 255,
    ...Array.from({ length: frames }, () => frame).flat(),
    0x3b,
  ]);
}

export type WebpKind = 'VP8' | 'VP8L' | 'VP8X' | 'VP8X-animated';

/** A WebP whose first chunk is `kind`, with a real header and filler payload. */
export function buildWebp(kind: WebpKind, width: number, height: number): Uint8Array {
  let chunk: number[];
  if (kind === 'VP8') {
    const data = [0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height), ...new Array<number>(10).fill(0)];
    chunk = [...ascii('VP8 '), ...u32le(data.length), ...data];
  } else if (kind === 'VP8L') {
    const bits = ((width - 1) | ((height - 1) << 14)) >>> 0;
    const data = [0x2f, ...u32le(bits), 0, 0, 0];
    chunk = [...ascii('VP8L'), ...u32le(data.length), ...data];
  } else {
    const flags = kind === 'VP8X-animated' ? 0x12 : 0x10;
    const data = [flags, 0, 0, 0, ...u32le(width - 1).slice(0, 3), ...u32le(height - 1).slice(0, 3)];
    chunk = [...ascii('VP8X'), ...u32le(data.length), ...data];
  }
  return Uint8Array.from([...ascii('RIFF'), ...u32le(4 + chunk.length), ...ascii('WEBP'), ...chunk]);
}

/** A 24-bit BMP, BITMAPINFOHEADER (40 bytes) or the old 12-byte core header. */
export function buildBmp(width: number, height: number, core = false): Uint8Array {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const pixels = new Array<number>(rowBytes * Math.abs(height)).fill(128);
  const info = core
    ? [...u32le(12), ...u16le(width), ...u16le(height), ...u16le(1), ...u16le(24)]
    : [...u32le(40), ...u32le(width), ...u32le(height >>> 0), ...u16le(1), ...u16le(24), ...new Array<number>(24).fill(0)];
  const offset = 14 + info.length;
  return Uint8Array.from([...ascii('BM'), ...u32le(offset + pixels.length), 0, 0, 0, 0, ...u32le(offset), ...info, ...pixels]);
}

export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
