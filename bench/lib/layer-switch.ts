/**
 * layerSwitchMs in the real app: click a 56x56x256 layer's graph node and wait until the
 * Layer inspector shows it (statistics, histogram, first page of channel maps painted).
 * The image's pass is not re-run: the app reads the kept activation.
 */
import type { Page } from 'playwright-core';
import { median, round } from '../core/stats';
import type { LayerSwitchFigures } from '../core/types';
import { switchAndWait, type SwitchTiming } from './in-page';
import { log } from './log';

/** 56x56x256 layers of stage 2, visited in turn (adds left out: they also read their two inputs). */
const LAYERS: readonly { readonly name: string; readonly block: string }[] = [
  { name: 'res2a_branch2c', block: 'res2a' },
  { name: 'bn2a_branch1', block: 'res2a' },
  { name: 'res2a_relu', block: 'res2a' },
  { name: 'res2b_branch2c', block: 'res2b' },
  { name: 'bn2b_branch2c', block: 'res2b' },
  { name: 'res2b_relu', block: 'res2b' },
  { name: 'res2c_branch2c', block: 'res2c' },
  { name: 'bn2c_branch2c', block: 'res2c' },
  { name: 'res2c_relu', block: 'res2c' },
];
/** The grid shows 64 channel maps per page. */
const TILES = 64;
const SWITCH_TIMEOUT_MS = 30_000;


function graphNode(page: Page, name: string) {
  return page.getByRole('region', { name: 'Network graph' }).getByRole('button', { name, exact: true });
}

/** Opens stage 2 and the layer's block in the graph when the layer's node is not drawn. */
async function reveal(page: Page, name: string, block: string): Promise<void> {
  if ((await graphNode(page, name).count()) > 0) return;
  if ((await graphNode(page, block).count()) === 0) await graphNode(page, 'stage 2').dispatchEvent('click');
  await graphNode(page, block).dispatchEvent('click');
  await graphNode(page, name).waitFor({ state: 'attached' });
}

async function switchTo(page: Page, name: string, block: string): Promise<SwitchTiming> {
  await reveal(page, name, block);
  const node = await graphNode(page, name).elementHandle();
  if (!node) throw new Error(`no graph node for ${name}`);
  return node.evaluate(switchAndWait, { name, tiles: TILES, timeoutMs: SWITCH_TIMEOUT_MS });
}

async function diagnostics(page: Page): Promise<{ backend: string; threads: number }> {
  const status = page.getByRole('status', { name: 'Diagnostics' });
  const backend = (await status.getByTestId('backend').textContent())?.trim() ?? 'unknown';
  const threads = /Threads: (\d+)/.exec((await status.textContent()) ?? '');
  return { backend, threads: threads ? Number(threads[1]) : 0 };
}

/** `switches` timed switches after one untimed one; the page already shows a prediction. */
export async function measureLayerSwitch(page: Page, switches: number): Promise<LayerSwitchFigures> {
  await switchTo(page, 'res2a_branch2b', 'res2a');
  const times: SwitchTiming[] = [];
  for (let i = 0; i < switches; i += 1) {
    const { name, block } = LAYERS[i % LAYERS.length];
    times.push(await switchTo(page, name, block));
  }
  const { backend, threads } = await diagnostics(page);
  log(`app (${backend}, ${threads} threads): layer switch ${times.map((t) => Math.round(t.totalMs)).join(', ')} ms`);
  const at = (key: keyof SwitchTiming) => round(median(times.map((t) => t[key])));
  return {
    layerSwitchMs: at('totalMs'),
    layerSwitchShownMs: at('shownMs'),
    layerSwitchDataMs: at('dataMs'),
    layerSwitches: switches,
    layerSwitchShape: [56, 56, 256],
    appBackend: backend,
    appThreads: threads,
  };
}
