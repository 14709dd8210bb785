/**
 * Progress of a long command on stderr: count, rate and time left, at most about once a
 * second (and once at the end), unless --quiet. stdout stays the one JSON document.
 */

export interface Progress {
  /** One more item done. */
  tick(): void;
  done(): void;
}

export function formatProgress(done: number, total: number, seconds: number, unit: string): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? Math.round((total - done) / rate) : null;
  return `${done}/${total} ${unit}, ${rate.toFixed(2)} ${unit}/s, ${left === null ? '?' : `${left} s`} left`;
}

export function progress(
  label: string, total: number, unit: string, quiet: boolean,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Progress {
  const start = performance.now();
  let count = 0;
  let shown = start;
  let shownCount = 0;
  const show = () => {
    shown = performance.now();
    shownCount = count;
    write(`${label}: ${formatProgress(count, total, (shown - start) / 1000, unit)}`);
  };
  return {
    tick() {
      count++;
      if (!quiet && performance.now() - shown >= 1000) show();
    },
    done() {
      if (!quiet && shownCount !== count) show();
    },
  };
}
