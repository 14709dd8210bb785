import { ImageInputError } from './errors';

/**
 * Bounds-checked reads over a file's first bytes. Reading past the end is a truncated
 * header, never an `undefined` that turns into NaN dimensions further on.
 */
export class ByteReader {
  readonly bytes: Uint8Array;
  /** The format's display name, for messages ("PNG"). */
  readonly label: string;

  constructor(bytes: Uint8Array, label: string) {
    this.bytes = bytes;
    this.label = label;
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Throws a truncated-header error unless bytes [0, end) are present. */
  need(end: number): void {
    if (end > this.bytes.length) {
      throw new ImageInputError(
        'truncated',
        `This ${this.label} file is cut short: its header is incomplete (only ${this.bytes.length} bytes).`,
        { words: { code: 'cut-short', values: { format: this.label, bytes: this.bytes.length } } },
      );
    }
  }

  u8(at: number): number {
    this.need(at + 1);
    return this.bytes[at];
  }

  u16be(at: number): number {
    this.need(at + 2);
    return (this.bytes[at] << 8) | this.bytes[at + 1];
  }

  u16le(at: number): number {
    this.need(at + 2);
    return this.bytes[at] | (this.bytes[at + 1] << 8);
  }

  u24le(at: number): number {
    this.need(at + 3);
    return this.bytes[at] | (this.bytes[at + 1] << 8) | (this.bytes[at + 2] << 16);
  }

  u32be(at: number): number {
    return this.u16be(at) * 0x10000 + this.u16be(at + 2);
  }

  u32le(at: number): number {
    return this.u16le(at) + this.u16le(at + 2) * 0x10000;
  }

  i32le(at: number): number {
    return this.u32le(at) | 0;
  }

  ascii(at: number, count: number): string {
    this.need(at + count);
    return String.fromCharCode(...this.bytes.subarray(at, at + count));
  }

  /** A header that is present but makes no sense. */
  bad(detail: string): ImageInputError {
    return new ImageInputError('bad-header', `This ${this.label} file's header is damaged: ${detail}.`, {
      words: { code: 'bad-header', values: { format: this.label, detail } },
    });
  }
}
