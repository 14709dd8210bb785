import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from './url-state';

describe('url state', () => {
  it('defaults to the assignment model', () => {
    expect(readUrlState('')).toEqual({ preset: 'imagenet', seedLiteral: false, backend: null, layer: null, channel: null });
  });
  it('ignores values it does not know', () => {
    expect(readUrlState('?preset=cifar&backend=cuda&channel=-3')).toEqual({ preset: 'imagenet', seedLiteral: false, backend: null, layer: null, channel: null });
  });
  it('round-trips', () => {
    const state = { preset: 'signs', seedLiteral: true, backend: 'webgl', layer: 'res2a_branch2a', channel: 12 } as const;
    expect(readUrlState(writeUrlState(state, '?other=1'))).toEqual(state);
    expect(writeUrlState(state, '?other=1')).toContain('other=1');
  });
});
