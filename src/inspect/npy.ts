/** NumPy .npy (format 1.0) for float32 arrays, little-endian, C order. */
export function encodeNpy(values: Float32Array, shape: readonly number[]): Uint8Array<ArrayBuffer> {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${dims}), }`;
  // Magic (6) + version (2) + header length (2) + header + '\n' must be a multiple of 64.
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + values.byteLength);
  out.set([0x93, ...Array.from('NUMPY', (c) => c.charCodeAt(0)), 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(Array.from(header, (c) => c.charCodeAt(0)), 10);
  const body = new Float32Array(values);
  const view = new DataView(out.buffer, 10 + header.length);
  body.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return out;
}

/** A float32 array read from .npy (versions 1-3, little-endian '<f4', C order); throws a plain message otherwise. */
export function decodeNpy(bytes: Uint8Array): { shape: number[]; values: Float32Array } {
  const magic = String.fromCharCode(...bytes.subarray(1, 6));
  if (bytes[0] !== 0x93 || magic !== 'NUMPY') throw new Error('is not a NumPy .npy file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLength));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  if (descr !== '<f4') throw new Error(`holds ${descr ?? 'an unknown type'}, not float32 ('<f4')`);
  if (/'fortran_order':\s*True/.test(header)) throw new Error('is in Fortran order; save it in C order');
  const dims = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  const shape = dims.split(',').map((d) => d.trim()).filter(Boolean).map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const body = start + headerLength;
  if (bytes.length - body < count * 4) throw new Error(`is truncated: its shape (${shape.join(', ')}) needs ${count * 4} bytes of data`);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = view.getFloat32(body + i * 4, true);
  return { shape, values };
}
