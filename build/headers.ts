/**
 * Headers the app is served with, by `dev`, `preview` and `start` alike (README lists them
 * for static hosts):
 * - COOP/COEP make the page cross-origin isolated, which the threaded WASM backend needs
 *   (SharedArrayBuffer);
 * - the Content-Security-Policy allows no eval and no inline scripts: WebAssembly may
 *   compile ('wasm-unsafe-eval'), and the threaded backend starts workers from blob: URLs
 *   that import the backend's own script from another blob: URL.
 * - `frame-ancestors 'none'`: no site may frame the app, unless the server is started with
 *   EMBED_ORIGINS (embeddingHeaders below), for a course page's iframe.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
};

/** The dev server injects its client and CSS as inline code, so it relaxes only that. */
export const DEV_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
};

/**
 * The sites allowed to frame the app, from EMBED_ORIGINS ("https://course.example.edu
 * https://lms.example.org", spaces or commas; 'self' too): each an origin (scheme, host,
 * optional port), nothing else, so a typo fails the server's start instead of opening the
 * app to every site. Empty: none (the default).
 */
export function embedOrigins(value: string | undefined): string[] {
  const list = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const item of list) {
    if (item !== "'self'" && !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(item)) {
      throw new Error(`EMBED_ORIGINS: "${item}" is not an origin such as https://course.example.edu (or 'self')`);
    }
  }
  return list;
}

/**
 * The headers with framing allowed for those origins. Cross-Origin-Resource-Policy:
 * cross-origin lets a course page that is itself cross-origin isolated (COEP require-corp)
 * load the frame; COOP does not apply inside a frame, and COEP stays (the app's threaded
 * WASM needs it, and the frame's own files are same-origin).
 */
export function embeddingHeaders(origins: readonly string[], base: Readonly<Record<string, string>> = SECURITY_HEADERS): Readonly<Record<string, string>> {
  if (origins.length === 0) return base;
  return {
    ...base,
    'Content-Security-Policy': base['Content-Security-Policy'].replace("frame-ancestors 'none'", `frame-ancestors ${origins.join(' ')}`),
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
}
