/**
 * Files to classify, one after another. A new submission abandons what is waiting; a run
 * already under way finishes on the backend but its result (and its activations) are
 * dropped, so only the newest image is ever shown. When the model changes, the image being
 * run (or, when idle, the last good one, or one whose run failed) runs again on the new one:
 * a result is only ever shown with the model that produced it. A worker that dies mid-run
 * loses nothing: the image waits for the fresh engine's model and runs again there.
 */
import { EngineCrashedError, errorText, isAbortError } from '../client/errors';
import type { Prediction } from '../client/types';
import { describeRunError } from './run-errors';
import type { ModelHandle } from './use-model';

export interface DecodedInput {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array | Uint8ClampedArray;
  readonly notes: readonly string[];
}

export type ItemStatus = 'waiting' | 'decoding' | 'running' | 'done' | 'failed' | 'cancelled';

export interface QueueItem {
  readonly id: number;
  readonly name: string;
  readonly status: ItemStatus;
  readonly message?: string;
  /** Its top-k once it has run (for a run's CSV); gone when it runs again. */
  readonly predictions?: readonly Prediction[];
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
  readonly error: string | null;
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

interface Decoded {
  readonly image: DecodedInput;
  readonly url: string | null;
}

interface Job {
  readonly id: number;
  readonly name: string;
  readonly generation: number;
  readonly file?: Blob;
  readonly decoded?: Decoded;
}

interface ShownError {
  readonly id: number;
  readonly message: string;
  readonly gpu: boolean;
}

/** Frees a result's activations in the engine; a closed model or a dead engine has freed them already. */
function releaseResult(handle: ModelHandle, resultId: number): void {
  void handle.client.release(resultId).catch(() => undefined);
}

/** A buffer handed to a worker is empty on this side until it comes back. */
function detached(image: DecodedInput): boolean {
  return image.pixels.byteLength === 0 && image.width * image.height > 0;
}


export class ClassifyQueue {
  private items: QueueItem[] = [];
  private jobs: Job[] = [];
  private result: ImageResult | null = null;
  private error: ShownError | null = null;
  /** A decoded image whose run failed (on the GPU, say): it runs again on the next model. */
  private failedRun: Job | null = null;
  private generation = 0;
  private nextId = 1;
  private running = false;
  private inFlight = false;
  private handle: ModelHandle | null = null;
  /** Aborts the pass under way: a newer image or another model replaced it. */
  private inFlightAbort: AbortController | null = null;
  /** Blocks switched off for every pass from now on. */
  private lesion: readonly string[] = [];
  private pinned: ImageResult | null = null;

  constructor(private readonly deps: QueueDeps) {}

  snapshot(): QueueSnapshot {
    const { items, result, error, pinned } = this;
    return { items, result, pinned, error: error?.message ?? null, gpuError: error?.gpu ?? false, busy: this.running || this.jobs.length > 0 };
  }

  /** Abandons whatever is waiting and queues `files` in order. */
  submit(files: readonly { readonly name: string; readonly blob: Blob }[]): void {
    this.abandon();
    const generation = this.generation;
    const fresh = files.map((f) => ({ id: this.nextId++, name: f.name, generation, file: f.blob }));
    this.jobs.push(...fresh);
    this.items = fresh.map(({ id, name }) => ({ id, name, status: 'waiting' as const }));
    this.error = null;
    this.emit();
    void this.pump();
  }

  /**
   * A camera frame: it runs like a dropped image (replacing whatever still waits) but is not
   * listed under Files, where a stream of frames would be noise. The camera sends the next
   * frame only once this one is answered, so the newest frame always wins.
   */
  submitFrame(name: string, image: DecodedInput): void {
    this.abandon();
    this.jobs.push({ id: this.nextId++, name, generation: this.generation, decoded: { image, url: null } });
    this.error = null;
    this.emit();
    void this.pump();
  }

  /** Stops after the file under way: nothing waiting will run. */
  cancel(): void {
    this.cancelWaiting();
    this.emit();
  }

  /**
   * Keeps the result on show as A (`pin()`), or lets A go (`unpin()`): a pinned result is not
   * released when a newer one replaces it on show, so the two can be compared.
   */
  pin(): void {
    const next = this.result;
    if (next === this.pinned) return;
    this.unpinQuietly();
    this.pinned = next;
    this.emit();
  }

  unpin(): void {
    this.unpinQuietly();
    this.emit();
  }

  private unpinQuietly(): void {
    const old = this.pinned;
    this.pinned = null;
    if (old && old !== this.result) releaseResult(old.handle, old.resultId);
  }

  /** A new model: the image under way, a failed one, or else the last good one runs on it. */
  setModel(handle: ModelHandle | null): void {
    if (handle === this.handle) return;
    this.handle = handle;
    // A pinned result lives in its model: another model cannot compare with it.
    if (this.pinned && this.pinned.handle !== handle) this.unpinQuietly();
    this.inFlightAbort?.abort();
    const again = this.failedRun ?? this.lastAsJob(handle);
    if (handle && again && this.jobs.length === 0 && !this.inFlight) {
      this.failedRun = null;
      this.jobs.push(again);
      this.setItem(again.id, 'waiting');
    }
    void this.pump();
  }

  /** Blocks to switch off: the image on show runs again on the network without them. */
  setLesion(blocks: readonly string[]): void {
    if (blocks.join() === this.lesion.join()) return;
    this.lesion = [...blocks];
    this.inFlightAbort?.abort();
    const again = this.result && this.jobOf(this.result);
    if (again && this.jobs.length === 0 && !this.inFlight) {
      this.jobs.push(again);
      this.setItem(again.id, 'waiting');
    }
    void this.pump();
  }

  dispose(): void {
    this.abandon();
    this.unpinQuietly();
    if (this.result?.url) this.deps.revokeUrl(this.result.url);
  }

  private lastAsJob(handle: ModelHandle | null): Job | null {
    const last = this.result;
    return last && last.handle !== handle ? this.jobOf(last) : null;
  }

  /** A result's image as a job, to run again (on another model, or with other blocks off). */
  private jobOf(result: ImageResult): Job {
    return { id: result.id, name: result.name, generation: this.generation, file: result.file, decoded: { image: result.image, url: result.url } };
  }

  /** A new submission: the file under way is dropped too, whenever it finishes. */
  private abandon(): void {
    this.generation++;
    this.inFlightAbort?.abort();
    this.cancelWaiting();
    this.releaseFailed();
  }

  private cancelWaiting(): void {
    for (const job of this.jobs) {
      const url = job.decoded?.url;
      if (url && url !== this.result?.url) this.deps.revokeUrl(url);
      this.setItem(job.id, 'cancelled', 'Cancelled');
    }
    this.jobs = [];
  }

  private releaseFailed(): void {
    const url = this.failedRun?.decoded?.url;
    if (url && url !== this.result?.url) this.deps.revokeUrl(url);
    this.failedRun = null;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.jobs.length > 0 && this.handle) {
        const job = this.jobs.shift();
        this.inFlight = true;
        if (job) await this.process(job);
        this.inFlight = false;
      }
    } finally {
      this.running = false;
      this.inFlight = false;
      this.emit();
    }
  }

  private async process(job: Job): Promise<void> {
    let decoded = job.decoded;
    try {
      if (!decoded && job.file) {
        this.setItem(job.id, 'decoding');
        decoded = { image: await this.deps.decode(job.file), url: this.deps.objectUrl(job.file) };
      } else if (decoded && job.file && detached(decoded.image)) {
        // Its pixels went to a worker that never gave them back (it died mid-run).
        this.setItem(job.id, 'decoding');
        decoded = { ...decoded, image: await this.deps.decode(job.file) };
      }
    } catch (err) {
      return this.fail(job, errorText(err), false);
    }
    if (decoded) await this.run(job, decoded);
  }

  /** Runs a decoded image on the current model; the result counts only if still wanted. */
  private async run(job: Job, decoded: Decoded): Promise<void> {
    const handle = this.handle;
    if (job.generation !== this.generation) return this.drop(job, decoded.url);
    if (!handle) return this.requeue(job, decoded);
    const lesion = this.lesion;
    const wanted = () => job.generation === this.generation && handle === this.handle && lesion === this.lesion;
    this.setItem(job.id, 'running');
    const abort = new AbortController();
    this.inFlightAbort = abort;
    try {
      let intact = this.intactFor(job.id, lesion, handle);
      if (lesion.length > 0 && intact === null) {
        // A new image under a lesion: the intact network's answer first, for the deltas.
        const base = await handle.client.classify(handle.model.modelId, decoded.image, { topK: 5, signal: abort.signal });
        releaseResult(handle, base.resultId);
        decoded = { ...decoded, image: { ...decoded.image, pixels: base.image.pixels } };
        if (!wanted()) return this.stale(job, decoded);
        intact = base.predictions;
      }
      const run = await handle.client.classify(handle.model.modelId, decoded.image, { topK: 5, signal: abort.signal, ...(lesion.length > 0 ? { lesion } : {}) });
      const image = { ...decoded.image, pixels: run.image.pixels };
      if (!wanted()) {
        releaseResult(handle, run.resultId);
        return this.stale(job, { ...decoded, image });
      }
      this.accept({
        id: job.id, name: job.name, image, file: job.file, url: decoded.url,
        predictions: run.predictions, ms: run.ms, resultId: run.resultId, handle, lesion, intact,
      });
    } catch (err) {
      // The engine is gone: nothing runs until a new model arrives (setModel), or every
      // retry would fail at once and the queue would spin.
      if (err instanceof EngineCrashedError && handle === this.handle) this.handle = null;
      // A newer image, or a model switched (or an engine lost) mid-run, is not this image's fault.
      if (isAbortError(err) || err instanceof EngineCrashedError || !wanted()) return this.stale(job, decoded);
      const failure = describeRunError(err);
      this.releaseFailed();
      this.failedRun = { ...job, decoded };
      this.fail(job, failure.message, failure.gpu);
    } finally {
      if (this.inFlightAbort === abort) this.inFlightAbort = null;
    }
  }

  /** The intact predictions of this image, from the result on show, when it is the same image. */
  private intactFor(id: number, lesion: readonly string[], handle: ModelHandle): readonly Prediction[] | null {
    const shown = this.result;
    if (lesion.length === 0 || !shown || shown.id !== id || shown.handle !== handle) return null;
    return shown.lesion.length === 0 ? shown.predictions : shown.intact;
  }

  private stale(job: Job, decoded: Decoded): void {
    if (job.generation !== this.generation) this.drop(job, decoded.url);
    else this.requeue(job, decoded);
  }

  /** The model changed under this image: it runs again, first, on the new one. */
  private requeue(job: Job, decoded: Decoded): void {
    this.jobs.unshift({ ...job, decoded });
    this.setItem(job.id, 'waiting', 'Waiting for the new model');
  }

  /** The previous result stays as it was; the alert names the file and says what is wrong. */
  private fail(job: Job, message: string, gpu: boolean): void {
    this.error = { id: job.id, message: `${job.name}: ${message}`, gpu };
    this.setItem(job.id, 'failed', message);
  }

  private accept(result: ImageResult): void {
    const old = this.result;
    if (old?.url && old.url !== result.url) this.deps.revokeUrl(old.url);
    // The engine holds each result's activations until told: the one replaced is let go
    // (unless it is pinned as A: it goes when unpinned).
    if (old && old !== this.pinned) releaseResult(old.handle, old.resultId);
    this.result = result;
    if (this.error?.id === result.id) this.error = null;
    this.setItem(result.id, 'done', undefined, result.predictions);
  }

  private drop(job: Job, url: string | null): void {
    if (url && url !== this.result?.url) this.deps.revokeUrl(url);
    this.setItem(job.id, 'cancelled', 'Replaced by a newer image');
  }

  private setItem(id: number, status: ItemStatus, message?: string, predictions?: readonly Prediction[]): void {
    this.items = this.items.map((it) => (it.id === id ? { ...it, status, message, predictions } : it));
    this.emit();
  }

  private emit(): void {
    this.deps.onChange(this.snapshot());
  }
}
