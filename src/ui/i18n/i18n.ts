/**
 * The page's two languages. Messages are ICU MessageFormat strings (plurals, numbers,
 * selects) in two catalogues, en.json and zh.json, formatted by FormatJS's
 * intl-messageformat: ICU is the format translators' tools read, its plurals follow CLDR
 * (Chinese has only `other`), and numbers go through Intl.NumberFormat for the chosen
 * locale. The build compiles the catalogues to message ASTs (build/i18n-catalogues.ts), so
 * the ICU parser stays out of the page. English ships with the page; the Chinese catalogue
 * is a chunk of its own, fetched when asked for. Layer, block and stage names
 * (res2a_branch2a, fc1000) are never translated.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { ReactNode } from 'react';
import en from './en.json';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** The BCP 47 tag each language is formatted and announced in. */
export const LOCALE_OF: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** Each language's name in itself, for the switcher. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', zh: '简体中文' };

export type MessageId = keyof typeof en;
/** A message as written (tests, dev) or as the build compiled it (an AST; see build/i18n-catalogues.ts). */
export type Catalogue = Record<MessageId, string | ConstructorParameters<typeof IntlMessageFormat>[0]>;

export function isLang(value: string | null | undefined): value is Lang {
  return (LANGS as readonly (string | null | undefined)[]).includes(value);
}

/** The first of the browser's languages that the page speaks (zh-CN, zh-Hans, zh-TW all read Chinese), else English. */
export function browserLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

/** A language's catalogue: English at once, Chinese from its own chunk. */
export async function loadCatalogue(lang: Lang): Promise<Catalogue> {
  if (lang === 'en') return en;
  const zh = await import('./zh.json');
  return zh.default as Catalogue;
}

export const ENGLISH: Catalogue = en;

export type Values = Record<string, string | number | null | undefined>;
/**
 * Words kept to be said when they are shown, in the language the page speaks then (a notice
 * raised in English reads Chinese once the page switches): a catalogue message with its
 * values, which may be words of their own, or text that came from elsewhere (a browser, a
 * file, the engine) as it came.
 */
export type Said = string | { readonly id: MessageId; readonly values?: SaidValues };
export type SaidValues = Readonly<Record<string, string | number | null | undefined | Said>>;

/** A catalogue message to be said later (see Said). */
export function said(id: MessageId, values?: SaidValues): Said {
  return values ? { id, values } : { id };
}

export type RichValues = Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/** Formats messages and numbers in one language; made once per language, used in and out of React. */
export interface Translate {
  (id: MessageId, values?: Values): string;
  /** A message with tags (`<code>pool1_pad</code>`) or React values. */
  rich(id: MessageId, values: RichValues): ReactNode;
  /** 23,587,712 */
  count(n: number): string;
  /** 0.93 -> "93%", with `digits` decimals. */
  percent(p: number, digits?: number): string;
  /** Any Intl number format in this language (e.g. one decimal). */
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** "res2b and res2c", "res2b 和 res2c" */
  list(items: readonly string[]): string;
  /** Kept words (Said), in this language. */
  said(words: Said): string;
  readonly lang: Lang;
}

export function makeTranslate(lang: Lang, messages: Catalogue): Translate {
  const locale = LOCALE_OF[lang];
  const compiled = new Map<MessageId, IntlMessageFormat>();
  const message = (id: MessageId) => {
    let found = compiled.get(id);
    if (!found) {
      found = new IntlMessageFormat(messages[id] ?? en[id] ?? id, locale);
      compiled.set(id, found);
    }
    return found;
  };
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const number = (n: number, options: Intl.NumberFormatOptions = {}) => {
    const key = JSON.stringify(options);
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      numberFormats.set(key, format);
    }
    return format.format(n);
  };
  // British English lists have no comma before "and" (the walkthrough's own style).
  const lists = new Intl.ListFormat(lang === 'en' ? 'en-GB' : locale, { type: 'conjunction' });
  const t = ((id: MessageId, values?: Values) => String(message(id).format(values))) as Translate;
  const spoken = (words: Said): string => {
    if (typeof words === 'string') return words;
    const values = words.values && Object.fromEntries(Object.entries(words.values).map(([k, v]) => [k, v !== null && typeof v === 'object' ? spoken(v) : v]));
    return t(words.id, values as Values | undefined);
  };
  return Object.assign(t, {
    rich: (id: MessageId, values: RichValues) => message(id).format<ReactNode>(values),
    count: (n: number) => number(n),
    percent: (p: number, digits = 0) => number(p, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }),
    number,
    list: (items: readonly string[]) => lists.format(items),
    said: spoken,
    lang,
  });
}

/** English, for code that runs before the page has a language and for tests. */
export const english: Translate = makeTranslate('en', en);
