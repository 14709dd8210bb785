/**
 * app.mainBundle*: what the built app's index.html makes the browser load before the model
 * worker starts: its module script(s) and modulepreloads (stylesheets not counted), each
 * gzipped (zlib level 9, as a static host would pre-compress them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface MainBundle {
  readonly gzipBytes: number;
  readonly bytes: number;
  readonly files: readonly string[];
}

/** The local script and modulepreload URLs of an index.html, in order. */
export function mainBundleFiles(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag);
    const url = isScript ? attr('src') : attr('rel')?.toLowerCase() === 'modulepreload' ? attr('href') : undefined;
    if (url && !/^[a-z]+:\/\//i.test(url) && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

export function measureMainBundle(outDir: string): MainBundle {
  const files = mainBundleFiles(readFileSync(path.join(outDir, 'index.html'), 'utf8'));
  if (files.length === 0) throw new Error(`${outDir}/index.html loads no script`);
  let bytes = 0;
  let gzipBytes = 0;
  for (const url of files) {
    const body = readFileSync(path.join(outDir, url.replace(/^\//, '').split('?')[0]));
    bytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { gzipBytes, bytes, files };
}
