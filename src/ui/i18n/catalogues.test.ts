import { describe, expect, it } from 'vitest';
import { catalogueProblems } from './catalogue-check';
import { english, makeTranslate, type Catalogue } from './i18n';
import en from './en.json';
import zh from './zh.json';

describe('the two catalogues', () => {
  it('have the same keys, each message ICU, with the same arguments in both languages', () => {
    expect(catalogueProblems(en, zh)).toEqual([]);
  });
  it('translate every message (no English left in the Chinese one, except names and code)', () => {
    const untranslated = Object.entries(zh).filter(([key, message]) => message === (en as Record<string, string>)[key] && /[a-z]{4,} [a-z]{3,}/i.test(message));
    expect(untranslated).toEqual([]);
  });
});

describe('catalogueProblems', () => {
  it('names a key missing from either side', () => {
    expect(catalogueProblems({ a: 'A', b: 'B' }, { a: '甲', c: '丙' })).toEqual(['zh has no b', 'en has no c']);
  });
  it('names a placeholder, select case or tag that only one side has', () => {
    expect(catalogueProblems({ k: 'Layer {name} has {n} channels' }, { k: '层 {layer} 有 {n} 个通道' }))
      .toEqual(['k: en takes [name:argument] and zh [layer:argument] that the other does not']);
    expect(catalogueProblems({ k: '{n, number} maps' }, { k: '{n} 张图' })).toHaveLength(1);
    expect(catalogueProblems({ k: '{v, select, a {A} other {B}}' }, { k: '{v, select, b {乙} other {丙}}' })).toHaveLength(1);
    expect(catalogueProblems({ k: 'the <code>pool1_pad</code> layer' }, { k: 'pool1_pad 层' })).toHaveLength(1);
  });
  it('lets plural cases differ (Chinese has only "other") and names a message that does not parse', () => {
    expect(catalogueProblems({ k: '{n, plural, one {# block} other {# blocks}}' }, { k: '{n, plural, other {# 个块}}' })).toEqual([]);
    expect(catalogueProblems({ k: 'an {unclosed' }, { k: '一个' })[0]).toMatch(/^en k: not an ICU message/);
  });
});

describe('formatting', () => {
  const chinese = makeTranslate('zh', zh as Catalogue);
  it('groups parameter counts and writes percentages in each language', () => {
    expect(english.count(23587712)).toBe('23,587,712');
    expect(chinese.count(23587712)).toBe('23,587,712');
    expect(english.percent(0.934)).toBe('93%');
    expect(chinese.percent(0.0042, 1)).toBe('0.4%');
  });
  it('fills the placeholders of a message', () => {
    expect(english('url.badChannel', { value: '0' })).toContain('“channel=0”');
    expect(chinese('image.originalCaption', { width: 640, height: 480 })).toBe('原图 · 640×480');
  });
});
