/**
 * What a decoder says it did to an image, as the command line prints it. The page says the
 * same from its catalogue (`note.*`), in its own language: app/image-errors.test.ts holds the
 * English of the two together.
 */
import type { ImageFormat } from './types';

/** Each format by the name a person knows it by. */
export const FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', bmp: 'BMP' };

export const TRANSPARENT_NOTE = 'Transparent areas are shown on white.';

export function animatedNote(format: ImageFormat): string {
  return `Animated ${FORMAT_NAMES[format]}: the first frame is classified.`;
}
