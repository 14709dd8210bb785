import { describe, expect, it } from 'vitest';
import { createUrlStore, readUrlState, urlNotice, writeUrlState } from './url-state';
import { chinese } from '../test-support/chinese';
import { browserLang, english, type Said } from '../ui/i18n/i18n';

const inEnglish = (words: Said | null) => (words === null ? null : english.said(words));

describe('url state', () => {
  it('defaults to the assignment model', () => {
    expect(readUrlState('')).toEqual({ preset: 'imagenet', seedLiteral: false, backend: null, layer: null, channel: null, off: '', lang: null });
  });
  it('ignores values it does not know', () => {
    expect(readUrlState('?preset=cifar&backend=cuda&channel=-3&lang=fr')).toEqual({ preset: 'imagenet', seedLiteral: false, backend: null, layer: null, channel: null, off: '', lang: null });
  });
  it('round-trips', () => {
    const state = { preset: 'signs', seedLiteral: true, backend: 'webgl', layer: 'res2a_branch2a', channel: 12, off: 'res3b,res4a', lang: 'zh' } as const;
    expect(readUrlState(writeUrlState(state, '?other=1'))).toEqual(state);
    expect(writeUrlState(state, '?other=1')).toContain('other=1');
    expect(writeUrlState(state, '')).toContain('off=res3b%2Cres4a');
    expect(writeUrlState({ ...state, off: '' }, '?off=res2a')).not.toContain('off=');
    expect(readUrlState('?off=res2a,,%20res3b').off).toBe('res2a,res3b');
  });
  it('keeps the language asked for (lang=zh), and leaves it out when none was', () => {
    expect(readUrlState('?lang=zh').lang).toBe('zh');
    expect(readUrlState('?lang=en').lang).toBe('en');
    expect(writeUrlState({ ...readUrlState(''), lang: 'zh' }, '')).toContain('lang=zh');
    expect(writeUrlState({ ...readUrlState(''), lang: null }, '?lang=zh')).not.toContain('lang=');
  });
  it('defaults to the first of the browser’s languages that the page speaks', () => {
    expect(browserLang(['zh-CN', 'en-US'])).toBe('zh');
    expect(browserLang(['zh-TW'])).toBe('zh');
    expect(browserLang(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(browserLang(['de-DE'])).toBe('en');
    expect(browserLang([])).toBe('en');
  });
  it('counts channels from 1, as the page does: channel=5 is Channel 5 (index 4)', () => {
    expect(readUrlState('?channel=5').channel).toBe(4);
    expect(readUrlState('?channel=1').channel).toBe(0);
    expect(readUrlState('?channel=0').channel).toBeNull();
    expect(writeUrlState({ ...readUrlState(''), channel: 0 }, '')).toContain('channel=1');
  });
  it('says in words what it could not follow, and nothing when all is well', () => {
    expect(inEnglish(urlNotice('?preset=foo'))).toBe('There is no preset “foo”, so the ImageNet model is shown. Presets: signs, imagenet.');
    expect(inEnglish(urlNotice('?backend=cuda'))).toMatch(/^There is no backend “cuda”.*Backends: webgl, wasm, cpu\.$/);
    expect(inEnglish(urlNotice('?layer=res2a&channel=0'))).toMatch(/channels are counted from 1/);
    expect(urlNotice('?preset=signs&backend=wasm&layer=res2a&channel=3&variant=literal')).toBeNull();
    expect(urlNotice('')).toBeNull();
    expect(inEnglish(urlNotice('?lang=fr'))).toBe('There is no language “fr”, so the page follows your browser’s language. Languages: en, zh.');
    expect(urlNotice('?lang=zh')).toBeNull();
  });
  it('says it in the page’s language', () => {
    expect(chinese.said(urlNotice('?preset=foo') ?? '')).toBe('没有名为“foo”的预设，因此显示 ImageNet 模型。可用的预设：signs, imagenet。');
  });
});

describe('url store', () => {
  it('tells its listeners of a change, and only of a real one', () => {
    const store = createUrlStore(readUrlState(''));
    const heard: (string | null)[] = [];
    const unsubscribe = store.subscribe(() => heard.push(store.get().layer));
    store.update({ layer: 'res2a', channel: null });
    store.update({ layer: 'res2a' });
    store.update({ channel: 3 });
    unsubscribe();
    store.update({ layer: 'res2b' });
    expect(heard).toEqual(['res2a', 'res2a']);
    expect(store.get()).toMatchObject({ preset: 'imagenet', layer: 'res2b', channel: 3 });
  });
});
