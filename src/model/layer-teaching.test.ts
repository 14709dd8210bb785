import { describe, expect, it } from 'vitest';
import { layerLessons } from './layer-teaching';
import { presetConfig } from './presets';

const imagenet = layerLessons(presetConfig('imagenet'));
const signs = layerLessons(presetConfig('signs'));

function lesson(name: string, lessons = imagenet) {
  const found = lessons.get(name);
  if (!found) throw new Error(`no lesson for ${name}`);
  return found;
}

/** Evaluates "a·b·c·d + e = N" (or "a·b + c = N") and returns [computed, stated]. */
function evaluate(formula: string): [number, number] {
  const match = /^([\d·]+) \+ (\d+) = ([\d,]+)$/.exec(formula);
  if (!match) throw new Error(`not a product-plus-bias formula: ${formula}`);
  const product = match[1].split('·').map(Number).reduce((a, b) => a * b, 1);
  return [product + Number(match[2]), Number(match[3].replace(/,/g, ''))];
}

describe('layerLessons', () => {
  it('spells a conv layer’s settings and how its parameters are made', () => {
    const l = lesson('res2a_branch2a');
    expect(l.settings).toEqual([['Filters', '64'], ['Kernel', '1×1'], ['Stride', '1'], ['Padding', 'valid']]);
    expect(l.inputShapes).toEqual([[56, 56, 64]]);
    expect(l.outputShape).toEqual([56, 56, 64]);
    expect(l.paramsFormula).toBe('1·1·64·64 + 64 = 4,160');
    expect(l.sentence).toBe('filters 64, kernel 1×1, stride 1, padding valid; (56, 56, 64) → (56, 56, 64); parameters 1·1·64·64 + 64 = 4,160.');
  });

  it('a BatchNorm counts four numbers per channel, half of them trained', () => {
    const l = lesson('bn2a_branch2c');
    expect(l.paramsFormula).toBe('4 × 256 = 1,024, of which 512 trainable');
    expect([l.trainable, l.nonTrainable]).toEqual([512, 512]);
  });

  it('the stride of a convolutional block sits in its first 1x1 conv, and the head is a dense softmax', () => {
    expect(lesson('res3a_branch2a').settings).toContainEqual(['Stride', '2']);
    expect(lesson('res3a_branch1').settings).toContainEqual(['Stride', '2']);
    expect(lesson('res3a_branch2b').settings).toContainEqual(['Padding', 'same']);
    expect(lesson('fc1000').paramsFormula).toBe('2048·1000 + 1000 = 2,049,000');
    expect(lesson('fc6', signs).paramsFormula).toBe('2048·6 + 6 = 12,294');
    expect(lesson('res2a_add').inputShapes).toEqual([[56, 56, 256], [56, 56, 256]]);
    expect(lesson('res2a_add').sentence).toContain('(56, 56, 256) + (56, 56, 256) → (56, 56, 256); no parameters.');
  });

  it('every formula adds up, and the counts sum to the published totals', () => {
    for (const [lessons, total] of [[imagenet, 25_636_712], [signs, 23_600_006]] as const) {
      let sum = 0;
      for (const l of lessons.values()) {
        sum += l.trainable + l.nonTrainable;
        if (l.kind === 'conv' || l.kind === 'dense') {
          const [computed, stated] = evaluate(l.paramsFormula ?? '');
          expect(computed, l.name).toBe(stated);
          expect(stated, l.name).toBe(l.trainable);
        } else if (l.kind !== 'batch-norm') {
          expect(l.paramsFormula, l.name).toBeNull();
        }
      }
      expect(sum).toBe(total);
    }
  });
});
