/** Similarity and distance in words and digits, the same on the curve, in the inspector and in tests. */

export function formatSimilarity(cosine: number): string {
  return cosine.toFixed(3);
}

export function formatDistance(relativeL2: number): string {
  return Number.isFinite(relativeL2) ? relativeL2.toFixed(3) : 'infinite (A is all zeros)';
}
