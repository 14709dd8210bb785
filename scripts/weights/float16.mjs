// Writes a float16 copy of tfjs layers-model weights in the form tfjs 4.22's
// `tf.io.decodeWeights` reads back: the manifest keeps `dtype: 'float32'` and adds
// `quantization: {dtype: 'float16'}`; the bytes are IEEE 754 half floats, little-endian.
// Shards are cut at fixed byte counts, as the tfjs converter does: a tensor may span two.

/** Same shard size as the tfjs converter's default. */
export const FLOAT16_SHARD_BYTES = 4 * 1024 * 1024;

const BYTES_PER_VALUE = { float32: 4, int32: 4, bool: 1 };

/** Rounds one float32 bit pattern to the nearest float16 (ties to even). */
function halfFromFloatBits(bits) {
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal half: shift the mantissa (with its implicit 1) into 10 bits.
    if (halfExponent < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - halfExponent;
    const rest = mantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    let half = mantissa >>> shift;
    if (rest > halfway || (rest === halfway && (half & 1))) half += 1;
    return sign | half;
  }
  let half = (halfExponent << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // A carry out of the mantissa rolls into the exponent, which is the right answer.
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1))) half += 1;
  return sign | half;
}

/**
 * @param {Float32Array} values
 * @returns {Uint16Array} float16 bit patterns
 */
export function float32ToFloat16Bits(values) {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < bits.length; i += 1) out[i] = halfFromFloatBits(bits[i]);
  return out;
}

function sizeOf(shape) {
  return shape.reduce((product, dim) => product * dim, 1);
}

function float32View(bytes, offset, count) {
  const start = bytes.byteOffset + offset;
  if (start % 4 === 0) return new Float32Array(bytes.buffer, start, count);
  return new Float32Array(bytes.slice(offset, offset + count * 4).buffer);
}

function cutShards(bytes, shardBytes) {
  const shards = [];
  for (let start = 0; start < bytes.length; start += shardBytes) {
    shards.push(bytes.subarray(start, Math.min(start + shardBytes, bytes.length)));
  }
  return shards;
}

/**
 * Converts the float32 kernels (rank 2 and up: 99.6% of the bytes) to float16. Biases and
 * BatchNorm statistics stay float32: they are tiny, and the moving variances lose too much
 * in float16 (the top-5 of the samples shifted when they were halved too).
 * @param {ReadonlyArray<{name: string, shape: number[], dtype: string, quantization?: unknown}>} specs
 * @param {Uint8Array} bytes all tensors' bytes, concatenated in manifest order
 * @param {{shardBytes?: number, shardPrefix?: string}} [options]
 */
export function toFloat16Weights(specs, bytes, options = {}) {
  const { shardBytes = FLOAT16_SHARD_BYTES, shardPrefix = 'group1-shard' } = options;
  const parts = [];
  const weights = [];
  let offset = 0;
  for (const spec of specs) {
    const count = sizeOf(spec.shape);
    const perValue = BYTES_PER_VALUE[spec.dtype];
    if (spec.quantization !== undefined || perValue === undefined) {
      throw new Error(`cannot convert ${spec.name} (${spec.dtype}) to float16`);
    }
    if (spec.dtype === 'float32' && spec.shape.length >= 2) {
      parts.push(float32ToFloat16Bits(float32View(bytes, offset, count)));
      weights.push({ ...spec, quantization: { dtype: 'float16' } });
    } else {
      parts.push(bytes.slice(offset, offset + count * perValue));
      weights.push({ ...spec });
    }
    offset += count * perValue;
  }
  if (offset !== bytes.length) {
    throw new Error(`manifest describes ${offset} bytes but the shards hold ${bytes.length}`);
  }
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    all.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  const shards = cutShards(all, shardBytes);
  const paths = shards.map((_, i) => `${shardPrefix}${i + 1}of${shards.length}.bin`);
  return { weightsManifest: [{ paths, weights }], shards };
}
