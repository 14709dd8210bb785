import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCaptures } from './compare';
import type { Inspector } from './inspector';

/** Held captures by id, as the inspector holds them: layer name -> activation. */
function heldImages(captures: Map<number, Map<string, tf.Tensor>>): Inspector {
  return {
    heldNames: (id: number) => {
      const held = captures.get(id);
      if (!held) throw new Error('released');
      return [...held.keys()];
    },
    activation: (name: string, id: number) => {
      const t = captures.get(id)?.get(name);
      if (!t) throw new Error(`no ${name} in ${id}`);
      return t;
    },
  } as unknown as Inspector;
}

/** The figures computed directly, in float64. */
function direct(a: Float32Array, b: Float32Array) {
  let [dot, aa, bb, dd] = [0, 0, 0, 0];
  a.forEach((x, i) => { dot += x * b[i]; aa += x * x; bb += b[i] * b[i]; dd += (x - b[i]) ** 2; });
  return { cosine: dot / Math.sqrt(aa * bb), relativeL2: Math.sqrt(dd / aa) };
}

describe('compareCaptures', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gives the cosine and relative L2 of the values, 1 and 0 for an image with itself, and keeps each held image’s norms right', async () => {
    const shapes: Record<string, number[]> = { conv1: [8, 8, 4], res2a_relu: [4, 4, 16], fc6: [6] };
    const image = (seed: number, shift = 0) => new Map(Object.entries(shapes).map(([n, s]) => [n, tf.randomNormal(s, shift, 1, 'float32', seed)]));
    const captures = new Map([[1, image(1)], [2, image(2, 0.5)], [3, image(3, -0.3)]]);
    // Layer by layer: B lacks one (a removed branch): only the layers both hold are compared.
    captures.get(3)?.delete('res2a_relu');
    const inspector = heldImages(captures);
    const before = tf.memory().numTensors;
    for (const b of [2, 3, 2]) {
      const { layers } = await compareCaptures(inspector, 1, b);
      expect(layers.map((l) => l.name)).toEqual(b === 3 ? ['conv1', 'fc6'] : ['conv1', 'res2a_relu', 'fc6']);
      for (const l of layers) {
        const want = direct(captures.get(1)?.get(l.name)?.dataSync() as Float32Array, captures.get(b)?.get(l.name)?.dataSync() as Float32Array);
        expect(l.cosine).toBeCloseTo(want.cosine, 4);
        expect(l.relativeL2).toBeCloseTo(want.relativeL2, 5);
      }
    }
    const same = await compareCaptures(inspector, 2, 2);
    expect(same.layers.every((l) => l.cosine === 1 && l.relativeL2 === 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
