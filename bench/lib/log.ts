/** Progress goes to stderr, so that `--json` leaves only the JSON document on stdout. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
