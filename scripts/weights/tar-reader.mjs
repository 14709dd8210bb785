// A tiny reader for the ustar archives that npm publishes. It only needs what an npm
// tarball uses (regular files, ustar prefixes, pax `path` records), so the project does
// not depend on the `tar` package being installed transitively.
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function readString(block, start, length) {
  const bytes = block.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

function readOctal(block, start, length) {
  const text = readString(block, start, length).trim();
  const value = text === '' ? 0 : Number.parseInt(text, 8);
  if (!Number.isFinite(value)) throw new Error(`bad size field "${text}" in tar header`);
  return value;
}

// Pax extended headers are "<length> <key>=<value>\n" records; only `path` matters here.
function paxPath(data) {
  for (const line of data.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

function isEndBlock(block) {
  return block.every((byte) => byte === 0);
}

/**
 * Calls `visit(name, data)` for every regular file in a gzipped tar archive.
 * @param {Buffer} gzipped
 * @param {(name: string, data: Buffer) => void} visit
 */
export function readTarGz(gzipped, visit) {
  const tar = gunzipSync(gzipped);
  let offset = 0;
  let longName;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (isEndBlock(header)) break;
    const size = readOctal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 48);
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (data.length !== size) throw new Error('tar archive ends inside a file');
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'L') {
      longName = type === 'x' ? paxPath(data) : readString(data, 0, data.length);
      continue;
    }
    const prefix = readString(header, 345, 155);
    const shortName = readString(header, 0, 100);
    const name = longName ?? (prefix ? `${prefix}/${shortName}` : shortName);
    longName = undefined;
    if (type === '0' || type === '\0') visit(name, data);
  }
}
