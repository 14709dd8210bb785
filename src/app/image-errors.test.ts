import { describe, expect, it } from 'vitest';
import { animatedNote, ImageInputError, orientationNote, sniffImage, TRANSPARENT_NOTE, type ImageErrorCode, type Orientation } from '../model/pure';
import { concat, pngHeaderOnly, textBytes, buildPng } from '../test-support/test-images';
import { chinese as zh } from '../test-support/chinese';
import { english, said } from '../ui/i18n/i18n';
import { imageErrorWords } from './image-errors';

function refusal(bytes: Uint8Array): ImageInputError {
  try {
    sniffImage(bytes);
  } catch (error) {
    if (error instanceof ImageInputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const gray2x1 = buildPng({ width: 2, height: 1, bitDepth: 8, colorType: 0, rows: [[0, 255]] });
const badDepth = gray2x1.slice();
badDepth[24] = 3;

// One file for every sentence a refusal can be, and every thing a non-image can look like.
const REFUSED: readonly [string, Uint8Array][] = [
  ['empty', new Uint8Array()],
  ['3 bytes of PNG', Uint8Array.from([0x89, 0x50, 0x4e])],
  ['a PNG cut short', gray2x1.subarray(0, 20)],
  ['a damaged PNG header', badDepth],
  ['TIFF', Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])],
  ['AVIF', concat([0, 0, 0, 0x1c], textBytes('ftypavif'), [0, 0, 0, 0], textBytes('avifmif1miaf'))],
  ['PDF', textBytes('%PDF-1.7\n1 0 obj')],
  ['ZIP', Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0])],
  ['gzip', Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])],
  ['RAR', textBytes('Rar!\x1a\x07\x00')],
  ['7-Zip', Uint8Array.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['WAV', concat(textBytes('RIFF'), [0, 0, 0, 0], textBytes('WAVEfmt '))],
  ['MP3', textBytes('ID3\x04\x00\x00')],
  ['ELF', concat([0x7f], textBytes('ELF\x02\x01'))],
  ['MP4', concat([0, 0, 0, 0x18], textBytes('ftypisom'), [0, 0, 2, 0], textBytes('isomiso2'))],
  ['XML', textBytes('<?xml version="1.0"?><note>hi</note>')],
  ['text', textBytes('just some notes about cats\n')],
  ['binary junk', Uint8Array.from([0, 1, 2, 3, 250, 251, 252, 253, 0, 0, 0, 0, 9])],
  ['SVG', textBytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ['HTML', textBytes('<!DOCTYPE html><html></html>')],
  ['40000 x 40000', pngHeaderOnly(40000, 40000)],
];

describe('an image refusal in the page’s language', () => {
  it.each(REFUSED)('%s: English says exactly the message the CLI prints; Chinese says it in Chinese', (_, bytes) => {
    const error = refusal(bytes);
    const words = imageErrorWords(error);
    expect(typeof words).toBe('object');
    expect(english.said(words)).toBe(error.message);
    const chinese = zh.said(words);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese).not.toContain(error.message.split(' ').slice(0, 4).join(' '));
  });

  it('covers every sentence but the browser decoder’s own, and every look-alike', () => {
    const codes = new Set(REFUSED.map(([, bytes]) => refusal(bytes).words?.code));
    const browserOnly: ImageErrorCode[] = ['undecodable'];
    const all: ImageErrorCode[] = ['empty', 'too-short', 'cut-short', 'bad-header', 'unsupported', 'not-an-image', 'svg', 'html', 'too-large', ...browserOnly];
    expect([...codes].sort()).toEqual(all.filter((c) => !browserOnly.includes(c)).sort());
    const looks = new Set(REFUSED.map(([, bytes]) => refusal(bytes).words?.values?.looksLike).filter(Boolean));
    expect(looks.size).toBe(12);
  });

  it('says anything else as it came', () => {
    expect(imageErrorWords(new Error('This browser cannot draw images (no 2D canvas is available).'))).toBe('This browser cannot draw images (no 2D canvas is available).');
  });

  it('says the decoder notes as the CLI prints them, and in Chinese', () => {
    expect(english.said(said('note.transparent'))).toBe(TRANSPARENT_NOTE);
    expect(english.said(said('note.animated', { format: 'GIF' }))).toBe(animatedNote('gif'));
    expect(zh.said(said('note.animated', { format: 'GIF' }))).toBe('动画 GIF：只对第一帧进行分类。');
  });

  it('turns an orientation note the way the CLI says it, and into Chinese', () => {
    for (const o of [2, 3, 4, 5, 6, 7, 8] as Orientation[]) {
      const note = said('note.orientation', { orientation: String(o) });
      expect(english.said(note)).toBe(orientationNote(o));
      expect(zh.said(note)).toMatch(new RegExp(`EXIF 方向（${o}：`));
    }
  });
});
