import { describe, expect, it } from 'vitest';
import { presetConfig } from './presets';

describe('presetConfig', () => {
  it('lists the valid presets when given an unknown one', () => {
    expect(() => presetConfig('cifar')).toThrow('unknown preset "cifar": use one of signs, imagenet');
  });
  it('carries the ImageNet adaptations', () => {
    expect(presetConfig('imagenet')).toMatchObject({ poolPadding: 1, avgPoolSize: 7, classes: 1000, seedLiteral: false });
    expect(presetConfig('signs', { seedLiteral: true })).toMatchObject({ poolPadding: 0, avgPoolSize: 2, classes: 6, seedLiteral: true });
  });
});
