/**
 * A test seam: end-to-end tests stand in for machines they do not run on through these
 * localStorage keys (the app never writes them). `renderer` replaces the WebGL renderer
 * string the page probed (say, a hardware GPU's), so the backend chooser decides as it
 * would there; `cores` is the navigator.hardwareConcurrency the engine sees, from which
 * tfjs sizes its WASM thread pool.
 */
export const TEST_SEAM = {
  renderer: 'resnet50-explorer.test.renderer',
  cores: 'resnet50-explorer.test.cores',
} as const;

export interface SeamValues {
  readonly renderer: string | null;
  readonly cores: number | null;
}

function item(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function readTestSeam(): SeamValues {
  const cores = Number(item(TEST_SEAM.cores));
  return { renderer: item(TEST_SEAM.renderer), cores: Number.isInteger(cores) && cores > 0 ? cores : null };
}
