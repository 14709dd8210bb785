import { describe, expect, it } from 'vitest';
import type { ModelSession, RunOptions, RunResult } from '../inspect';
import { ClassifyQueue, type DecodedInput, type QueueSnapshot } from './classify-queue';

/** A model that answers "<its name>:<the image>", when the test says so. */
class FakeSession {
  readonly pending: { image: string; finish: () => void; fail: (err: Error) => void }[] = [];
  readonly kept: boolean[] = [];
  running = 0;
  maxRunning = 0;

  constructor(readonly name: string, private readonly auto = false) {}

  classify(image: DecodedInput, _topK: number, options: RunOptions = {}): Promise<RunResult> {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    return new Promise<RunResult>((resolve, reject) => {
      const label = `${this.name}:${image.notes[0]}`;
      const finish = () => {
        this.running--;
        const kept = options.keep?.() ?? true;
        this.kept.push(kept);
        resolve({ predictions: [{ index: 0, label, probability: 1 }], ms: 1, kept });
      };
      const fail = (err: Error) => {
        this.running--;
        reject(err);
      };
      if (this.auto) setTimeout(finish, 1);
      else this.pending.push({ image: image.notes[0], finish, fail });
    });
  }

  get asSession(): ModelSession {
    return this as unknown as ModelSession;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
}

function setup() {
  const snapshots: QueueSnapshot[] = [];
  const urls = { made: 0, revoked: new Set<string>() };
  const queue = new ClassifyQueue({
    async decode(blob) {
      const text = await blob.text();
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
  return { queue, snapshots, urls, last, files, statuses, shown };
}

describe('ClassifyQueue', () => {
  it('runs many files one after another, with a status each; a bad one fails alone', async () => {
    const { queue, files, statuses, shown, last } = setup();
    const model = new FakeSession('m', true);
    queue.setSession(model.asSession);
    queue.submit(files('a', 'bad1', 'c'));
    await settle();
    expect(statuses()).toEqual(['a.png done', 'bad1.png failed', 'c.png done']);
    expect(last().items[1].message).toBe('This file is not an image (it looks like text).');
    expect(shown()).toBe('m:c');
    expect(model.maxRunning).toBe(1);
    expect(last().busy).toBe(false);
  });

  it('keeps the previous result when a bad file comes, and clears the error with the next submission', async () => {
    const { queue, files, shown, last } = setup();
    queue.setSession(new FakeSession('m', true).asSession);
    queue.submit(files('a'));
    await settle();
    queue.submit(files('bad'));
    await settle();
    expect(shown()).toBe('m:a');
    expect(last().error).toBe('bad.png: This file is not an image (it looks like text).');
    expect(last().gpuError).toBe(false);
    queue.submit(files('c'));
    expect(last().error).toBeNull();
    await settle();
    expect(shown()).toBe('m:c');
  });

  it('cancel stops after the file under way: the rest never run', async () => {
    const { queue, files, statuses, shown } = setup();
    const model = new FakeSession('m');
    queue.setSession(model.asSession);
    queue.submit(files('a', 'b', 'c'));
    await settle();
    queue.cancel();
    expect(statuses()).toEqual(['a.png running', 'b.png cancelled', 'c.png cancelled']);
    model.pending[0].finish();
    await settle();
    expect(statuses()).toEqual(['a.png done', 'b.png cancelled', 'c.png cancelled']);
    expect(shown()).toBe('m:a');
    expect(model.pending).toHaveLength(1);
  });

  it('a new image while one runs: the old result and activations are dropped, only the newest shows', async () => {
    const { queue, files, snapshots, shown } = setup();
    const model = new FakeSession('m');
    queue.setSession(model.asSession);
    queue.submit(files('old'));
    await settle();
    queue.submit(files('new'));
    model.pending[0].finish();
    await settle();
    expect(model.kept).toEqual([false]);
    model.pending[1].finish();
    await settle();
    expect(model.kept).toEqual([false, true]);
    expect(shown()).toBe('m:new');
    expect(snapshots.some((s) => s.result?.predictions[0].label === 'm:old')).toBe(false);
  });

  it('a model switched mid-run: never a result beside the wrong model; the image runs again on the new one', async () => {
    const { queue, files, snapshots, shown, urls } = setup();
    const first = new FakeSession('first');
    const second = new FakeSession('second');
    queue.setSession(first.asSession);
    queue.submit(files('x'));
    await settle();
    queue.setSession(null); // the new model is loading
    first.pending[0].finish();
    await settle();
    expect(first.kept).toEqual([false]);
    queue.setSession(second.asSession);
    await settle();
    second.pending[0].finish();
    await settle();
    expect(shown()).toBe('second:x');
    for (const s of snapshots) {
      if (s.result) expect(s.result.predictions[0].label.split(':')[0]).toBe((s.result.session as unknown as FakeSession).name);
    }
    expect(snapshots.some((s) => s.result?.predictions[0].label === 'first:x')).toBe(false);
    expect(urls.revoked.size).toBe(0); // the image's URL is still the one shown
  });

  it('re-runs the last good image on a new model once idle', async () => {
    const { queue, files, shown, statuses } = setup();
    queue.setSession(new FakeSession('a', true).asSession);
    queue.submit(files('pic'));
    await settle();
    queue.setSession(new FakeSession('b', true).asSession);
    await settle();
    expect(shown()).toBe('b:pic');
    expect(statuses()).toEqual(['pic.png done']);
  });

  it('a GPU failure is flagged, keeps the previous result, and the image runs again on the next backend', async () => {
    const { queue, files, shown, last, statuses } = setup();
    const gpu = new FakeSession('webgl');
    queue.setSession(gpu.asSession);
    queue.submit(files('first'));
    await settle();
    gpu.pending[0].finish();
    await settle();
    queue.submit(files('huge'));
    await settle();
    gpu.pending[1].fail(new Error('Requested texture size [1x99999] greater than WebGL maximum on this browser / GPU [16384x16384].'));
    await settle();
    expect(last().gpuError).toBe(true);
    expect(last().error).toMatch(/^huge\.png: The graphics card could not run the network/);
    expect(shown()).toBe('webgl:first');
    queue.setSession(new FakeSession('wasm', true).asSession);
    await settle();
    expect(shown()).toBe('wasm:huge');
    expect(statuses()).toEqual(['huge.png done']);
    expect(last().error).toBeNull();
    expect(last().gpuError).toBe(false);
  });

  it('revokes every object URL it no longer shows', async () => {
    const { queue, files, urls } = setup();
    queue.setSession(new FakeSession('m', true).asSession);
    for (const name of ['a', 'b', 'c']) {
      queue.submit(files(name));
      await settle();
    }
    expect([...urls.revoked]).toEqual(['blob:1', 'blob:2']);
    queue.dispose();
    expect(urls.revoked.size).toBe(urls.made);
  });
});
