/**
 * Files to classify, one after another. A new submission abandons what is waiting; a run
 * already under way finishes on the backend but its result is dropped, so only the newest
 * image is ever shown. The last good image re-runs when the model changes.
 */
import type { ModelSession, Prediction } from '../inspect';

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
}

export interface ImageResult {
  readonly id: number;
  readonly name: string;
  readonly image: DecodedInput;
  /** An object URL of the original file, for the "original" view. */
  readonly url: string | null;
  readonly predictions: readonly Prediction[];
  readonly ms: number;
  readonly session: ModelSession;
}

export interface QueueSnapshot {
  readonly items: readonly QueueItem[];
  readonly result: ImageResult | null;
  readonly error: string | null;
  readonly busy: boolean;
}

export interface QueueDeps {
  decode(file: Blob): Promise<DecodedInput>;
  objectUrl(file: Blob): string | null;
  revokeUrl(url: string): void;
  onChange(snapshot: QueueSnapshot): void;
}

interface Job {
  readonly id: number;
  readonly name: string;
  readonly generation: number;
  readonly file?: Blob;
  readonly decoded?: { image: DecodedInput; url: string | null };
}

export class ClassifyQueue {
  private items: QueueItem[] = [];
  private jobs: Job[] = [];
  private result: ImageResult | null = null;
  private error: string | null = null;
  private generation = 0;
  private nextId = 1;
  private running = false;
  private session: ModelSession | null = null;

  constructor(private readonly deps: QueueDeps) {}

  snapshot(): QueueSnapshot {
    return { items: this.items, result: this.result, error: this.error, busy: this.running || this.jobs.length > 0 };
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

  /** Stops after the current file; nothing waiting will run. */
  cancel(): void {
    this.abandon();
    this.emit();
  }

  /** A new model: the last good image runs again on it, once it is ready. */
  setSession(session: ModelSession | null): void {
    if (session === this.session) return;
    this.session = session;
    const last = this.result;
    if (session && last && last.session !== session && this.jobs.length === 0) {
      this.jobs.push({ id: last.id, name: last.name, generation: this.generation, decoded: { image: last.image, url: last.url } });
      this.setItem(last.id, 'waiting');
    }
    void this.pump();
  }

  dispose(): void {
    this.abandon();
    if (this.result?.url) this.deps.revokeUrl(this.result.url);
  }

  private abandon(): void {
    this.generation++;
    for (const job of this.jobs) this.setItem(job.id, 'cancelled', 'Cancelled');
    this.jobs = [];
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.jobs.length > 0 && this.session) {
        const job = this.jobs.shift();
        if (job) await this.process(job, this.session);
      }
    } finally {
      this.running = false;
      this.emit();
    }
  }

  private async process(job: Job, session: ModelSession): Promise<void> {
    let decoded = job.decoded;
    try {
      if (!decoded && job.file) {
        this.setItem(job.id, 'decoding');
        decoded = { image: await this.deps.decode(job.file), url: this.deps.objectUrl(job.file) };
      }
      if (!decoded) return;
      if (job.generation !== this.generation || session !== this.session) return this.drop(job, decoded.url);
      this.setItem(job.id, 'running');
      const run = await session.classify(decoded.image, 5);
      if (job.generation !== this.generation || session !== this.session) return this.drop(job, decoded.url);
      this.accept({ id: job.id, name: job.name, image: decoded.image, url: decoded.url, predictions: run.predictions, ms: run.ms, session });
    } catch (err) {
      if (decoded?.url && decoded.url !== this.result?.url) this.deps.revokeUrl(decoded.url);
      const message = err instanceof Error ? err.message : String(err);
      this.setItem(job.id, 'failed', message);
      this.error = `${job.name}: ${message}`;
      this.emit();
    }
  }

  private accept(result: ImageResult): void {
    const old = this.result;
    if (old?.url && old.url !== result.url) this.deps.revokeUrl(old.url);
    this.result = result;
    this.setItem(result.id, 'done');
  }

  private drop(job: Job, url: string | null): void {
    if (url && url !== this.result?.url) this.deps.revokeUrl(url);
    this.setItem(job.id, 'cancelled', 'Replaced by a newer image');
  }

  private setItem(id: number, status: ItemStatus, message?: string): void {
    this.items = this.items.map((it) => (it.id === id ? { ...it, status, message } : it));
    this.emit();
  }

  private emit(): void {
    this.deps.onChange(this.snapshot());
  }
}
