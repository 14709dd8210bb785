/**
 * A model file that cannot be opened, with the file's name and the problem in plain words.
 * The message reads "FILE: problem", the form the page's alert and the CLI's stderr show.
 */
export class ModelFileError extends Error {
  readonly file: string;
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ModelFileError';
    this.file = file;
    this.problem = problem;
  }
}

/** Bytes as a person reads them: 1.2 MB, 3 GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
