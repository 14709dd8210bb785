/**
 * Headers the app is served with, by `dev`, `preview` and `start` alike (README lists them
 * for static hosts):
 * - COOP/COEP make the page cross-origin isolated, which the threaded WASM backend needs
 *   (SharedArrayBuffer);
 * - the Content-Security-Policy allows no eval and no inline scripts: WebAssembly may
 *   compile ('wasm-unsafe-eval'), and the threaded backend starts workers from blob: URLs
 *   that import the backend's own script from another blob: URL.
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
