/** What the classify queue shows and needs (classify-queue.ts): plain data about files, results and their state. */
import type { Prediction } from '../client/types';
import type { Said } from '../ui/i18n/i18n';
import type { ModelHandle } from './use-model';

export interface DecodedInput {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array | Uint8ClampedArray;
  /** What was done to it on the way in, said in the page's language when shown. */
  readonly notes: readonly Said[];
}

export type ItemStatus = 'waiting' | 'decoding' | 'running' | 'done' | 'failed' | 'cancelled';

export interface QueueItem {
  readonly id: number;
  readonly name: string;
  readonly status: ItemStatus;
  /** Why it failed or was cancelled, said in the page's language when shown. */
  readonly message?: Said;
  /** Its top-k once it has run (for a run's CSV); gone when it runs again. */
  readonly predictions?: readonly Prediction[];
  /**
   * In a run of several files, once done: an object URL of the file, for its thumbnail; the
   * file is kept to show again (`ClassifyQueue.recall`). Absent once it falls out of the strip.
   */
  readonly thumb?: string;
}

export interface ImageResult {
  readonly id: number;
  readonly name: string;
  readonly image: DecodedInput;
  /** The file itself: the pixels are decoded from it again if they are lost with a worker. */
  readonly file?: Blob;
  /** An object URL of the original file, for the "original" view. */
  readonly url: string | null;
  readonly predictions: readonly Prediction[];
  readonly ms: number;
  /** Names this image's activations in the engine, for the layer reads. */
  readonly resultId: number;
  /** The model that made this result: it is shown only while that model is the current one. */
  readonly handle: ModelHandle;
  /** The residual blocks switched off for this pass (empty: the intact network). */
  readonly lesion: readonly string[];
  /** The same image's predictions on the intact network, when known (a lesioned re-run of it). */
  readonly intact: readonly Prediction[] | null;
}

export interface QueueSnapshot {
  readonly items: readonly QueueItem[];
  readonly result: ImageResult | null;
  /** A result kept as "A" for a comparison: the engine holds it until it is unpinned. */
  readonly pinned: ImageResult | null;
  readonly error: Said | null;
  /** The error came from the graphics card while running: WASM would cure it. */
  readonly gpuError: boolean;
  readonly busy: boolean;
}

export interface QueueDeps {
  decode(file: Blob): Promise<DecodedInput>;
  objectUrl(file: Blob): string | null;
  revokeUrl(url: string): void;
  onChange(snapshot: QueueSnapshot): void;
}
