/**
 * The page's message catalogues (src/ui/i18n/*.json) compiled at build time: each ICU
 * message becomes the AST intl-messageformat would otherwise parse in the browser, and the
 * parser is swapped for its no-parser build, so the page ships the formatter (~2.5 KB
 * gzipped) without the parser (~7 KB). A message that does not parse fails the build,
 * naming its key. Tests and the catalogue check read the JSON as written.
 */
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const CATALOGUE = /[\\/]src[\\/]ui[\\/]i18n[\\/][a-z]{2}\.json$/;

export function compileCatalogue(json: string, file: string): string {
  const messages = JSON.parse(json) as Record<string, string>;
  const compiled: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(messages)) {
    try {
      compiled[key] = parse(message);
    } catch (err) {
      throw new Error(`${file}: message ${key} is not ICU: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return JSON.stringify(compiled);
}

export function i18nCatalogues(): Plugin {
  return {
    name: 'i18n-catalogues',
    enforce: 'pre',
    config: () => ({
      resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] },
    }),
    transform(code, id) {
      if (!CATALOGUE.test(id)) return null;
      return { code: compileCatalogue(code, id), map: null };
    },
  };
}
