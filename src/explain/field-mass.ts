/**
 * How concentrated a map is around a point: the side of the smallest square centred there
 * that holds a given fraction of the map's mass (the effective receptive field's size, in
 * the sense of Luo et al. 2016). Plain arrays, no tfjs.
 */

/** Sums over any rectangle in O(1), from a summed-area table. */
function summedArea(values: Float32Array, height: number, width: number): (y0: number, x0: number, y1: number, x1: number) => number {
  const table = new Float64Array((height + 1) * (width + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y + 1) * (width + 1) + x + 1;
      table[at] = values[y * width + x] + table[at - 1] + table[at - width - 1] - table[at - width - 2];
    }
  }
  const t = (y: number, x: number) => table[y * (width + 1) + x];
  return (y0, x0, y1, x1) => t(y1 + 1, x1 + 1) - t(y0, x1 + 1) - t(y1 + 1, x0) + t(y0, x0);
}

/**
 * The side, in pixels, of the smallest square centred on (centreX, centreY) whose part
 * inside the map holds at least `fraction` of the map's (non-negative) mass. A centre on a
 * pixel gives odd sides, one between pixels even sides. A map of zeros gives 0.
 */
export function massSide(
  values: Float32Array,
  [height, width]: readonly number[],
  centreX: number,
  centreY: number,
  fraction: number,
): number {
  const area = summedArea(values, height, width);
  const total = area(0, 0, height - 1, width - 1);
  if (!(total > 0)) return 0;
  // Half-integer centres (even fields) need even sides, so the square stays centred.
  const twice = Math.round(2 * centreX);
  const first = Math.abs(twice % 2) === 1 ? 2 : 1;
  const largest = 2 * Math.max(centreX, width - 1 - centreX, centreY, height - 1 - centreY) + 1;
  for (let side = first; side <= largest + 1; side += 2) {
    const half = (side - 1) / 2;
    const clip = (c: number, n: number) => [Math.max(0, Math.ceil(c - half)), Math.min(n - 1, Math.floor(c + half))] as const;
    const [x0, x1] = clip(centreX, width);
    const [y0, y1] = clip(centreY, height);
    if (x1 >= x0 && y1 >= y0 && area(y0, x0, y1, x1) >= fraction * total * (1 - 1e-9)) return side;
  }
  return largest;
}
