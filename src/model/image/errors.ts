/** Every way an image file can be refused, each with its own plain-English message. */
export type ImageInputErrorKind =
  | 'empty'
  | 'not-an-image'
  | 'html'
  | 'svg'
  | 'unsupported-format'
  | 'truncated'
  | 'too-large'
  | 'bad-header'
  | 'unreadable';

/** The formats we ask people to use, in the words every refusal ends with. */
export const ACCEPTED_FORMATS = 'PNG, JPEG, WebP or GIF';

/**
 * A file that cannot be classified, found before (or while) decoding, so that a person
 * reads what is wrong with their file instead of a decoder's stack trace.
 * `message` is meant to be shown as it is (UI alert, CLI stderr line).
 */
export class ImageInputError extends Error {
  readonly kind: ImageInputErrorKind;
  /** The file's name, when the caller knew it (the Node decoder always does). */
  readonly file: string | undefined;
  /** The message as data, for a page that says it in another language (absent: say `message`). */
  readonly words: ImageErrorWords | undefined;

  constructor(kind: ImageInputErrorKind, message: string, options?: { file?: string; cause?: unknown; words?: ImageErrorWords }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ImageInputError';
    this.kind = kind;
    this.file = options?.file;
    this.words = options?.words;
  }
}

/** Which sentence a refusal is, finer than its kind (a truncated file is too short, cut short or undecodable). */
export type ImageErrorCode =
  | 'empty'
  | 'too-short'
  | 'cut-short'
  | 'bad-header'
  | 'unsupported'
  | 'not-an-image'
  | 'svg'
  | 'html'
  | 'too-large'
  | 'undecodable';

/**
 * An ImageInputError's message as data: its sentence and what goes in it. The English
 * `message` says exactly this (a test holds the page's catalogue to it); the page words it
 * in its own language.
 */
export interface ImageErrorWords {
  readonly code: ImageErrorCode;
  readonly values?: Readonly<Record<string, string | number>>;
}

export function isImageInputError(error: unknown): error is ImageInputError {
  return error instanceof ImageInputError;
}
