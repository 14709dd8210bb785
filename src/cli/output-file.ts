/** Writing a file the person asked for (--npy, --png): a missing folder is said in words. */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeOutput(file: string, bytes: Uint8Array): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  const found = await stat(folder).catch(() => null);
  if (!found) throw new Error(`cannot write ${file}: the folder ${path.dirname(file)} does not exist (create it first)`);
  if (!found.isDirectory()) throw new Error(`cannot write ${file}: ${path.dirname(file)} is a file, not a folder`);
  await writeFile(file, bytes);
}
