/**
 * Functions that run inside the app's page (handed to page.evaluate / addInitScript). They
 * rely only on the page's accessible names (DESIGN.md section 4), not on class names.
 */

export interface SwitchArgs {
  readonly name: string;
  /** Channel maps expected on the first page of the grid. */
  readonly tiles: number;
  readonly timeoutMs: number;
}

interface FirstPredictionWindow {
  __benchFirstPrediction?: number;
}

/** Init script: records performance.now() when the top-5 list first holds five items. */
export function watchFirstPrediction(): void {
  const w = window as unknown as FirstPredictionWindow;
  const check = () => {
    if (w.__benchFirstPrediction !== undefined) return;
    const list = document.querySelector('[aria-label="Top-5 predictions"]');
    if (list && list.querySelectorAll('li').length >= 5) w.__benchFirstPrediction = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

export function firstPredictionAt(): number | null {
  return (window as unknown as FirstPredictionWindow).__benchFirstPrediction ?? null;
}

interface WatchWindow {
  __benchLongTasks?: { start: number; duration: number }[];
  __benchFirstGraph?: number;
}

/**
 * Init script, from page start: every main-thread long task (PerformanceObserver
 * 'longtask', buffered), and performance.now() in the first animation frame after the
 * graph's "stage 2" node is in the Network graph region (the graph drawn).
 */
export function watchPage(): void {
  const w = window as unknown as WatchWindow;
  w.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__benchLongTasks?.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask entries in this browser: the driver sees none and says so.
  }
  let seen = false;
  const check = () => {
    if (seen) return;
    const graph = document.querySelector('[aria-label="Network graph"]');
    const node = graph?.querySelector('[role="button"][aria-label="stage 2"]');
    if (!node) return;
    seen = true;
    requestAnimationFrame(() => { w.__benchFirstGraph = performance.now(); });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

export function firstGraphAt(): number | null {
  return (window as unknown as WatchWindow).__benchFirstGraph ?? null;
}

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

export function longTasks(): LongTask[] | null {
  return (window as unknown as WatchWindow).__benchLongTasks ?? null;
}

export interface SwitchTiming {
  /** The inspector names the new layer (its header drawn, data not yet read). */
  readonly shownMs: number;
  /** The inspector is no longer busy: the layer's data was read and rendered. */
  readonly dataMs: number;
  /** The first page of channel maps is painted too: the figure reported. */
  readonly totalMs: number;
}

/**
 * Clicks `node` (a graph node) and resolves once the Layer inspector shows that layer, not
 * busy, with its statistics, its histogram and the first page of channel maps: buttons
 * "Channel 1" to "Channel <tiles>" and, under the centres of the first and the last, opaque
 * pixels of the canvas the grid paints a page into, once it says it shows this layer
 * (`data-layer`, set when painted). Polls once per task (MessageChannel), so the readings
 * are not rounded to animation frames. Self-contained: it runs in the page.
 */
export async function switchAndWait(node: Element, args: SwitchArgs): Promise<SwitchTiming> {
  const inspector = () => document.querySelector('[aria-label="Layer inspector"]');
  const shown = () => inspector()?.querySelector('h2')?.textContent?.trim() === args.name;
  const idle = () => shown() && !inspector()?.querySelector('[aria-busy="true"]');
  /** The canvas pixel under the centre of `button`, when `canvas` is drawn beneath it. */
  const pixelUnder = (canvas: HTMLCanvasElement, button: Element) => {
    const box = canvas.getBoundingClientRect();
    const tile = button.getBoundingClientRect();
    const fx = (tile.left + tile.width / 2 - box.left) / box.width;
    const fy = (tile.top + tile.height / 2 - box.top) / box.height;
    if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) return null;
    return canvas.getContext('2d')?.getImageData(Math.floor(fx * canvas.width), Math.floor(fy * canvas.height), 1, 1).data ?? null;
  };
  const paintedUnder = (canvas: HTMLCanvasElement, button: Element) => pixelUnder(canvas, button)?.[3] === 255;
  const ready = () => {
    const region = inspector();
    if (!region || !idle() || !region.querySelector('dl') || !region.querySelector('svg[role="img"]')) return false;
    const maps = region.querySelector('[aria-label="Feature maps"]');
    const tile = (n: number) => maps?.querySelector(`button[aria-label="Channel ${n}"]`);
    const [first, last] = [tile(1), tile(args.tiles)];
    if (!first || !last || (maps?.querySelectorAll('button[aria-label^="Channel "]').length ?? 0) < args.tiles) return false;
    const painted = Array.from(maps?.querySelectorAll('canvas') ?? []).filter((c) => c.dataset.layer === args.name && c.width > 0);
    return painted.some((c) => paintedUnder(c, first) && paintedUnder(c, last));
  };
  // Checked when the inspector's DOM changes (the maps' canvas names its layer once painted),
  // not after every task: a check lays the page out, and checking between every task of the
  // page's own work would slow down the very switch being timed.
  const region = inspector();
  const nextTask = () => new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => { observer.disconnect(); clearTimeout(timer); resolve(); });
    const timer = setTimeout(() => { observer.disconnect(); resolve(); }, 50);
    observer.observe(region ?? document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const start = performance.now();
  let shownAt = 0;
  let dataAt = 0;
  node.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  while (!ready()) {
    const now = performance.now();
    if (!shownAt && shown()) shownAt = now;
    if (!dataAt && idle()) dataAt = now;
    if (now - start > args.timeoutMs) throw new Error(`${args.name} was not shown within ${args.timeoutMs} ms`);
    await nextTask();
  }
  const end = performance.now();
  return { shownMs: (shownAt || end) - start, dataMs: (dataAt || end) - start, totalMs: end - start };
}
