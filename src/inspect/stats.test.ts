import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { binShares, tensorStats } from './stats';
import { HISTOGRAM_BINS } from './types';

/** The same statistics in plain JS, to check the backend's against. */
function reference(values: number[]) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const counts = new Array(HISTOGRAM_BINS).fill(0);
  for (const v of values) counts[Math.min(HISTOGRAM_BINS - 1, Math.floor(((v - min) / (max - min)) * HISTOGRAM_BINS))]++;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { min, max, mean, std, counts, zeroFraction: values.filter((v) => v === 0).length / values.length };
}

describe.each(['wasm', 'cpu'])('tensorStats on %s', (backend) => {
  it('matches a plain computation, histogram included, without leaking', async () => {
    await tf.setBackend(backend);
    const values = Array.from({ length: 4 * 5 * 3 }, (_, i) => (i % 7 === 0 ? 0 : Math.sin(i) * 3));
    const x = tf.tensor4d(values, [1, 4, 5, 3]);
    const before = tf.memory().numTensors;
    const s = await tensorStats(x);
    expect(tf.memory().numTensors).toBe(before);
    const r = reference(values);
    expect(s.shape).toEqual([4, 5, 3]);
    expect(s.min).toBeCloseTo(r.min, 5);
    expect(s.max).toBeCloseTo(r.max, 5);
    expect(s.mean).toBeCloseTo(r.mean, 5);
    expect(s.std).toBeCloseTo(r.std, 5);
    expect(s.zeroFraction).toBeCloseTo(r.zeroFraction, 6);
    expect(s.histogram.counts).toEqual(r.counts);
    expect(s.histogram.edges[0]).toBeCloseTo(r.min, 5);
    expect(s.histogram.edges[HISTOGRAM_BINS]).toBeCloseTo(r.max, 5);
    const channel1 = values.filter((_, i) => i % 3 === 1);
    expect(s.channelMeans[1]).toBeCloseTo(channel1.reduce((a, b) => a + b, 0) / 20, 5);
    expect(s.channelMins[1]).toBeCloseTo(Math.min(...channel1), 6);
    expect(s.channelMaxs[1]).toBeCloseTo(Math.max(...channel1), 6);
    expect(s.channelMins).toHaveLength(3);
    x.dispose();
  });

  it('keeps the spread of values far from zero, with an outlier (centred sums, combined in float64)', async () => {
    await tf.setBackend(backend);
    const values = Array.from({ length: 16 * 16 * 8 }, (_, i) => 300 + Math.cos(i * 1.3) * 0.5);
    values[5] = -1000; // one outlier stretches the range, as conv1's do
    const x = tf.tensor4d(values, [1, 16, 16, 8]);
    const s = await tensorStats(x);
    const r = reference(values);
    expect(s.std / r.std).toBeCloseTo(1, 4);
    expect(s.histogram.counts).toEqual(r.counts);
    x.dispose();
  });

  it('puts every value in one bin when all values are equal', async () => {
    await tf.setBackend(backend);
    const x = tf.fill([1, 2, 2, 2], 1.5);
    const s = await tensorStats(x);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(8);
    expect(s.std).toBe(0);
    x.dispose();
  });
});

describe('binShares', () => {
  it('gives the same shares with bincount (WASM, CPU) and with edge comparisons (WebGL)', async () => {
    await tf.setBackend('wasm');
    const bins = tf.tensor1d(Array.from({ length: 500 }, (_, i) => (i * 7) % HISTOGRAM_BINS));
    const a = binShares(bins, 'bincount');
    const b = binShares(bins, 'compare');
    const counts = async (t: tf.Tensor) => Array.from(await t.data(), (share) => Math.round(share * 500));
    const [ca, cb] = [await counts(a), await counts(b)];
    expect(ca).toEqual(cb);
    expect(ca.reduce((x, y) => x + y, 0)).toBe(500);
    expect(ca[0]).toBe(16);
    tf.dispose([bins, a, b]);
  });

  it('counts a position of exactly BINS (the maximum) in the last bin with both methods', async () => {
    await tf.setBackend('wasm');
    const positions = tf.tensor1d([0, 0.5, 31.9, HISTOGRAM_BINS, HISTOGRAM_BINS]);
    const counts = await Promise.all((['bincount', 'compare'] as const).map(async (m) => {
      const c = binShares(positions, m);
      const v = Array.from(await c.data(), (share) => Math.round(share * 5));
      c.dispose();
      return v;
    }));
    for (const c of counts) {
      expect(c).toHaveLength(HISTOGRAM_BINS);
      expect(c[0]).toBe(2);
      expect(c[HISTOGRAM_BINS - 1]).toBe(3);
    }
    positions.dispose();
  });
});
