import { ByteReader } from './byte-reader';
import type { ImageHeader } from './types';

/** Bit depths the PNG specification allows for each colour type. */
const PNG_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function positive(r: ByteReader, width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw r.bad(`it gives a size of ${width} x ${height} pixels`);
}

/** PNG: IHDR must be the first chunk; an acTL chunk before the first IDAT marks an APNG. */
export function readPng(bytes: Uint8Array): ImageHeader {
  const r = new ByteReader(bytes, 'PNG');
  r.need(29);
  if (r.u32be(8) !== 13 || r.ascii(12, 4) !== 'IHDR') throw r.bad('its first chunk is not IHDR');
  const width = r.u32be(16);
  const height = r.u32be(20);
  const bitDepth = r.u8(24);
  const colorType = r.u8(25);
  positive(r, width, height);
  if (!PNG_DEPTHS[colorType]?.includes(bitDepth)) {
    throw r.bad(`colour type ${colorType} with ${bitDepth}-bit samples is not valid`);
  }
  return { format: 'png', width, height, bitDepth, colorType, animated: pngIsAnimated(bytes) };
}

/** Walks the chunks after IHDR while the bytes last; only whole chunk headers are read. */
function pngIsAnimated(bytes: Uint8Array): boolean {
  const r = new ByteReader(bytes, 'PNG');
  let pos = 33;
  while (pos + 8 <= bytes.length) {
    const type = r.ascii(pos + 4, 4);
    if (type === 'acTL') return pos + 12 <= bytes.length ? r.u32be(pos + 8) > 1 : true;
    if (type === 'IDAT' || type === 'IEND') return false;
    pos += 12 + r.u32be(pos);
  }
  return false;
}

/** Start-of-frame markers: C0..CF except DHT (C4), JPG (C8) and DAC (CC). */
function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Markers without a length field: TEM and the restart markers. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/** JPEG: walk the marker segments until the frame header (SOFn) that holds the size. */
export function readJpeg(bytes: Uint8Array): ImageHeader {
  const r = new ByteReader(bytes, 'JPEG');
  let pos = 2;
  for (;;) {
    if (r.u8(pos) !== 0xff) throw r.bad('a segment marker is missing');
    while (r.u8(pos + 1) === 0xff) pos += 1; // fill bytes
    const marker = r.u8(pos + 1);
    pos += 2;
    if (isStandalone(marker)) continue;
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) {
      throw r.bad('the image data starts before its size is given');
    }
    const length = r.u16be(pos);
    if (length < 2) throw r.bad('a segment has an impossible length');
    if (isSof(marker)) {
      const bitDepth = r.u8(pos + 2);
      const height = r.u16be(pos + 3);
      const width = r.u16be(pos + 5);
      positive(r, width, height);
      return { format: 'jpeg', width, height, bitDepth };
    }
    pos += length;
  }
}

interface GifWalk {
  frames: number;
  firstWidth: number;
  firstHeight: number;
}

/** Skips a run of GIF data sub-blocks; returns the position after the terminator. */
function skipSubBlocks(bytes: Uint8Array, start: number): number {
  let pos = start;
  while (pos < bytes.length) {
    const size = bytes[pos];
    pos += 1 + size;
    if (size === 0) break;
  }
  return pos;
}

/** Counts image descriptors (up to two) while the bytes last, to tell an animation. */
function walkGif(bytes: Uint8Array, start: number): GifWalk {
  const walk: GifWalk = { frames: 0, firstWidth: 0, firstHeight: 0 };
  let pos = start;
  while (pos < bytes.length && walk.frames < 2) {
    const block = bytes[pos];
    if (block === 0x21) {
      pos = skipSubBlocks(bytes, pos + 2);
    } else if (block === 0x2c && pos + 10 <= bytes.length) {
      const r = new ByteReader(bytes, 'GIF');
      if (walk.frames === 0) [walk.firstWidth, walk.firstHeight] = [r.u16le(pos + 5), r.u16le(pos + 7)];
      walk.frames += 1;
      const packed = bytes[pos + 9];
      pos += 10 + ((packed & 0x80) !== 0 ? 3 << ((packed & 7) + 1) : 0);
      pos = skipSubBlocks(bytes, pos + 1); // after the LZW minimum code size
    } else {
      break; // trailer, a cut-off descriptor, or junk: stop counting
    }
  }
  return walk;
}

/** GIF: the logical screen gives the size; a second image descriptor means animation. */
export function readGif(bytes: Uint8Array): ImageHeader {
  const r = new ByteReader(bytes, 'GIF');
  r.need(13);
  const packed = r.u8(10);
  const colorTable = (packed & 0x80) !== 0 ? 3 << ((packed & 7) + 1) : 0;
  const walk = walkGif(bytes, 13 + colorTable);
  let width = r.u16le(6);
  let height = r.u16le(8);
  // Some encoders leave the logical screen at 0 x 0; browsers then use the first frame's size.
  if (width === 0 || height === 0) [width, height] = [walk.firstWidth, walk.firstHeight];
  positive(r, width, height);
  return { format: 'gif', width, height, bitDepth: (packed & 7) + 1, animated: walk.frames > 1 };
}

/** WebP: the first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X). */
export function readWebp(bytes: Uint8Array): ImageHeader {
  const r = new ByteReader(bytes, 'WebP');
  const chunk = r.ascii(12, 4);
  if (chunk === 'VP8 ') {
    if (r.u8(23) !== 0x9d || r.u8(24) !== 0x01 || r.u8(25) !== 0x2a) throw r.bad('the VP8 start code is missing');
    const width = r.u16le(26) & 0x3fff;
    const height = r.u16le(28) & 0x3fff;
    positive(r, width, height);
    return { format: 'webp', width, height, bitDepth: 8, animated: false };
  }
  if (chunk === 'VP8L') {
    if (r.u8(20) !== 0x2f) throw r.bad('the lossless signature is missing');
    const bits = r.u32le(21);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, bitDepth: 8, animated: false };
  }
  if (chunk === 'VP8X') {
    const flags = r.u8(20);
    const width = r.u24le(24) + 1;
    const height = r.u24le(27) + 1;
    return { format: 'webp', width, height, bitDepth: 8, animated: (flags & 0x02) !== 0 };
  }
  throw r.bad(`its first chunk "${chunk.replace(/[^\x20-\x7e]/g, '?')}" is not an image chunk`);
}

/** Sizes of the BMP info headers in use (core, v1 to v5 and OS/2 variants). */
const BMP_INFO_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/** BMP: the info header after the 14-byte file header holds the size. */
export function readBmp(bytes: Uint8Array): ImageHeader {
  const r = new ByteReader(bytes, 'BMP');
  const infoSize = r.u32le(14);
  if (!BMP_INFO_SIZES.has(infoSize)) throw r.bad(`its info header size (${infoSize}) is not one we know`);
  if (infoSize === 12) {
    const width = r.u16le(18);
    const height = r.u16le(20);
    positive(r, width, height);
    return { format: 'bmp', width, height, bitDepth: r.u16le(24) };
  }
  const width = r.i32le(18);
  const height = Math.abs(r.i32le(22)); // negative height: rows stored top-down
  positive(r, width, height);
  return { format: 'bmp', width, height, bitDepth: r.u16le(28) };
}
