import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tensorStats } from './stats';
import { valuesStats } from './values-stats';

beforeAll(async () => {
  await tf.setBackend('wasm');
});

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function both(values: Float32Array, shape: [number, number, number]) {
  const x = tf.tensor4d(values, [1, ...shape]);
  try {
    return { js: valuesStats(values, shape), backend: await tensorStats(x) };
  } finally {
    x.dispose();
  }
}

describe('valuesStats: the same figures as the backend, from values already read', () => {
  it('on a ReLU-like 56x56x256 map: moments, zeros, per-channel figures, and the histogram', async () => {
    const next = random(1);
    const values = Float32Array.from({ length: 56 * 56 * 256 }, (_, i) => Math.max(0, (next() - 0.4) * (1 + (i % 256) / 64)));
    const { js, backend } = await both(values, [56, 56, 256]);
    expect(js.shape).toEqual([56, 56, 256]);
    for (const key of ['min', 'max', 'mean', 'std', 'zeroFraction'] as const) expect(js[key]).toBeCloseTo(backend[key], 5);
    expect(js.zeroFraction).toBeGreaterThan(0.2);
    for (const key of ['channelMeans', 'channelMins', 'channelMaxs'] as const) {
      expect(js[key]).toHaveLength(256);
      js[key].forEach((v, c) => expect(v).toBeCloseTo(backend[key][c], 5));
    }
    expect(js.histogram.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    // Bins agree but for values within float32 rounding of an edge.
    js.histogram.counts.forEach((n, b) => expect(Math.abs(n - backend.histogram.counts[b])).toBeLessThanOrEqual(values.length * 1e-4));
    js.histogram.edges.forEach((e, b) => expect(e).toBeCloseTo(backend.histogram.edges[b], 4));
  });

  it('keeps its std when a few outliers stretch the range (as conv1 does)', async () => {
    const next = random(2);
    const values = Float32Array.from({ length: 32 * 32 * 64 }, (_, i) => (i % 9973 === 0 ? 5_000 : next() * 2 - 1));
    const { js, backend } = await both(values, [32, 32, 64]);
    expect(js.std / backend.std).toBeCloseTo(1, 4);
    expect(js.max).toBe(5_000);
    expect(js.histogram.counts[31]).toBeGreaterThan(0);
  });

  it('a constant map: no spread, every value in the first bin', () => {
    const s = valuesStats(new Float32Array(4 * 4 * 2).fill(3), [4, 4, 2]);
    expect(s).toMatchObject({ min: 3, max: 3, mean: 3, std: 0, zeroFraction: 0, channelMeans: [3, 3] });
    expect(s.histogram.counts[0]).toBe(32);
  });
});
