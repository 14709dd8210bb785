/**
 * Zip archives through fflate (small, maintained, no dependencies, runs in a worker). The
 * central directory is read first: every member's declared size is checked before
 * anything is inflated, and only the members asked for are inflated.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { formatBytes, ModelFileError } from './errors';
import { checkSize, LIMIT, MAX_MODEL_BYTES } from './limits';

export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06);
}

export interface ZipMembers {
  /** Every member's name, for messages. */
  readonly names: readonly string[];
  readonly files: Readonly<Record<string, Uint8Array>>;
}

/** Inflates the members named in `wanted` (absent ones are simply not returned). */
export function readZip(file: string, bytes: Uint8Array, wanted: readonly string[]): ZipMembers {
  const names: string[] = [];
  let declared = 0;
  const filter = (info: UnzipFileInfo) => {
    names.push(info.name);
    if (!wanted.includes(info.name)) return false;
    checkSize(file, info.originalSize, `Its member ${info.name} declares an uncompressed size that`);
    declared += info.originalSize;
    if (declared > MAX_MODEL_BYTES) {
      throw new ModelFileError(file, `declares ${formatBytes(declared)} uncompressed, over the ${LIMIT} limit for a model file.`);
    }
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter });
  } catch (err) {
    if (err instanceof ModelFileError) throw err;
    throw new ModelFileError(file, 'is truncated or damaged: its zip directory or a member cannot be read (an interrupted download or copy?).');
  }
  return { names, files };
}
