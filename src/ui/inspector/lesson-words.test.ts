import { describe, expect, it } from 'vitest';
import { english } from '../i18n/i18n';
import { chinese } from '../../test-support/chinese';
import { lessonSentence, lessonWords } from './lesson-words';
import { imagenetLessons as imagenet, lesson, signsLessons as signs } from '../../test-support/lessons';


/** Evaluates "a·b·c·d + e = N" (or "a·b + c = N") and returns [computed, stated]. */
function evaluate(formula: string): [number, number] {
  const match = /^([\d·]+) \+ (\d+) = ([\d,]+)$/.exec(formula);
  if (!match) throw new Error(`not a product-plus-bias formula: ${formula}`);
  const product = match[1].split('·').map(Number).reduce((a, b) => a * b, 1);
  return [product + Number(match[2]), Number(match[3].replace(/,/g, ''))];
}

describe('a layer’s lesson in English', () => {
  it('spells a conv layer’s settings and how its parameters are made', () => {
    const l = lesson('res2a_branch2a');
    const words = lessonWords(l);
    expect(words.settings).toEqual([['Filters', '64'], ['Kernel', '1×1'], ['Stride', '1'], ['Padding', 'valid']]);
    expect(words.shapes).toBe('(56, 56, 64) → (56, 56, 64)');
    expect(words.formula).toBe('1·1·64·64 + 64 = 4,160');
    expect(words.why).toBe('kernel height · width · input channels · filters, plus one bias per filter');
    expect(lessonSentence(l)).toBe('filters 64, kernel 1×1, stride 1, padding valid; (56, 56, 64) → (56, 56, 64); parameters 1·1·64·64 + 64 = 4,160.');
  });

  it('a BatchNorm counts four numbers per channel, half of them trained; a layer without weights says so', () => {
    expect(lessonWords(lesson('bn2a_branch2c')).formula).toBe('4 × 256 = 1,024, of which 512 trainable');
    expect(lessonWords(lesson('bn2a_branch2c')).settings).toEqual([['Normalises', 'each channel (axis 3)']]);
    expect(lessonSentence(lesson('res2a_add'))).toContain('(56, 56, 256) + (56, 56, 256) → (56, 56, 256); no parameters.');
    expect(lessonWords(lesson('conv1_pad')).settings).toEqual([['Padding', '3 pixels of zeros on each side']]);
    expect(lessonWords(lesson('pool1_pad')).settings).toEqual([['Padding', '1 pixel of zeros on each side']]);
    expect(lessonWords(lesson('pool1')).settings).toEqual([['Window', '3×3'], ['Stride', '2'], ['Takes', 'the largest value']]);
    expect(lessonWords(lesson('fc1000')).settings).toEqual([['Units', '1000'], ['Activation', 'softmax']]);
  });

  it('every conv and dense formula adds up to the count it states, the layer’s trainable count', () => {
    for (const lessons of [imagenet, signs]) {
      for (const l of lessons.values()) {
        if (l.kind !== 'conv' && l.kind !== 'dense') continue;
        const [computed, stated] = evaluate(lessonWords(l, english).formula ?? '');
        expect(computed, l.name).toBe(stated);
        expect(stated, l.name).toBe(l.trainable);
      }
    }
    expect(lessonWords(lesson('fc6', signs)).formula).toBe('2048·6 + 6 = 12,294');
  });
});

describe('a layer’s lesson in Chinese', () => {
  it('words the settings, the arithmetic and the sentence in Chinese; names, shapes and Keras words stay', () => {
    const l = lesson('res3a_branch2a');
    const words = lessonWords(l, chinese);
    expect(words.settings).toEqual([['滤波器数', '128'], ['卷积核', '1×1'], ['步幅', '2'], ['填充', 'valid']]);
    expect(words.formula).toBe('1·1·256·128 + 128 = 32,896');
    expect(words.why).toMatch(/^卷积核高 · 宽 · 输入通道数 · 滤波器数/);
    expect(lessonSentence(l, chinese)).toBe('滤波器数 128，卷积核 1×1，步幅 2，填充 valid；(56, 56, 256) → (28, 28, 128)；参数 1·1·256·128 + 128 = 32,896。');
  });

  it('a BatchNorm, a padding and a layer without weights', () => {
    expect(lessonWords(lesson('bn2a_branch2c'), chinese).formula).toBe('4 × 256 = 1,024，其中 512 个可训练');
    expect(lessonWords(lesson('conv1_pad'), chinese).settings).toEqual([['填充', '每边补 3 个像素的零']]);
    expect(lessonSentence(lesson('res2a_add'), chinese)).toMatch(/；\(56, 56, 256\) \+ \(56, 56, 256\) → \(56, 56, 256\)；无参数。$/);
  });

  it('leaves no English word in any lesson', () => {
    // Keras' own words stay: the padding modes, the activation, the formula's names (gamma, beta).
    const kept = /\b(valid|same|softmax|max|gamma|beta|x)\b/g;
    for (const l of imagenet.values()) {
      const words = lessonWords(l, chinese);
      const text = [lessonSentence(l, chinese), words.why ?? '', ...words.settings.flat()].join(' ').replace(kept, '');
      expect(text, l.name).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
