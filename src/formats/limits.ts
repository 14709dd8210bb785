/**
 * Sizes a model file may declare. A full ResNet50 is about 100 MB of float32 weights; the
 * limit leaves room for wider networks while refusing what would exhaust a tab's memory.
 */
import { formatBytes, ModelFileError } from './errors';

/** No model file (nor anything inside one) may be larger than this. */
export const MAX_MODEL_BYTES = 1024 ** 3;

/** The limit as the messages state it. */
export const LIMIT = '1 GiB (1,073,741,824 bytes)';

/** Refuses a file, or an inflated member, over the limit, before it is read. */
export function checkSize(file: string, bytes: number, what = 'The file'): void {
  if (bytes > MAX_MODEL_BYTES) {
    throw new ModelFileError(file,
      `${what} is ${formatBytes(bytes)}, over the ${LIMIT} limit for a model file.`);
  }
}

/** Values of a shape; a shape that is not a list of whole numbers >= 0 gives NaN. */
export function shapeSize(shape: readonly number[]): number {
  return shape.every((d) => Number.isSafeInteger(d) && d >= 0) ? shape.reduce((a, b) => a * b, 1) : Number.NaN;
}
