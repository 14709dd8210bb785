/**
 * A tiny static server on 127.0.0.1 for the bench page: files from the first root that has
 * them, with or without the app's headers. Without COOP/COEP the page is not
 * cross-origin isolated, so tfjs falls back to its single-threaded WASM build.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SECURITY_HEADERS } from '../../build/headers.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly roots: readonly string[];
  /** true: COOP/COEP + CSP as the app ships; false: the CSP only, not isolated. */
  readonly isolated: boolean;
}

function headersFor(isolated: boolean): Record<string, string> {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' };
  if (!isolated) {
    delete headers['Cross-Origin-Opener-Policy'];
    delete headers['Cross-Origin-Embedder-Policy'];
  }
  return headers;
}

async function findFile(roots: readonly string[], urlPath: string): Promise<string | null> {
  const relative = path.normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const name = relative === '' ? 'index.html' : relative;
  for (const root of roots) {
    const file = path.join(root, name);
    if (!file.startsWith(root)) continue;
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
  }
  return null;
}

function handler(options: ServeOptions) {
  const headers = headersFor(options.isolated);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const file = await findFile(options.roots, new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!file) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'Content-Type': type });
    createReadStream(file).pipe(res);
  };
}

export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const roots = options.roots.map((r) => path.resolve(r));
  const handle = handler({ ...options, roots });
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
