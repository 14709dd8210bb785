import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from './url-state';

describe('url state', () => {
  it('defaults to the assignment model', () => {
    expect(readUrlState('')).toEqual({ preset: 'signs', seedLiteral: false, backend: null });
  });
  it('ignores values it does not know', () => {
    expect(readUrlState('?preset=cifar&backend=cuda')).toEqual({ preset: 'signs', seedLiteral: false, backend: null });
  });
  it('round-trips', () => {
    const state = { preset: 'imagenet', seedLiteral: true, backend: 'webgl' } as const;
    expect(readUrlState(writeUrlState(state, '?other=1'))).toEqual(state);
    expect(writeUrlState(state, '?other=1')).toContain('other=1');
  });
});
