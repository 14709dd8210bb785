/**
 * The files of a multi-file run kept to show again (the strip of thumbnails): each file and
 * an object URL of it, the newest `limit` only, so a long run holds a bounded number.
 */
export const KEPT_FILES = 24;

interface Kept {
  readonly file: Blob;
  readonly thumb: string | null;
}

export class KeptFiles {
  private readonly kept = new Map<number, Kept>();

  constructor(
    private readonly objectUrl: (file: Blob) => string | null,
    private readonly revokeUrl: (url: string) => void,
    private readonly limit = KEPT_FILES,
  ) {}

  /** Keeps item `id`'s file; returns the ids let go to stay within the limit (oldest first). */
  keep(id: number, file: Blob): number[] {
    if (this.kept.has(id)) return [];
    this.kept.set(id, { file, thumb: this.objectUrl(file) });
    const dropped: number[] = [];
    for (const old of this.kept.keys()) {
      if (this.kept.size <= this.limit) break;
      this.forget(old);
      dropped.push(old);
    }
    return dropped;
  }

  file(id: number): Blob | null {
    return this.kept.get(id)?.file ?? null;
  }

  thumb(id: number): string | null {
    return this.kept.get(id)?.thumb ?? null;
  }

  clear(): void {
    for (const id of [...this.kept.keys()]) this.forget(id);
  }

  private forget(id: number): void {
    const url = this.kept.get(id)?.thumb;
    if (url) this.revokeUrl(url);
    this.kept.delete(id);
  }
}
