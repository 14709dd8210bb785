import { describe, expect, it } from 'vitest';
import { KeptFiles } from './kept-files';

describe('KeptFiles', () => {
  it('keeps the newest files up to its limit, revoking the thumbnails it lets go', () => {
    const revoked: string[] = [];
    let made = 0;
    const kept = new KeptFiles(() => `blob:${++made}`, (url) => revoked.push(url), 2);
    const file = (text: string) => new Blob([text]);
    expect(kept.keep(1, file('a'))).toEqual([]);
    expect(kept.keep(2, file('b'))).toEqual([]);
    expect(kept.keep(2, file('b again'))).toEqual([]);
    expect(kept.keep(3, file('c'))).toEqual([1]);
    expect([kept.file(1), kept.thumb(1)]).toEqual([null, null]);
    expect(kept.thumb(3)).toBe('blob:3');
    expect(revoked).toEqual(['blob:1']);
    kept.clear();
    expect(revoked).toEqual(['blob:1', 'blob:2', 'blob:3']);
    expect(kept.file(2)).toBeNull();
  });
});
