/**
 * Files to classify, one after another. A new submission abandons what is waiting; a run
 * already under way finishes on the backend but its result (and its activations) are
 * dropped, so only the newest image is ever shown. When the model changes, the image being
 * run (or, when idle, the last good one, or one whose run failed) runs again on the new one:
 * a result is only ever shown with the model that produced it. A worker that dies mid-run
 * loses nothing: the image waits for the fresh engine's model and runs again there.
 */
import { EngineCrashedError, isAbortError } from '../client/errors';
import type { Prediction } from '../client/types';
import { said, type Said } from '../ui/i18n/i18n';
import { imageErrorWords } from './image-errors';
import { KeptFiles } from './kept-files';
import type { DecodedInput, ImageResult, ItemStatus, QueueDeps, QueueItem, QueueSnapshot } from './queue-types';
import { describeRunError } from './run-errors';
import type { ModelHandle } from './use-model';

export type { DecodedInput, ImageResult, ItemStatus, QueueDeps, QueueItem, QueueSnapshot } from './queue-types';

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
  readonly message: Said;
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
  /** A multi-file run's files, to show again from the strip of thumbnails. */
  private readonly kept: KeptFiles;

  constructor(private readonly deps: QueueDeps) {
    this.kept = new KeptFiles(deps.objectUrl, deps.revokeUrl);
  }

  snapshot(): QueueSnapshot {
    const { items, result, error, pinned } = this;
    return { items, result, pinned, error: error?.message ?? null, gpuError: error?.gpu ?? false, busy: this.running || this.jobs.length > 0 };
  }

  /** Abandons whatever is waiting and queues `files` in order. */
  submit(files: readonly { readonly name: string; readonly blob: Blob }[]): void {
    this.abandon();
    this.kept.clear();
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

  /**
   * Shows a file of the run again (a click on its thumbnail): it runs again, so its image,
   * top-5 and layers come back together. Only once the run is over, and only kept files.
   */
  recall(id: number): void {
    const file = this.kept.file(id);
    const item = this.items.find((it) => it.id === id);
    if (!file || !item || this.running || this.jobs.length > 0 || this.result?.id === id) return;
    this.jobs.push({ id, name: item.name, generation: this.generation, file });
    this.setItem(id, 'waiting');
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
    this.kept.clear();
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
      this.setItem(job.id, 'cancelled', said('queue.why.cancelled'));
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
      return this.fail(job, imageErrorWords(err), false);
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
    this.setItem(job.id, 'waiting', said('queue.why.newModel'));
  }

  /** The previous result stays as it was; the alert names the file and says what is wrong. */
  private fail(job: Job, message: Said, gpu: boolean): void {
    this.error = { id: job.id, message: said('queue.fileError', { name: job.name, reason: message }), gpu };
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
    if (result.file && this.items.length > 1 && this.items.some((it) => it.id === result.id)) {
      const dropped = new Set(this.kept.keep(result.id, result.file));
      if (dropped.size > 0) this.items = this.items.map((it) => (dropped.has(it.id) ? { ...it, thumb: undefined } : it));
    }
    this.setItem(result.id, 'done', undefined, result.predictions);
  }

  private drop(job: Job, url: string | null): void {
    if (url && url !== this.result?.url) this.deps.revokeUrl(url);
    this.setItem(job.id, 'cancelled', said('queue.why.replaced'));
  }

  private setItem(id: number, status: ItemStatus, message?: Said, predictions?: readonly Prediction[]): void {
    const thumb = this.kept.thumb(id) ?? undefined;
    this.items = this.items.map((it) => (it.id === id ? { ...it, status, message, predictions, thumb } : it));
    this.emit();
  }

  private emit(): void {
    this.deps.onChange(this.snapshot());
  }
}
