/**
 * What went wrong while the network ran, in words a person understands. GPU failures
 * (out of memory, a texture over the device's limit, a shader the driver would not
 * compile, a lost context) are told apart because switching to WASM cures them.
 */

import { errorText } from '../client/errors';
import { said, type Said } from '../ui/i18n/i18n';

export interface RunFailure {
  /** Said when shown, in the page's language then. */
  readonly message: Said;
  /** True when the graphics card (WebGL) failed: running on WASM instead should work. */
  readonly gpu: boolean;
}

/** Messages that tfjs's WebGL backend and the browser's WebGL produce for GPU trouble. */
const GPU_PATTERNS: readonly RegExp[] = [
  /out of (gpu |video )?memory/i,
  /GL_OUT_OF_MEMORY|OUT_OF_MEMORY/,
  /texture size/i,
  /greater than (the )?WebGL maximum/i,
  /failed to (compile|link)/i,
  /unable to create (a )?(WebGL)?(texture|buffer|framebuffer|shader|program)/i,
  /CONTEXT_LOST|context (was |is )?lost/i,
  /WebGL (is not supported|context)/i,
];

export function isGpuFailure(message: string): boolean {
  return GPU_PATTERNS.some((pattern) => pattern.test(message));
}

/** Describes an error thrown while the network ran on an image. */
export function describeRunError(err: unknown): RunFailure {
  const detail = errorText(err).split('\n')[0].trim();
  if (!isGpuFailure(detail)) return { message: said('run.failed', { detail }), gpu: false };
  return { message: said('run.gpu', { detail }), gpu: true };
}
