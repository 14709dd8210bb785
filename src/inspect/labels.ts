/** ImageNet labels are stored with underscores ("Egyptian_cat"); people read spaces. */
export function readableLabel(label: string): string {
  return label.replace(/_/g, ' ');
}

/** Levenshtein distance, for "did you mean" suggestions on layer names. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** The `count` names closest to `name`, nearest first. */
export function nearestNames(name: string, names: readonly string[], count = 3): string[] {
  return names
    .map((n) => ({ n, d: distance(name.toLowerCase(), n.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, count)
    .map((x) => x.n);
}
