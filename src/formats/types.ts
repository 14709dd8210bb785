/**
 * What a model file holds once opened, whatever its format: the Keras layers (when the file
 * has an architecture) and the stored weights, each read only when asked for. Plain data
 * and closures; no tfjs.
 */

export type ModelFormat = 'keras' | 'h5' | 'weights-h5' | 'tfjs';

/** A file handed in: its name (for the format and for messages) and its bytes. */
export interface ModelFileInput {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/** One layer of a Keras architecture (Keras 2 and 3, and tfjs' copy of it). */
export interface KerasLayer {
  readonly name: string;
  /** Conv2D, BatchNormalization, Activation, ... */
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** Names of the layers feeding it (its first call). */
  readonly inbound: readonly string[];
}

/** One stored tensor: its shape is known without reading it. */
export interface StoredWeight {
  /** kernel, bias, gamma, beta, moving_mean, moving_variance. */
  readonly name: string;
  readonly shape: readonly number[];
  /** Reads the values (float32); called once, when the weight is set. */
  read(): Float32Array;
}

/** The weights of one layer, in the order the file stores them. */
export interface StoredLayer {
  /** The layer's name in the file; null where the file does not say (Keras 3 weights-only). */
  readonly name: string | null;
  /** Keras class: Conv2D, BatchNormalization, Dense. */
  readonly className: string;
  readonly weights: readonly StoredWeight[];
}

export interface ModelArchive {
  /** The file the person gave (model.json for tfjs). */
  readonly file: string;
  readonly format: ModelFormat;
  /** The architecture; null for a weights-only file. */
  readonly layers: readonly KerasLayer[] | null;
  /** Layers with weights, in file order. */
  readonly stored: readonly StoredLayer[];
  /** The Keras version that wrote it, when it says. */
  readonly kerasVersion: string | null;
  /** Frees what the reader holds (HDF5's in-memory file). */
  close(): void;
}

/** A format: a cheap sniff from the name and first bytes, then the reader. */
export interface FormatModule {
  readonly format: ModelFormat;
  match(name: string, head: Uint8Array): boolean;
  open(main: ModelFileInput, others: readonly ModelFileInput[]): Promise<ModelArchive>;
}
