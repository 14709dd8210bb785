/** Every way the weight files can be wrong, each with its own message. */
export type WeightsErrorKind =
  | 'missing-file'
  | 'fetch-failed'
  | 'not-json'
  | 'not-binary'
  | 'bad-manifest'
  | 'unknown-dtype'
  | 'bad-shape'
  | 'truncated'
  | 'size-mismatch'
  | 'hash-mismatch'
  | 'missing-tensor'
  | 'extra-tensor'
  | 'wrong-shape'
  | 'bad-labels';

const REMEDY = 'Run `npm run weights` to fetch them again.';

/**
 * A problem with the weight files, found before tfjs sees them, so that a person reads
 * which file is wrong and what to do rather than a typed-array message from deep in tfjs.
 */
export class WeightsError extends Error {
  readonly kind: WeightsErrorKind;
  /** The file at fault (a shard, model.json or labels.json). */
  readonly file: string;
  /** The tensor at fault, for tensor-level problems. */
  readonly tensor: string | undefined;
  /** The problem without the remedy (which is for the ImageNet files only). */
  readonly detail: string;
  /** The HTTP status a server answered with, when that was the problem. */
  readonly status: number | null;

  constructor(kind: WeightsErrorKind, file: string, detail: string, tensor?: string, status: number | null = null) {
    super(`${detail} ${REMEDY}`);
    this.name = 'WeightsError';
    this.kind = kind;
    this.file = file;
    this.tensor = tensor;
    this.detail = detail;
    this.status = status;
  }
}
