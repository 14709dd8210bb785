/**
 * The plain data the input panels show. Defined here, apart from the components, so the
 * composition root can build it without reaching into a component's module.
 */

export interface NamedBlob {
  readonly name: string;
  readonly blob: Blob;
}

/** A bundled sample photo the page offers. */
export interface Sample {
  readonly name: string;
  readonly url: string;
  readonly label: string;
}

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** A class activation map for one class, at the input's size. */
export interface CamMap {
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly values: Float32Array;
}
