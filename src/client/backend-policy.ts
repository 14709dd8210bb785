/**
 * Which tfjs backend to run on, decided from what the browser offers. Pure: the probe is
 * done elsewhere, so the decision can be tested with any renderer string.
 */

export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface WebGLProbe {
  readonly available: boolean;
  /** The unmasked renderer string, e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...))". */
  readonly renderer: string | null;
}

/**
 * Why a backend was chosen, as data: the page says it in its own language (`diag.why.*`);
 * `reason` is the same in English, for the command line and the logs.
 */
export type BackendWhy =
  | { readonly code: 'requested'; readonly backend: BackendName }
  | { readonly code: 'no-webgl' }
  | { readonly code: 'software-webgl'; readonly renderer: string }
  | { readonly code: 'hardware-webgl' }
  /** Left for another after the page asked (a lost context, a GPU failure): the page knows why. */
  | { readonly code: 'switched' };

/** What it means when tfjs reports that a backend did not initialise. */
export const STARTUP_FAILURE: Readonly<Record<BackendName, string>> = {
  webgl: 'no usable WebGL context',
  wasm: 'its WebAssembly file could not be fetched or compiled',
  cpu: 'unexpected',
};

/** A backend that did not start, as data (`failures` says the same in English). */
export interface StartFailure {
  readonly backend: BackendName;
  /** `no-start`: tfjs reported it could not initialise; `error`: it threw `detail`. */
  readonly cause: 'no-start' | 'error';
  readonly detail: string;
}

export interface BackendPlan {
  /** Backends to try, best first; the first that initialises wins. */
  readonly order: readonly BackendName[];
  /** Why the first one was chosen, in words a person understands. */
  readonly reason: string;
  readonly why: BackendWhy;
  readonly softwareWebGL: boolean;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && SOFTWARE_RENDERERS.test(renderer);
}

export function isBackendName(name: string | null): name is BackendName {
  return name !== null && (BACKENDS as readonly string[]).includes(name);
}

function withFirst(first: BackendName): BackendName[] {
  return [first, ...BACKENDS.filter((b) => b !== first)];
}

/**
 * WebGL when it is hardware-accelerated; WASM when WebGL is missing or software-rendered
 * (a software renderer runs ResNet50 about ten times slower than WASM); CPU last. A
 * backend the user asked for goes first.
 */
export function planBackends(probe: WebGLProbe, requested: BackendName | null): BackendPlan {
  const softwareWebGL = probe.available && isSoftwareRenderer(probe.renderer);
  if (requested) return { order: withFirst(requested), reason: `${requested} was requested`, why: { code: 'requested', backend: requested }, softwareWebGL };
  if (!probe.available) {
    return { order: ['wasm', 'cpu'], reason: 'WebGL is not available in this browser', why: { code: 'no-webgl' }, softwareWebGL };
  }
  if (softwareWebGL) {
    const renderer = probe.renderer ?? 'unknown renderer';
    return {
      order: ['wasm', 'webgl', 'cpu'],
      reason: `WebGL is software-rendered (${renderer}), so WASM is faster`,
      why: { code: 'software-webgl', renderer },
      softwareWebGL,
    };
  }
  return { order: ['webgl', 'wasm', 'cpu'], reason: 'WebGL is hardware-accelerated', why: { code: 'hardware-webgl' }, softwareWebGL };
}
