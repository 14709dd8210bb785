import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendStartTimeout, setBackendWithin } from './backend-start';

/** A backend whose start takes `ms`, then hands over a CPU backend object of its own. */
function registerSlow(name: string, ms: number): tf.KernelBackend[] {
  const made: tf.KernelBackend[] = [];
  const cpuFactory = tf.findBackendFactory('cpu');
  tf.registerBackend(name, () => new Promise<tf.KernelBackend>((resolve) => {
    setTimeout(() => {
      const backend = cpuFactory() as tf.KernelBackend;
      made.push(backend);
      resolve(backend);
    }, ms);
  }));
  return made;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await tf.setBackend('cpu');
});

describe('setBackendWithin', () => {
  it('starts a backend that answers in time', async () => {
    await expect(setBackendWithin('cpu', 1000)).resolves.toBe(true);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('a start that timed out cannot take over the backend chosen after it', async () => {
    const late = registerSlow('slow-a', 80);
    await expect(setBackendWithin('slow-a', 20)).rejects.toBeInstanceOf(BackendStartTimeout);
    await expect(setBackendWithin('cpu', 1000)).resolves.toBe(true);
    const chosen = tf.backend();
    await sleep(150); // the slow start finishes now
    expect(late).toHaveLength(1);
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.backend()).toBe(chosen);
    expect(tf.findBackend('slow-a')).toBeNull();
    // Asked for again (say, WebGL failed later and the page falls back), it says why not.
    await expect(setBackendWithin('slow-a', 1000)).rejects.toThrow('slow-a did not start within 0.02 s earlier in this page');
    const sum = tf.tensor1d([1, 2, 3]).sum();
    expect(await sum.data()).toEqual(new Float32Array([6]));
    sum.dispose();
  });

  it('without the guard, the late start would have replaced the chosen backend (the bug)', async () => {
    registerSlow('slow-b', 60);
    const pending = tf.setBackend('slow-b'); // given up on, but not removed
    await sleep(10);
    await tf.setBackend('cpu'); // the fallback
    await pending;
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.backend()).toBe(tf.findBackend('slow-b')); // CPU's name, another backend's object
    tf.removeBackend('slow-b');
  });
});
