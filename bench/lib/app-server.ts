/**
 * Builds (when stale) and serves the real app with `vite preview`: the app's own config,
 * so its own headers (COOP/COEP, CSP) and its own caching (ETag, `Cache-Control: no-cache`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { log } from './log';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');
/** The app is built here, not in dist/, so other people's dist/ (and e2e runs) are left alone. */
export const APP_OUT = path.join(ROOT, 'bench/out/app');
export const PAGE_OUT = path.join(ROOT, 'bench/out/page');

const APP_SOURCES = ['src', 'build', 'index.html', 'public', 'package.json', 'vite.config.ts'];
const PAGE_SOURCES = [...APP_SOURCES, 'bench/page', 'bench/core', 'bench/vite.config.ts'];
const SKIP = new Set(['node_modules', 'models']);

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const info = statSync(file);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(file)
    .filter((name) => !SKIP.has(name))
    .reduce((max, name) => Math.max(max, newestMtime(path.join(file, name))), info.mtimeMs);
}

function isStale(outDir: string, sources: readonly string[]): boolean {
  const built = newestMtime(path.join(outDir, 'index.html'));
  return built < Math.max(...sources.map((s) => newestMtime(path.join(ROOT, s))));
}

function viteBuild(args: readonly string[]): void {
  // Vite's output goes to stderr: with --json, stdout carries only the JSON document.
  // A production build whatever NODE_ENV the caller has: under Vitest (NODE_ENV=test) Vite
  // would otherwise build React's development bundle, a different app from the one shipped.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn', ...args], { cwd: ROOT, env, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

/** Builds the app and the bench page when their sources are newer than the builds. */
export function ensureBuilds(): void {
  if (isStale(APP_OUT, APP_SOURCES)) {
    log('building the app into bench/out/app…');
    viteBuild(['--outDir', APP_OUT, '--emptyOutDir']);
  }
  if (isStale(PAGE_OUT, PAGE_SOURCES)) {
    log('building the bench page into bench/out/page…');
    viteBuild(['--config', path.join(ROOT, 'bench/vite.config.ts')]);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

export interface AppServer {
  readonly url: string;
  close(): Promise<void>;
}

/** `vite preview` of the built app on a free port of 127.0.0.1. */
export async function serveApp(): Promise<AppServer> {
  const port = await freePort();
  const args = [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', APP_OUT];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 2] });
  // Never leave the server behind, even when the benchmark dies on an uncaught error.
  const stop = () => child.kill();
  process.once('exit', stop);
  child.once('exit', () => process.off('exit', stop));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/`, child);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    }),
  };
}
