import { describe, expect, it } from 'vitest';
import { inputNotes } from './image-notes';

describe('inputNotes', () => {
  it('says a tiny image is upscaled and will mean nothing', () => {
    expect(inputNotes(8, 8, 224)).toEqual(['8 x 8 upscaled 28x to 224 x 224: expect nonsense, there is too little to see.']);
  });
  it('says a slightly small image is upscaled, with a milder verdict', () => {
    expect(inputNotes(160, 160, 224)).toEqual(['160 x 160 upscaled 1.4x to 224 x 224: expect a blurry guess.']);
  });
  it('says an oblong image is squeezed, and which way', () => {
    expect(inputNotes(1024, 768, 224)).toEqual(['Squeezed to 224 x 224, not cropped: shapes look narrower to the network.']);
    expect(inputNotes(300, 600, 64)[0]).toMatch(/look wider to the network/);
  });
  it('says nothing of a square image at least the input size', () => {
    expect(inputNotes(224, 224, 224)).toEqual([]);
    expect(inputNotes(451, 450, 224)).toEqual([]);
  });
});
