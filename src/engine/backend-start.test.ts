// setBackendWithin (backend-start.ts) on stand-in backends whose start takes a set time, under
// Vitest's fake clock: what lands first is decided by the test, not by the machine's speed.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendStartTimeout, setBackendWithin } from './backend-start';

/** A backend whose start takes `ms` (of the fake clock), then hands over a CPU backend object of its own. */
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

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await tf.setBackend('cpu');
});

describe('setBackendWithin', () => {
  it('starts a backend that answers in time', async () => {
    await expect(setBackendWithin('cpu', 1000)).resolves.toBe(true);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('a start that timed out cannot take over the backend chosen after it', async () => {
    const late = registerSlow('slow-a', 80);
    const given = expect(setBackendWithin('slow-a', 20)).rejects.toBeInstanceOf(BackendStartTimeout);
    await vi.advanceTimersByTimeAsync(20);
    await given;
    await expect(setBackendWithin('cpu', 1000)).resolves.toBe(true);
    const chosen = tf.backend();
    await vi.advanceTimersByTimeAsync(60); // the slow start finishes now
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

  it('a start within its limit keeps its backend after the limit has passed', async () => {
    registerSlow('slow-b', 10);
    const started = setBackendWithin('slow-b', 50);
    await vi.advanceTimersByTimeAsync(10);
    await expect(started).resolves.toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(tf.getBackend()).toBe('slow-b');
    expect(tf.findBackend('slow-b')).not.toBeNull();
    await expect(setBackendWithin('slow-b', 50)).resolves.toBe(true);
    await tf.setBackend('cpu');
    tf.removeBackend('slow-b');
  });

  it('a backend that cannot initialise resolves false; an unknown one rejects with tfjs\'s reason', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // tfjs logs the failure
    tf.registerBackend('broken', () => { throw new Error('no device'); });
    await expect(setBackendWithin('broken', 1000)).resolves.toBe(false);
    tf.removeBackend('broken');
    await expect(setBackendWithin('nonesuch', 1000)).rejects.toThrow("Backend name 'nonesuch' not found in registry");
  });
});
