/**
 * The images a long command runs over: folders (their image files, by extension, sorted)
 * and files named one by one (always taken: a file that cannot be read is counted as
 * failed, not skipped), and an evenly spread sample of them.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './args';

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp'];

async function folderImages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && IMAGE_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Every image under the arguments, in order; none at all is a usage error. */
export async function listImages(args: readonly string[], command: string): Promise<string[]> {
  if (args.length === 0) throw new UsageError(`${command} needs a folder or image files`);
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) files.push(...(await folderImages(arg)));
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError(`no images in ${args.join(', ')} (looked for ${IMAGE_EXTENSIONS.join(', ')})`);
  return files;
}

/** `n` items spread evenly over `items` (the middle of each of n equal slices); all when n >= length. */
export function evenlySpread<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / n)]);
}

/** A positive whole number option, or the fallback when it is absent. */
export function countOption(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of at least 1 (got "${String(value)}")`);
  return n;
}
