/**
 * Files people drop on a teaching site, built in Node for the end-to-end tests: bad ones
 * (empty, renamed, HTML, truncated, a decompression bomb, SVG with scripts, TIFF, HEIC)
 * and awkward good ones (grayscale, 16-bit, palette, transparent, animated, EXIF-rotated).
 */
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { buildJpeg, buildPng, exifSegment, pngChunk, pngHeaderOnly, withSegment } from '../src/test-support/test-images';

export interface FileSpec {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

function file(name: string, mimeType: string, bytes: Uint8Array | string): FileSpec {
  return { name, mimeType, buffer: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes) };
}

/** A noisy pattern: compresses badly, so a cut-off file is missing most of its pixels. */
function noisyRgba(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let seed = 12345;
  for (let i = 0; i < data.length; i += 1) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    data[i] = i % 4 === 3 ? 255 : seed >>> 24;
  }
  return data;
}

function cut(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** A TIFF header (little-endian, first IFD at 8) followed by an empty IFD. */
const TIFF = Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

/** An ISO-BMFF ftyp box naming the HEIC brands, as an iPhone photo starts. */
const HEIC = Uint8Array.from([0, 0, 0, 24, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic'), 0, 0, 0, 0]);

const SVG_WITH_SCRIPT = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="window.__svgRan = 'onload'">
  <script>window.__svgRan = 'script';</script>
  <rect width="100" height="100" fill="red"/>
</svg>`;

/** Every bad file of the issue, with a phrase its message must contain. */
export function badFiles(): { file: FileSpec; says: RegExp }[] {
  const png = PNG.sync.write(Object.assign(new PNG({ width: 320, height: 240 }), { data: noisyRgba(320, 240) }));
  const jpg = jpeg.encode({ width: 320, height: 240, data: noisyRgba(320, 240) }, 90).data;
  return [
    { file: file('empty.png', 'image/png', new Uint8Array()), says: /empty \(0 bytes\)/ },
    { file: file('notes.png', 'image/png', 'Lecture notes: ResNets add a shortcut.\n'), says: /not an image \(it looks like text\)/ },
    { file: file('slides.jpg', 'image/jpeg', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), says: /not an image \(it looks like a PDF document\)/ },
    { file: file('cat.jpg', 'image/jpeg', '<!doctype html><html><head><title>Cat</title></head><body><img src="cat.jpg"></body></html>'), says: /web page \(HTML\), not an image/ },
    { file: file('cut.jpg', 'image/jpeg', cut(jpg, 0.6)), says: /could not decode this JPEG image: the file may be damaged or cut short/ },
    { file: file('cut.png', 'image/png', cut(png, 0.6)), says: /could not decode this PNG image: the file may be damaged or cut short/ },
    { file: file('bomb.png', 'image/png', pngHeaderOnly(40000, 40000)), says: /40000 x 40000 pixels .*limit of 50 megapixels or 20000 pixels on a side/ },
    { file: file('drawing.svg', 'image/svg+xml', SVG_WITH_SCRIPT), says: /SVG images are not accepted; use PNG, JPEG, WebP or GIF/ },
    { file: file('scan.tiff', 'image/tiff', TIFF), says: /This format \(TIFF\) is not supported here; use PNG, JPEG, WebP or GIF/ },
    { file: file('photo.heic', 'image/heic', HEIC), says: /This format \(HEIC\) is not supported here; use PNG, JPEG, WebP or GIF/ },
  ];
}

export interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

export function readPng(path: string): Rgba {
  const png = PNG.sync.read(readFileSync(path));
  return { width: png.width, height: png.height, data: png.data };
}

function rows(image: Rgba, pixel: (rgba: Buffer, x: number, y: number) => number[]): number[][] {
  return Array.from({ length: image.height }, (_, y) =>
    Array.from({ length: image.width }, (_, x) => pixel(image.data.subarray((y * image.width + x) * 4), x, y)).flat());
}

const gray = (p: Buffer) => Math.round(0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]);
const level = (v: number) => Math.round((v / 255) * 5);

/** The PNG flavours a browser must turn into the same three channels (alpha on white). */
export function pngFlavours(photo: Rgba, border: number): Record<string, FileSpec> {
  const { width, height } = photo;
  const palette = Array.from({ length: 216 }, (_, i) => [Math.floor(i / 36) * 51, (Math.floor(i / 6) % 6) * 51, (i % 6) * 51]).flat();
  const outside = (x: number, y: number) => x < border || y < border || x >= width - border || y >= height - border;
  const spec = (bitDepth: number, colorType: number, pixel: (p: Buffer, x: number, y: number) => number[], before?: Uint8Array[]) =>
    buildPng({ width, height, bitDepth, colorType, rows: rows(photo, pixel), before });
  return {
    gray8: file('gray8.png', 'image/png', spec(8, 0, (p) => [gray(p)])),
    gray16: file('gray16.png', 'image/png', spec(16, 0, (p) => [gray(p), 0x80])),
    rgb16: file('rgb16.png', 'image/png', spec(16, 2, (p) => [p[0], 0x11, p[1], 0x22, p[2], 0x33])),
    palette: file('palette.png', 'image/png', spec(8, 3, (p) => [level(p[0]) * 36 + level(p[1]) * 6 + level(p[2])], [pngChunk('PLTE', palette)])),
    // Black where transparent: only compositing on white makes the border white.
    transparent: file('transparent.png', 'image/png', spec(8, 6, (p, x, y) => (outside(x, y) ? [0, 0, 0, 0] : [p[0], p[1], p[2], 255]))),
  };
}

/** 64 x 32 stored as red | green over blue | white, tagged "rotate 90° clockwise". */
export function exifRotatedJpeg(): FileSpec {
  const quadrants = (x: number, y: number) =>
    y < 16 ? (x < 32 ? [255, 0, 0, 255] : [0, 255, 0, 255]) : x < 32 ? [0, 0, 255, 255] : [255, 255, 255, 255];
  return file('rotated.jpg', 'image/jpeg', withSegment(buildJpeg(64, 32, quadrants), exifSegment(6)));
}

/** LZW data that never grows past 8-bit codes: a clear code before every 100 literals. */
function lzwLiterals(count: number, index: number): number[] {
  const codes: number[] = [];
  for (let done = 0; done < count; done += 100) codes.push(128, ...new Array<number>(Math.min(100, count - done)).fill(index));
  codes.push(129);
  const blocks: number[] = [7];
  for (let at = 0; at < codes.length; at += 255) {
    const block = codes.slice(at, at + 255);
    blocks.push(block.length, ...block);
  }
  return [...blocks, 0];
}

/** An animated GIF whose frames are flat colours (the first red, then blue). */
export function animatedGif(width: number, height: number): FileSpec {
  const u16 = (v: number) => [v & 0xff, v >>> 8];
  const table = [255, 0, 0, 0, 0, 255, ...new Array<number>(126 * 3).fill(0)];
  const frame = (index: number) => [
    0x21, 0xf9, 4, 0, ...u16(50), 0, 0,
    0x2c, 0, 0, 0, 0, ...u16(width), ...u16(height), 0,
    ...lzwLiterals(width * height, index),
  ];
  const loop = [0x21, 0xff, 11, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0];
  const bytes = [...Buffer.from('GIF89a'), ...u16(width), ...u16(height), 0xf6, 0, 0, ...table, ...loop, ...frame(0), ...frame(1), 0x3b];
  return file('animated.gif', 'image/gif', Uint8Array.from(bytes));
}
