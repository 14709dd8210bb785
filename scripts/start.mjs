// `npm start`: build the app if the build is missing or older than its sources, then serve it.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = ['src', 'index.html', 'public', 'package.json', 'vite.config.ts'];
const SKIP = new Set(['node_modules', 'models']);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => !SKIP.has(name))
    .reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
const newest = Math.max(...SOURCES.map(newestMtime));
if (built < newest) {
  console.log(built ? 'Sources changed since the last build: rebuilding…' : 'Building the app…');
  const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
} else {
  console.log('The build is up to date.');
}

const port = process.env.PORT ?? '4173';
console.log(`Serving ResNet50 Explorer at http://localhost:${port}/ (Ctrl+C to stop)`);
// Vite's own entry, run by this Node, so that stopping `npm start` stops the server too.
const vite = join(dirname(fileURLToPath(import.meta.resolve('vite/package.json'))), 'bin', 'vite.js');
const server = spawn(process.execPath, [vite, 'preview', '--port', port, '--strictPort'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
