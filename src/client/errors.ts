/** Errors that cross the model client, in words, on both sides of a worker boundary. */

/** Error text from anything thrown (tfjs sometimes rejects with a plain `{message}` object). */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string') return err.message;
  return String(err);
}

/** What an aborted call rejects with (the name `fetch` and DOM APIs use). */
export function abortError(): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}

export function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'name' in err && err.name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** The engine stopped (its worker died): every call still pending fails with this. */
export class EngineCrashedError extends Error {
  override readonly name = 'EngineCrashedError';
}

/** An error as plain data, to post across a worker boundary. */
export interface ErrorData {
  readonly name: string;
  readonly message: string;
}

export function toErrorData(err: unknown): ErrorData {
  const name = typeof err === 'object' && err !== null && 'name' in err && typeof err.name === 'string' ? err.name : 'Error';
  return { name, message: errorText(err) };
}

export function fromErrorData(data: ErrorData): Error {
  const error = new Error(data.message);
  error.name = data.name;
  return error;
}
