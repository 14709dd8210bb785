// The WebGL context-loss watch (backend.ts), on a stand-in backend registered as "webgl":
// Node has no WebGL, and what is checked is the watch, not the GPU.
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { chinese } from '../test-support/chinese';
import { backendReason } from '../ui/backend-words';
import { english, said } from '../ui/i18n/i18n';
import { startBackend, switchBackend, watchContextLoss, type ActiveBackend } from './backend';

/** Registers "webgl" as a backend whose canvas is `canvas`, once `ready` resolves. */
function registerWebGL(canvas: EventTarget, ready: Promise<void> = Promise.resolve()) {
  tf.registerBackend('webgl', async () => {
    await ready;
    // What the watch reads of tfjs's WebGL backend: its context's canvas. CPU does the rest.
    const backend = tf.findBackendFactory('cpu')?.() as tf.KernelBackend;
    return Object.assign(backend, { gpgpu: { gl: { canvas } } });
  });
}

afterEach(async () => {
  await tf.setBackend('cpu');
  if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');
});

describe('watchContextLoss', () => {
  it('calls back when the WebGL canvas loses its context, and not once unsubscribed', async () => {
    const canvas = new EventTarget();
    registerWebGL(canvas);
    await tf.setBackend('webgl');
    let lost = 0;
    const stop = watchContextLoss(() => lost++);
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(lost).toBe(1);
    stop();
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(lost).toBe(1);
  });

  it('watches nothing while WebGL is still starting (tfjs throws on its backend then), instead of throwing', async () => {
    let start: () => void = () => undefined;
    const canvas = new EventTarget();
    registerWebGL(canvas, new Promise<void>((resolve) => { start = resolve; }));
    const starting = tf.setBackend('webgl');
    expect(tf.getBackend()).toBe('webgl');
    expect(() => tf.backend()).toThrow(/not yet been initialized/);
    let lost = 0;
    let stop: () => void = () => undefined;
    expect(() => { stop = watchContextLoss(() => lost++); }).not.toThrow();
    start();
    await expect(starting).resolves.toBe(true);
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(lost).toBe(0);
    stop();
  });
});

describe('the reason a backend runs, as the page says it', () => {
  const from: ActiveBackend = {
    name: 'cpu', reason: '', why: { code: 'hardware-webgl' }, softwareWebGL: false, renderer: null, failures: [], startFailures: [], threads: null,
  };

  it('reads, in English, exactly as the report\'s own reason; in Chinese, in Chinese', async () => {
    const asked = await startBackend({ requested: 'cpu', renderer: null, webgl: false });
    expect(asked.why).toEqual({ code: 'requested', backend: 'cpu' });
    expect(backendReason(asked, null, english)).toBe(asked.reason);
    expect(backendReason(asked, null, chinese)).toBe('按要求使用 cpu');

    // A "webgl" that will not start: its failure is said too, after the reason.
    tf.registerBackend('webgl', () => { throw new Error('no GPU here'); });
    const why = said('engine.switchedAfterLoss');
    const switched = await switchBackend(['webgl', 'cpu'], english.said(why), from);
    expect(switched.name).toBe('cpu');
    expect(switched.startFailures).toEqual([{ backend: 'webgl', cause: 'no-start', detail: 'no usable WebGL context' }]);
    expect(backendReason(switched, why, english)).toBe(switched.reason);
    expect(switched.reason).toBe('switched to WASM after the WebGL context was lost; webgl could not start (no usable WebGL context)');
    expect(backendReason(switched, why, chinese)).toBe('WebGL 上下文丢失后已切换到 WASM；webgl 无法启动（没有可用的 WebGL 上下文）');
  });
});

