/** Test kit for the classify queue: a fake model the test answers by hand, and a queue wired to it. */
import { vi } from 'vitest';
import { abortError } from '../client/errors';
import type { Classified, ClassifyOptions, ModelClient, OpenedModel, Pixels } from '../client/types';
import { ClassifyQueue, type DecodedInput, type QueueSnapshot } from './classify-queue';
import type { ModelHandle } from './use-model';

/** A model that answers "<its name>:<the image>", when the test says so. */
export class FakeSession {
  readonly pending: { image: string; finish: () => void; answerAnyway: () => void; fail: (err: Error) => void }[] = [];
  readonly kept: boolean[] = [];
  readonly released: number[] = [];
  calls = 0;
  private nextResult = 1;
  running = 0;
  maxRunning = 0;
  private handle: ModelHandle | null = null;

  constructor(readonly name: string, private readonly auto = false) {}

  async release(resultId: number): Promise<void> {
    this.released.push(resultId);
  }

  classify(_modelId: number, image: Pixels, options: ClassifyOptions = {}): Promise<Classified> {
    this.calls++;
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    const note = String((image as DecodedInput).notes[0]);
    return new Promise<Classified>((resolve, reject) => {
      const label = `${this.name}:${note}${options.lesion ? `-${options.lesion.join('+')}` : ''}`;
      const answer = (honourAbort: boolean) => {
        this.running--;
        // As the engine does: a pass whose caller gave up is finished, then discarded.
        const kept = !(honourAbort && options.signal?.aborted);
        this.kept.push(kept);
        if (!kept) return reject(abortError());
        resolve({ resultId: this.nextResult++, modelId: 1, predictions: [{ index: 0, label, probability: 1 }], ms: 1, image });
      };
      const finish = () => answer(true);
      // A worker's answer already on its way when the abort was posted: it arrives all the same.
      const answerAnyway = () => answer(false);
      const fail = (err: Error) => {
        this.running--;
        reject(err);
      };
      if (this.auto) setTimeout(finish, 1);
      else this.pending.push({ image: note, finish, answerAnyway, fail });
    });
  }

  get asSession(): ModelHandle {
    this.handle ??= { client: this as unknown as ModelClient, model: { modelId: 1 } as OpenedModel };
    return this.handle;
  }
}

/** Waits for the queue (promises and timers) to reach a state: the state itself, never a count of ticks. */
export async function until(reached: () => boolean): Promise<void> {
  await vi.waitFor(() => {
    if (!reached()) throw new Error('the queue never reached the state the test waits for');
  }, { timeout: 2000, interval: 1 });
}

export function setup() {
  const snapshots: QueueSnapshot[] = [];
  const urls = { made: 0, revoked: new Set<string>() };
  const decoded: string[] = [];
  const queue = new ClassifyQueue({
    async decode(blob) {
      const text = await blob.text();
      decoded.push(text);
      if (text.startsWith('bad')) throw new Error('This file is not an image (it looks like text).');
      return { width: 1, height: 1, pixels: new Uint8Array(4), notes: [text] };
    },
    objectUrl: () => `blob:${++urls.made}`,
    revokeUrl: (url) => urls.revoked.add(url),
    onChange: (s) => snapshots.push(s),
  });
  const last = () => snapshots[snapshots.length - 1];
  const files = (...names: string[]) => names.map((n) => ({ name: `${n}.png`, blob: new Blob([n]) }));
  const statuses = () => last().items.map((it) => `${it.name} ${it.status}`);
  const shown = () => last().result?.predictions[0].label ?? null;
  /** Nothing left to run or running: what a queue that moved on shows. */
  const idle = () => snapshots.length > 0 && !last().busy;
  return { queue, snapshots, urls, decoded, last, files, statuses, shown, idle };
}
