/** Everything the page saves, checked by its bytes (issue 14, "Export"). */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { decodeNpy } from '../src/inspect/npy';
import { fileStatus, predictions } from './helpers';

async function saved(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function runSigns(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
}

test('the graph saves as SVG (as drawn: opened, selected) and as a PNG at twice its size', async ({ page }) => {
  await page.goto('/?preset=signs&layer=res3a_branch2b');
  const graph = page.getByRole('region', { name: 'Network graph' });
  await expect(graph.getByRole('button', { name: 'res3a_branch2b', exact: true })).toBeVisible();
  const svg = await saved(page, graph.getByRole('button', { name: 'Save SVG' }));
  expect(svg.name).toBe('resnet50-signs-graph.svg');
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      texts: [...doc.querySelectorAll('text')].map((n) => n.textContent ?? ''),
      selectedFill: [...doc.querySelectorAll('[aria-label="res3a_branch2b"] rect')].map((r) => r.getAttribute('style') ?? '').join(' '),
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.texts).toEqual(expect.arrayContaining(['stem', 'res3a_branch2b', 'res3b']));
  expect(parsed.selectedFill).toMatch(/fill:/); // styles are written onto the elements
  const png = await saved(page, graph.getByRole('button', { name: 'Save PNG' }));
  expect(png.name).toBe('resnet50-signs-graph@2x.png');
  expect(pngSize(png.bytes).width).toBe(2 * parsed.width);
});

test('the layer table saves as the command line’s text summary and as CSV', async ({ page }) => {
  await page.goto('/?preset=signs');
  await page.getByRole('tab', { name: 'Layer table' }).click();
  const text = (await saved(page, page.getByRole('button', { name: 'Save as text' }))).bytes.toString('utf8');
  expect(text).toMatch(/^Model: ResNet50 \(signs\), input \(64, 64, 3\), 6 classes/);
  expect(text).toMatch(/fc6 \(Dense\) +\(None, 6\) +12,294 +flatten/);
  expect(text).toContain('Total params: 23,600,006');
  const rows = (await saved(page, page.getByRole('button', { name: 'Save as CSV' }))).bytes.toString('utf8').trimEnd().split('\r\n');
  expect(rows[0]).toBe('layer,type,output_shape,params,connected_to');
  expect(rows).toHaveLength(178 - 1 + 1); // SIGNS has no pool1_pad: 177 layers and the header
});

test('a layer’s activation saves as .npy and a channel map as PNG, both the shapes the page shows', async ({ page }) => {
  await runSigns(page, '/?preset=signs&backend=wasm&layer=res2a_branch2a&channel=3');
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  const npy = await saved(page, inspector.getByRole('button', { name: 'Save activation (.npy)' }));
  expect(npy.name).toBe('res2a_branch2a.npy');
  expect([...npy.bytes.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  const { shape, values } = decodeNpy(new Uint8Array(npy.bytes));
  expect(shape).toEqual([15, 15, 64]);
  expect(npy.bytes.length % 64).toBe((15 * 15 * 64 * 4) % 64);
  // The statistics the inspector shows are those of the saved values.
  const max = values.reduce((m, v) => Math.max(m, v), -Infinity);
  const shownMax = inspector.locator('.insp-dl > div').filter({ has: page.locator('dt', { hasText: /^Max$/ }) }).locator('dd');
  await expect(shownMax).toHaveText(String(Number(max.toPrecision(4))));
  const map = await saved(page, inspector.getByRole('button', { name: 'Save map (PNG)' }));
  expect(map.name).toBe('res2a_branch2a-channel3.png');
  expect(pngSize(map.bytes)).toEqual({ width: 15, height: 15 });
});

test('the top-5 saves as CSV, and a run of several files as one CSV of every file’s top-5', async ({ page }) => {
  await runSigns(page, '/?preset=signs&backend=wasm');
  const first = await predictions(page).first().locator('.label').textContent();
  const top = (await saved(page, page.getByRole('button', { name: 'Save the top-5 as CSV' }))).bytes.toString('utf8').trimEnd().split('\r\n');
  expect(top[0]).toBe('file,rank,class_index,label,probability');
  expect(top).toHaveLength(6);
  expect(top[1]).toMatch(new RegExp(`^chelsea\\.png,1,\\d,${first},0\\.\\d+`));
  const sum = top.slice(1).reduce((s, r) => s + Number(r.split(',').at(-1)), 0);
  expect(sum).toBeLessThanOrEqual(1.000001);

  await page.getByLabel('Image file').setInputFiles(['public/samples/chelsea.png', 'public/samples/coffee.png']);
  await expect(fileStatus(page, 'coffee.png')).toHaveText('done');
  const run = (await saved(page, page.getByRole('button', { name: 'Save every file’s top-5 as CSV' }))).bytes.toString('utf8').trimEnd().split('\r\n');
  expect(run[0]).toBe('file,rank,class_index,label,probability,status,message');
  expect(run.slice(1).map((r) => r.split(',')[0])).toEqual([...Array(5).fill('chelsea.png'), ...Array(5).fill('coffee.png')]);
});
