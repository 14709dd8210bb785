import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGENET_SYNSETS, synsetIndex } from './imagenet-synsets';

describe('ImageNet synset ids', () => {
  it('are 1000 distinct ids in sorted order (the class order of the ILSVRC-2012 weights)', () => {
    expect(IMAGENET_SYNSETS).toHaveLength(1000);
    expect(IMAGENET_SYNSETS.every((id) => /^n\d{8}$/.test(id))).toBe(true);
    expect(new Set(IMAGENET_SYNSETS).size).toBe(1000);
    expect([...IMAGENET_SYNSETS].sort()).toEqual(IMAGENET_SYNSETS);
  });

  it('name the same classes as the weights’ label list', () => {
    const labels = JSON.parse(readFileSync('public/models/resnet50/labels.json', 'utf8')) as Record<string, string>;
    const named = (id: string) => labels[String(synsetIndex(id))];
    expect(named('n01440764')).toBe('tench');
    expect(named('n02124075')).toBe('Egyptian_cat');
    expect(named('n07920052')).toBe('espresso');
    expect(named('n15075141')).toBe('toilet_tissue');
    expect(synsetIndex('n00000000')).toBeNull();
  });
});
