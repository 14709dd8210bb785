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
 * busy, with its statistics, its histogram and the first page of channel maps painted
 * into new canvases. Polls once per task (MessageChannel), so the readings are not
 * rounded to animation frames.
 */
export async function switchAndWait(node: Element, args: SwitchArgs): Promise<SwitchTiming> {
  const inspector = () => document.querySelector('[aria-label="Layer inspector"]');
  const before = new Set(inspector()?.querySelectorAll('canvas') ?? []);
  const painted = (c: HTMLCanvasElement) => c.width > 0 && (c.getContext('2d')?.getImageData(0, 0, 1, 1).data[3] ?? 0) === 255;
  const shown = () => inspector()?.querySelector('h2')?.textContent?.trim() === args.name;
  const idle = () => shown() && inspector()?.getAttribute('aria-busy') !== 'true';
  const ready = () => {
    const region = inspector();
    if (!region || !idle() || !region.querySelector('dl') || !region.querySelector('svg[role="img"]')) return false;
    const canvases = Array.from(region.querySelector('[aria-label="Feature maps"]')?.querySelectorAll('canvas') ?? []);
    if (canvases.length < args.tiles) return false;
    const [first, last] = [canvases[0], canvases[args.tiles - 1]];
    return !before.has(first) && !before.has(last) && painted(first) && painted(last);
  };
  const channel = new MessageChannel();
  const nextTask = () => new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
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
