/** The formats a browser decodes for us; the Node command line reads all but BMP. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

/** What an image's first bytes say about it, read without decoding a pixel. */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
  /** True for a GIF with more than one frame, an APNG (acTL) or an animated WebP. */
  animated?: boolean;
  /** Bits per sample (PNG, JPEG precision) or per pixel (BMP). */
  bitDepth?: number;
  /** PNG colour type: 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  colorType?: number;
}

/** Size limits checked on the header, before any decoding. */
export interface ImageLimits {
  /** Width x height above this is refused. Default 50 megapixels. */
  maxPixels: number;
  /** Either side above this is refused. Default 20000. */
  maxSide?: number;
}

/** A decoded image as plain data: 8-bit RGBA, row-major, `width * height * 4` bytes. */
export interface DecodedImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  header: ImageHeader;
  /** Plain sentences about what was done to the image (rotated, downscaled, first frame). */
  notes: string[];
}
