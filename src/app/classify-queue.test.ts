import { describe, expect, it } from 'vitest';
import { EngineCrashedError } from '../client/errors';
import { chinese as zh } from '../test-support/chinese';
import { english } from '../ui/i18n/i18n';
import { FakeSession, setup, until } from './classify-queue.test-kit';

describe('ClassifyQueue', () => {
  it('switching blocks off runs the image on show again without them, beside its intact answer', async () => {
    const { queue, files, shown, last, idle } = setup();
    const model = new FakeSession('m', true);
    queue.setModel(model.asSession);
    queue.submit(files('a'));
    await until(() => shown() === 'm:a' && idle());
    const intactId = last().result?.resultId;
    queue.setLesion(['res3b', 'res4a']);
    await until(() => shown() === 'm:a-res3b+res4a' && idle());
    expect(last().result?.lesion).toEqual(['res3b', 'res4a']);
    expect(last().result?.intact?.[0].label).toBe('m:a');
    expect(model.released).toContain(intactId);
    const calls = model.calls;
    queue.setLesion(['res3b', 'res4a']);
    await until(idle);
    expect(model.calls).toBe(calls);
    // Another lesion of the same image keeps the intact answer; all blocks on again needs none.
    queue.setLesion(['res5c']);
    await until(() => shown() === 'm:a-res5c' && idle());
    expect(last().result?.intact?.[0].label).toBe('m:a');
    queue.setLesion([]);
    await until(() => shown() === 'm:a' && idle());
    expect(last().result?.intact).toBeNull();
    // A new image under a lesion runs on the intact network first, for its deltas; that pass is let go.
    queue.setLesion(['res2a']);
    const before = model.calls;
    queue.submit(files('b'));
    await until(() => shown() === 'm:b-res2a' && idle());
    expect(last().result?.intact?.[0].label).toBe('m:b');
    expect(model.calls).toBe(before + 2);
    expect(model.released).toContain((last().result?.resultId ?? 0) - 1);
  });

  it('a pinned result stays held when newer ones replace it on show, and is let go when unpinned or replaced as A', async () => {
    const { queue, files, shown, last, idle } = setup();
    const model = new FakeSession('m', true);
    queue.setModel(model.asSession);
    queue.submit(files('a'));
    await until(() => shown() === 'm:a' && idle());
    const a = last().result;
    queue.pin();
    expect(last().pinned).toBe(a);
    queue.submit(files('b'));
    await until(() => shown() === 'm:b' && idle());
    queue.submit(files('c'));
    await until(() => shown() === 'm:c' && idle());
    expect(last().pinned).toBe(a);
    expect(model.released).not.toContain(a?.resultId);
    expect(model.released).toHaveLength(1);
    // Pinning the one on show lets the old A go; unpinning the one on show keeps it held.
    const c = last().result;
    queue.pin();
    expect(model.released).toContain(a?.resultId);
    queue.unpin();
    expect(last().pinned).toBeNull();
    expect(model.released).not.toContain(c?.resultId);
    // Another model cannot compare with A: it is let go.
    queue.submit(files('d'));
    await until(() => shown() === 'm:d' && idle());
    queue.pin();
    const d = last().result;
    queue.setModel(new FakeSession('n', true).asSession);
    expect(last().pinned).toBeNull();
    await until(() => shown() === 'n:d' && idle());
    expect(model.released).toContain(d?.resultId);
  });

  it('runs many files one after another, with a status each; a bad one fails alone', async () => {
    const { queue, files, statuses, shown, last } = setup();
    const model = new FakeSession('m', true);
    queue.setModel(model.asSession);
    queue.submit(files('a', 'bad1', 'c'));
    await until(() => statuses().every((st) => /done|failed/.test(st)));
    expect(statuses()).toEqual(['a.png done', 'bad1.png failed', 'c.png done']);
    expect(english.said(last().items[1].message ?? '')).toBe('This file is not an image (it looks like text).');
    expect(shown()).toBe('m:c');
    expect(model.maxRunning).toBe(1);
    expect(last().busy).toBe(false);
  });

  it('keeps the previous result when a bad file comes, and clears the error with the next submission', async () => {
    const { queue, files, shown, last, idle } = setup();
    queue.setModel(new FakeSession('m', true).asSession);
    queue.submit(files('a'));
    await until(() => shown() === 'm:a' && idle());
    queue.submit(files('bad'));
    await until(() => last().error !== null && idle());
    expect(shown()).toBe('m:a');
    expect(english.said(last().error ?? '')).toBe('bad.png: This file is not an image (it looks like text).');
    expect(last().gpuError).toBe(false);
    queue.submit(files('c'));
    expect(last().error).toBeNull();
    await until(idle);
    expect(shown()).toBe('m:c');
  });

  it('cancel stops after the file under way: the rest never run', async () => {
    const { queue, files, statuses, shown, idle, last } = setup();
    const model = new FakeSession('m');
    queue.setModel(model.asSession);
    queue.submit(files('a', 'b', 'c'));
    await until(() => model.pending.length === 1);
    queue.cancel();
    expect(statuses()).toEqual(['a.png running', 'b.png cancelled', 'c.png cancelled']);
    model.pending[0].finish();
    await until(idle);
    expect(statuses()).toEqual(['a.png done', 'b.png cancelled', 'c.png cancelled']);
    expect(shown()).toBe('m:a');
    expect(model.pending).toHaveLength(1);
    // Why each stopped is kept as words, said in whichever language the page speaks when shown.
    const why = last().items[1].message ?? '';
    expect(english.said(why)).toBe('Cancelled');
    expect(zh.said(why)).toBe('已取消');
  });

  it('a new image while one runs: the old result and activations are dropped, only the newest shows', async () => {
    const { queue, files, snapshots, shown } = setup();
    const model = new FakeSession('m');
    queue.setModel(model.asSession);
    queue.submit(files('old'));
    await until(() => model.pending.length === 1);
    queue.submit(files('new'));
    model.pending[0].finish();
    await until(() => model.pending.length === 2);
    expect(model.kept).toEqual([false]);
    model.pending[1].finish();
    await until(() => shown() !== null);
    expect(model.kept).toEqual([false, true]);
    expect(shown()).toBe('m:new');
    expect(snapshots.some((s) => s.result?.predictions[0].label === 'm:old')).toBe(false);
  });

  it('a new drop cancels the files still waiting: they are never decoded nor run', async () => {
    const { queue, files, statuses, decoded, shown, idle } = setup();
    const model = new FakeSession('m');
    queue.setModel(model.asSession);
    queue.submit(files('a', 'b', 'c'));
    await until(() => model.pending.length === 1);
    queue.submit(files('d'));
    model.pending[0].finish();
    await until(() => model.pending.length === 2);
    model.pending[1].finish();
    await until(idle);
    expect(decoded).toEqual(['a', 'd']);
    expect(model.calls).toBe(2);
    expect(statuses()).toEqual(['d.png done']);
    expect(shown()).toBe('m:d');
  });

  it('an old image answered after a newer one was dropped (the answer already on its way) is not shown, and is let go', async () => {
    const { queue, files, snapshots, shown } = setup();
    const model = new FakeSession('m');
    queue.setModel(model.asSession);
    queue.submit(files('old'));
    await until(() => model.pending.length === 1);
    queue.submit(files('new'));
    model.pending[0].answerAnyway();
    await until(() => model.pending.length === 2);
    model.pending[1].finish();
    await until(() => shown() !== null);
    expect(shown()).toBe('m:new');
    expect(snapshots.some((s) => s.result?.predictions[0].label === 'm:old')).toBe(false);
    // The late answer's activations (result 1) are released, not left held in the engine.
    expect(model.released).toContain(1);
  });

  it('a model switched mid-run: never a result beside the wrong model; the image runs again on the new one', async () => {
    const { queue, files, snapshots, shown, urls } = setup();
    const first = new FakeSession('first');
    const second = new FakeSession('second');
    queue.setModel(first.asSession);
    queue.submit(files('x'));
    await until(() => first.pending.length === 1);
    queue.setModel(null); // the new model is loading
    first.pending[0].finish();
    await until(() => first.kept.length === 1);
    expect(first.kept).toEqual([false]);
    queue.setModel(second.asSession);
    await until(() => second.pending.length === 1);
    second.pending[0].finish();
    await until(() => shown() !== null);
    expect(shown()).toBe('second:x');
    for (const s of snapshots) {
      if (s.result) expect(s.result.predictions[0].label.split(':')[0]).toBe((s.result.handle.client as unknown as FakeSession).name);
    }
    expect(snapshots.some((s) => s.result?.predictions[0].label === 'first:x')).toBe(false);
    expect(urls.revoked.size).toBe(0); // the image's URL is still the one shown
  });

  it('re-runs the last good image on a new model once idle', async () => {
    const { queue, files, shown, statuses } = setup();
    queue.setModel(new FakeSession('a', true).asSession);
    queue.submit(files('pic'));
    await until(() => shown() === 'a:pic');
    queue.setModel(new FakeSession('b', true).asSession);
    await until(() => shown() !== 'a:pic');
    expect(shown()).toBe('b:pic');
    expect(statuses()).toEqual(['pic.png done']);
  });

  it('a GPU failure is flagged, keeps the previous result, and the image runs again on the next backend', async () => {
    const { queue, files, shown, last, statuses } = setup();
    const gpu = new FakeSession('webgl');
    queue.setModel(gpu.asSession);
    queue.submit(files('first'));
    await until(() => gpu.pending.length === 1);
    gpu.pending[0].finish();
    await until(() => shown() === 'webgl:first');
    queue.submit(files('huge'));
    await until(() => gpu.pending.length === 2);
    gpu.pending[1].fail(new Error('Requested texture size [1x99999] greater than WebGL maximum on this browser / GPU [16384x16384].'));
    await until(() => last().error !== null);
    expect(last().gpuError).toBe(true);
    expect(english.said(last().error ?? '')).toMatch(/^huge\.png: The graphics card could not run the network/);
    expect(shown()).toBe('webgl:first');
    queue.setModel(new FakeSession('wasm', true).asSession);
    await until(() => shown() !== 'webgl:first');
    expect(shown()).toBe('wasm:huge');
    expect(statuses()).toEqual(['huge.png done']);
    expect(last().error).toBeNull();
    expect(last().gpuError).toBe(false);
  });

  it('a run of several files keeps each one’s thumbnail; a click on one brings it back (once the run is over), and a new drop lets them go', async () => {
    const { queue, files, urls, decoded, last, shown, idle } = setup();
    const model = new FakeSession('m', true);
    queue.setModel(model.asSession);
    queue.submit(files('a', 'b', 'c'));
    await until(() => idle() && shown() === 'm:c');
    const thumbs = last().items.map((it) => it.thumb);
    expect(thumbs.every((t) => typeof t === 'string')).toBe(true);
    expect(new Set(thumbs).size).toBe(3);
    const [a] = last().items;
    queue.recall(a.id);
    await until(() => idle() && shown() === 'm:a');
    expect(decoded).toEqual(['a', 'b', 'c', 'a']);
    expect(last().items.map((it) => `${it.name} ${it.status}`)).toEqual(['a.png done', 'b.png done', 'c.png done']);
    expect(last().items.map((it) => it.thumb)).toEqual(thumbs);
    // The image on show again: nothing to do.
    queue.recall(a.id);
    expect(decoded).toHaveLength(4);
    queue.submit(files('d'));
    await until(() => shown() === 'm:d');
    for (const t of thumbs) expect(urls.revoked.has(t as string)).toBe(true);
    expect(last().items[0].thumb).toBeUndefined();
  });

  it('a thumbnail waits for the run to end: a click while files still run does nothing', async () => {
    const { queue, files, last, decoded } = setup();
    const model = new FakeSession('m');
    queue.setModel(model.asSession);
    queue.submit(files('a', 'b'));
    await until(() => model.pending.length === 1);
    model.pending[0].finish();
    await until(() => model.pending.length === 2);
    queue.recall(last().items[0].id);
    model.pending[1].finish();
    await until(() => !last().busy);
    expect(decoded).toEqual(['a', 'b']);
    expect(model.calls).toBe(2);
  });

  it('revokes every object URL it no longer shows', async () => {
    const { queue, files, urls, shown } = setup();
    queue.setModel(new FakeSession('m', true).asSession);
    for (const name of ['a', 'b', 'c']) {
      queue.submit(files(name));
      await until(() => shown() === `m:${name}`);
    }
    expect([...urls.revoked]).toEqual(['blob:1', 'blob:2']);
    queue.dispose();
    expect(urls.revoked.size).toBe(urls.made);
  });

  it('lets the engine free each result it no longer shows, and every result it never showed', async () => {
    const { queue, files, shown } = setup();
    const model = new FakeSession('m', true);
    queue.setModel(model.asSession);
    queue.submit(files('a'));
    await until(() => shown() === 'm:a');
    queue.submit(files('b'));
    await until(() => shown() !== 'm:a');
    expect(shown()).toBe('m:b');
    expect(model.released).toEqual([1]);
  });

  it('an engine that dies mid-run: the image waits (no retry loop) and runs on the next model', async () => {
    const { queue, files, statuses, shown } = setup();
    const dead = new FakeSession('dead');
    queue.setModel(dead.asSession);
    queue.submit(files('x'));
    await until(() => dead.pending.length === 1);
    dead.pending[0].fail(new EngineCrashedError('The model’s worker stopped'));
    await until(() => statuses()[0] === 'x.png waiting' && dead.running === 0);
    expect(dead.calls).toBe(1);
    expect(statuses()).toEqual(['x.png waiting']);
    const fresh = new FakeSession('fresh', true);
    queue.setModel(fresh.asSession);
    await until(() => shown() !== null);
    expect(shown()).toBe('fresh:x');
    expect(statuses()).toEqual(['x.png done']);
    expect(dead.calls).toBe(1);
  });
});
