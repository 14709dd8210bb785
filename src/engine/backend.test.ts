// The WebGL context-loss watch (backend.ts), on a stand-in backend registered as "webgl":
// Node has no WebGL, and what is checked is the watch, not the GPU.
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { watchContextLoss } from './backend';

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
