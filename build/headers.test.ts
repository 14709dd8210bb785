import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, embedOrigins, embeddingHeaders } from './headers';

describe('EMBED_ORIGINS', () => {
  it('reads origins separated by spaces or commas, and nothing from an empty or missing value', () => {
    expect(embedOrigins('https://course.example.edu, https://lms.example.org:8443\n\'self\'')).toEqual(['https://course.example.edu', 'https://lms.example.org:8443', "'self'"]);
    expect(embedOrigins('')).toEqual([]);
    expect(embedOrigins(undefined)).toEqual([]);
  });

  it.each(['*', 'course.example.edu', 'https://course.example.edu/page', 'https://*.example.edu', 'javascript:alert(1)', "'none'", 'https://a.example.edu;script-src'])(
    'refuses %s, naming it, rather than open the app to every site',
    (value) => {
      expect(() => embedOrigins(`https://ok.example.edu ${value}`)).toThrow(`EMBED_ORIGINS: "${value}" is not an origin`);
    },
  );

  it('allows framing by exactly those origins, and lets an isolated course page load the frame', () => {
    const headers = embeddingHeaders(['https://course.example.edu', "'self'"]);
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors https://course.example.edu 'self'");
    expect(headers['Content-Security-Policy']).not.toContain("frame-ancestors 'none'");
    expect(headers['Cross-Origin-Resource-Policy']).toBe('cross-origin');
    // Everything else stays: the threaded WASM still needs cross-origin isolation.
    expect(headers['Cross-Origin-Embedder-Policy']).toBe(SECURITY_HEADERS['Cross-Origin-Embedder-Policy']);
    expect(headers['Content-Security-Policy'].replace(/frame-ancestors [^;]*/, '')).toBe(SECURITY_HEADERS['Content-Security-Policy'].replace(/frame-ancestors [^;]*/, ''));
  });

  it('leaves the default headers (no framing at all) when none is given', () => {
    expect(embeddingHeaders([])).toBe(SECURITY_HEADERS);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});
