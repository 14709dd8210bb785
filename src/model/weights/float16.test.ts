import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { float32ToFloat16Bits, toFloat16Weights } from '../../../scripts/weights/float16.mjs';
import { checkManifest, checkShards } from './manifest';

/**
 * The SHA-256 of each shard the writer should make below, from bytes built another way:
 * Python's struct ('<e' half floats of the float32 values, then '<f' for the bias), cut every
 * 64 bytes. The writer's own output never decides what it is checked against.
 */
const EXPECTED_PINS = {
  'group1-shard1of4.bin': '83aade975a8447becc091546656af043465404e5450578df3a9af2dee556baba',
  'group1-shard2of4.bin': 'b882766d74f0da1c71dc39691c2c3fd02c7505b79fde3a59cb3b4c27fb573c48',
  'group1-shard3of4.bin': '86ba671dd255cf4491e1418df20b08285ea27a08b230f350730a2e809b28d1e3',
  'group1-shard4of4.bin': '02efa6cf7407eeea64b0e87fc58e085e3d15b970e2be2718c49c00625be9879f',
};

describe('float16 writer (scripts/weights/float16.mjs)', () => {
  it('rounds to the nearest half float, ties to even, with subnormals and infinities', () => {
    const input = Float32Array.from([
      0, -0, 1, -2, 65504, 65520, 1e9, Number.POSITIVE_INFINITY, 2 ** -24, 2 ** -25, 2 ** -26,
      1 + 2 ** -11, 1 + 3 * 2 ** -11, Number.NaN,
    ]);
    const expected = [
      0x0000, 0x8000, 0x3c00, 0xc000, 0x7bff, 0x7c00, 0x7c00, 0x7c00, 0x0001, 0x0000, 0x0000,
      0x3c00, 0x3c02, 0x7e00,
    ];
    expect(Array.from(float32ToFloat16Bits(input))).toEqual(expected);
  });

  it('round-trips a tensor through tf.io.decodeWeights within float16 tolerance', async () => {
    const values = Float32Array.from({ length: 3 * 5 * 7 }, (_, i) => Math.sin(i) * 10 ** ((i % 7) - 4));
    const specs: tf.io.WeightsManifestEntry[] = [
      { name: 'conv/kernel', shape: [3, 5, 7], dtype: 'float32' },
      { name: 'conv/bias', shape: [2], dtype: 'float32' },
    ];
    const all = new Float32Array([...values, 0.1, -3.75]);
    const { weightsManifest, shards } = toFloat16Weights(specs, new Uint8Array(all.buffer), { shardBytes: 64 });
    const [group] = weightsManifest;
    // 105 kernel values halved (210 bytes) + the rank-1 bias kept in float32 (8 bytes).
    expect(group.paths).toEqual(['group1-shard1of4.bin', 'group1-shard2of4.bin', 'group1-shard3of4.bin', 'group1-shard4of4.bin']);
    expect(group.weights[0].quantization).toEqual({ dtype: 'float16' });
    expect(group.weights[1].quantization).toBeUndefined();
    const buffers = shards.map((s) => s.slice().buffer);
    const manifest = checkManifest({ weightsManifest });
    expect(manifest.totalBytes).toBe(values.length * 2 + 2 * 4);
    expect(manifest.variant).toBe('float16');
    await checkShards(manifest, buffers, EXPECTED_PINS);

    const decoded = tf.io.decodeWeights(buffers, group.weights);
    const kernel = decoded['conv/kernel'];
    expect(kernel.shape).toEqual([3, 5, 7]);
    const got = kernel.dataSync();
    values.forEach((v, i) => {
      // float16 keeps 11 significant bits; below 2^-14 the spacing is 2^-24.
      expect(Math.abs(got[i] - v)).toBeLessThanOrEqual(Math.max(Math.abs(v) * 2 ** -11, 2 ** -25));
    });
    // Biases and BatchNorm statistics stay exact.
    expect(Array.from(decoded['conv/bias'].dataSync())).toEqual([Math.fround(0.1), -3.75]);
    tf.dispose(Object.values(decoded));
  });
});
