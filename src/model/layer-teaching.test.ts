import { describe, expect, it } from 'vitest';
import type { ParamsArithmetic } from './layer-teaching';
import { imagenetLessons as imagenet, lesson, signsLessons as signs } from '../test-support/lessons';

// The words (in English and Chinese) are ui/inspector/lesson-words.test.ts's: these are the facts.

/** What the terms multiply and add up to, computed here from the terms alone. */
function computed(p: ParamsArithmetic): number {
  switch (p.kind) {
    case 'conv':
      return p.kernel * p.kernel * p.channels * p.filters + p.filters;
    case 'dense':
      return p.inputs * p.units + p.units;
    case 'batch-norm':
      return 4 * p.channels;
  }
}

describe('layerLessons', () => {
  it('gives a conv layer’s settings and the terms of its parameter count', () => {
    const l = lesson('res2a_branch2a');
    expect(l.settings).toEqual({ kind: 'conv', filters: 64, kernel: 1, stride: 1, padding: 'valid' });
    expect(l.inputShapes).toEqual([[56, 56, 64]]);
    expect(l.outputShape).toEqual([56, 56, 64]);
    expect(l.params).toEqual({ kind: 'conv', kernel: 1, channels: 64, filters: 64, total: 4_160 });
  });

  it('a BatchNorm counts four numbers per channel, half of them trained', () => {
    const l = lesson('bn2a_branch2c');
    expect(l.params).toEqual({ kind: 'batch-norm', channels: 256, total: 1_024, trainable: 512 });
    expect([l.trainable, l.nonTrainable]).toEqual([512, 512]);
  });

  it('the stride of a convolutional block sits in its first 1x1 conv, and the head is a dense softmax', () => {
    expect(lesson('res3a_branch2a').settings).toMatchObject({ kind: 'conv', stride: 2 });
    expect(lesson('res3a_branch1').settings).toMatchObject({ kind: 'conv', stride: 2 });
    expect(lesson('res3a_branch2b').settings).toMatchObject({ kind: 'conv', padding: 'same' });
    expect(lesson('fc1000').params).toEqual({ kind: 'dense', inputs: 2048, units: 1000, total: 2_049_000 });
    expect(lesson('fc6', signs).params).toEqual({ kind: 'dense', inputs: 2048, units: 6, total: 12_294 });
    expect(lesson('fc1000').settings).toEqual({ kind: 'dense', units: 1000, activation: 'softmax' });
    expect(lesson('res2a_add').inputShapes).toEqual([[56, 56, 256], [56, 56, 256]]);
    expect(lesson('res2a_add').params).toBeNull();
  });

  it('every count’s terms add up, and the counts sum to the published totals', () => {
    for (const [lessons, total] of [[imagenet, 25_636_712], [signs, 23_600_006]] as const) {
      let sum = 0;
      for (const l of lessons.values()) {
        sum += l.trainable + l.nonTrainable;
        if (l.params) {
          expect(l.params.kind, l.name).toBe(l.kind);
          expect(computed(l.params), l.name).toBe(l.params.total);
          expect(l.params.total, l.name).toBe(l.trainable + l.nonTrainable);
        } else {
          expect(l.trainable + l.nonTrainable, l.name).toBe(0);
        }
        if (l.kind === 'conv' || l.kind === 'dense') expect(l.nonTrainable, l.name).toBe(0);
      }
      expect(sum).toBe(total);
    }
  });
});
