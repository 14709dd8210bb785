import { describe, expect, it } from 'vitest';
import {
  formatCount, formatShape, shapeText, stageId, stageLabel, TINT_STATISTICS, tintLabel,
} from './vocabulary';

describe('vocabulary', () => {
  it('spells stages one way for ids and one way for people', () => {
    expect(stageId(3)).toBe('stage-3');
    expect(stageLabel(3)).toBe('stage 3');
  });

  it('writes shapes the Keras way and the short way', () => {
    expect(formatShape([56, 56, 256])).toBe('(56, 56, 256)');
    expect(shapeText([56, 56, 256])).toBe('56×56×256');
    expect(formatCount(23_600_006)).toBe('23,600,006');
  });

  it('labels every tint statistic', () => {
    expect(TINT_STATISTICS.map((s) => s.id)).toEqual(['mean', 'zeroFraction', 'max']);
    expect(tintLabel('zeroFraction')).toBe('Fraction of zeros');
  });
});
