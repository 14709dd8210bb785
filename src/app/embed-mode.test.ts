import { describe, expect, it } from 'vitest';
import { fullExplorerHref, readEmbed } from './embed-mode';
import { english } from '../ui/i18n/i18n';
import { urlNotice } from './url-state';

describe('embed mode', () => {
  it('reads the four parts and nothing else', () => {
    expect(readEmbed('?embed=graph&preset=signs')).toBe('graph');
    expect(readEmbed('?embed=block&layer=res2a')).toBe('block');
    expect(readEmbed('?embed=walkthrough')).toBe('walkthrough');
    expect(readEmbed('?embed=inspector&layer=conv1')).toBe('inspector');
    expect(readEmbed('?embed=Graph')).toBeNull();
    expect(readEmbed('?embed=')).toBeNull();
    expect(readEmbed('?preset=signs')).toBeNull();
  });

  it('links to the same address without embed, every other field kept', () => {
    expect(fullExplorerHref('https://x.test/app/?preset=signs&embed=block&layer=res2a&lang=zh#top'))
      .toBe('https://x.test/app/?preset=signs&layer=res2a&lang=zh#top');
    expect(fullExplorerHref('https://x.test/?embed=graph')).toBe('https://x.test/');
  });

  it('says an unknown part in words, and nothing for a known one or none', () => {
    expect(english.said(urlNotice('?embed=diagram') ?? '')).toBe('There is no embedded part “diagram”, so the whole explorer is shown. Parts: graph, block, walkthrough, inspector.');
    expect(urlNotice('?embed=graph')).toBeNull();
    expect(urlNotice('?preset=signs')).toBeNull();
  });
});
