/**
 * What the network does to an image before it reads it, said beside the image: it takes a
 * square of its input size, so a small image is blown up (and means little) and an oblong
 * one is squeezed, not cropped.
 */

/** Notes on resizing `width` x `height` to the network's `size` x `size` input. */
export function inputNotes(width: number, height: number, size: number): string[] {
  const notes: string[] = [];
  const longer = Math.max(width, height);
  if (longer < size) {
    const factor = size / longer;
    const times = factor >= 10 ? String(Math.round(factor)) : String(Number(factor.toFixed(1)));
    const verdict = longer * 4 <= size ? ': expect nonsense, there is too little to see' : ': expect a blurry guess';
    notes.push(`${width} x ${height} upscaled ${times}x to ${size} x ${size}${verdict}.`);
  }
  const ratio = width / height;
  if (Math.abs(Math.log(ratio)) > Math.log(1.02)) {
    notes.push(`Squeezed to ${size} x ${size}, not cropped: shapes look ${ratio > 1 ? 'narrower' : 'wider'} to the network.`);
  }
  return notes;
}
