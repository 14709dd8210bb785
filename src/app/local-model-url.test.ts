import { describe, expect, it } from 'vitest';
import { english } from '../ui/i18n/i18n';
import { localLinkNotice, withLocalModel } from './local-model-url';

describe('model=local in the address', () => {
  it('is set while a local model is open and removed after, other parameters kept', () => {
    expect(withLocalModel('?preset=signs&layer=conv1', true)).toBe('?preset=signs&layer=conv1&model=local');
    expect(withLocalModel('?preset=signs&model=local&layer=conv1', false)).toBe('?preset=signs&layer=conv1');
    expect(withLocalModel('?model=local', false)).toBe('');
  });

  it('says on a reload that the file cannot be re-opened from a link, and which preset is shown', () => {
    expect(english.said(localLinkNotice('?preset=signs&model=local', 'signs') ?? '')).toMatch(/cannot re-open a file from a computer, so the SIGNS preset is shown/);
    expect(english.said(localLinkNotice('?model=local', 'imagenet') ?? '')).toMatch(/the ImageNet preset is shown/);
    expect(localLinkNotice('?preset=signs', 'signs')).toBeNull();
    expect(localLinkNotice('?model=other', 'signs')).toBeNull();
  });
});
