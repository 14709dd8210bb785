/**
 * `?embed=graph|block|walkthrough|inspector`: one part of the explorer alone, for an iframe
 * on a course page. Only the mode is read here; the other fields (preset, lang, layer) are
 * the URL state's as usual.
 */
export const EMBED_MODES = ['graph', 'block', 'walkthrough', 'inspector'] as const;
export type EmbedMode = (typeof EMBED_MODES)[number];

export function isEmbedMode(value: string | null): value is EmbedMode {
  return (EMBED_MODES as readonly (string | null)[]).includes(value);
}

/** The embedded part the address asks for; none (the full page) for a missing or unknown one (urlNotice says which). */
export function readEmbed(search: string): EmbedMode | null {
  const value = new URLSearchParams(search).get('embed');
  return isEmbedMode(value) ? value : null;
}

/** The same address without `embed`: the full explorer, at the same preset, language and layer. */
export function fullExplorerHref(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.toString();
}
