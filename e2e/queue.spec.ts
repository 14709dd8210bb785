/**
 * Several images at once (issue case 12), a new image while one is under way (13) and the
 * model switched during a run (19): one file at a time, per-file status, cancellable, only
 * the newest result shown, never a result next to a model that did not produce it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { FileSpec } from './fixtures';
import { alertRegion, dropSample, expectMemory, fileStatus, predictions, settledMemory, waitForModel } from './helpers';

const CAT = readFileSync('public/samples/chelsea.png');
const CUP = readFileSync('public/samples/coffee.png');

function png(name: string, buffer: Buffer): FileSpec {
  return { name, mimeType: 'image/png', buffer };
}

/** Records, at every DOM change, the statuses in the Files list and what the page shows. */
async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: { busy: number; top: string; total: string }[] = [];
    const take = () => {
      const states = [...document.querySelectorAll('[aria-label="Files"] li .state')].map((s) => s.textContent ?? '');
      frames.push({
        busy: states.filter((s) => s === 'reading…' || s === 'running…').length,
        top: document.querySelector('[aria-label="Top-5 predictions"] li')?.textContent ?? '',
        total: document.querySelector('[data-testid="total-params"]')?.textContent ?? '',
      });
    };
    new MutationObserver(take).observe(document.body, { subtree: true, childList: true, characterData: true });
    Object.assign(window, { __frames: frames });
  });
}

async function frames(page: Page): Promise<{ busy: number; top: string; total: string }[]> {
  return page.evaluate(() => (window as unknown as { __frames: { busy: number; top: string; total: string }[] }).__frames);
}

async function classifyCat(page: Page) {
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  return settledMemory(page);
}

test('many files run one after another with a status each, and the rest can be cancelled', async ({ page }) => {
  const baseline = await classifyCat(page);
  await startRecording(page);
  await page.getByLabel('Image file').setInputFiles([
    png('1-cat.png', CAT),
    png('2-notes.png', Buffer.from('not a picture at all')),
    png('3-cup.png', CUP),
    png('4-empty.png', Buffer.alloc(0)),
    png('5-cat.png', CAT),
  ]);
  const items = page.getByRole('list', { name: 'Files' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.locator('.state')).toHaveText(['done', 'failed', 'done', 'failed', 'done']);
  await expect(items.nth(1)).toContainText('This file is not an image');
  await expect(items.nth(3)).toContainText('The file is empty (0 bytes).');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  expect(Math.max(...(await frames(page)).map((f) => f.busy)), 'files at work at once').toBe(1);
  await expectMemory(page, baseline);

  const many = Array.from({ length: 8 }, (_, i) => png(`batch-${i + 1}.png`, i % 2 ? CAT : CUP));
  await page.getByLabel('Image file').setInputFiles(many);
  await page.getByRole('button', { name: 'Cancel the remaining files' }).click();
  await expect(page.getByRole('button', { name: 'Cancel the remaining files' })).toHaveCount(0);
  await expect(fileStatus(page, 'batch-8.png')).toHaveText('cancelled');
  // The file under way finishes; every one after it is cancelled and stays so.
  const states = await items.locator('.state').allTextContents();
  const done = states.filter((s) => s === 'done').length;
  expect(states).toEqual([...new Array<string>(done).fill('done'), ...new Array<string>(8 - done).fill('cancelled')]);
  // No clock: the cancel button goes only once nothing is queued or running, and the memory
  // settles back at its baseline only once no pass is under way; after both, still cancelled.
  await expectMemory(page, baseline);
  await expect(items.locator('.state')).toHaveText(states);
  await expect(alertRegion(page)).toBeEmpty();
});

test('a new image dropped while one is on its way replaces it: only the newest result shows', async ({ page }) => {
  const baseline = await classifyCat(page);
  await startRecording(page);
  await page.evaluate(async () => {
    const drop = async (url: string, name: string) => {
      const data = new DataTransfer();
      data.items.add(new File([await (await fetch(url)).blob()], name, { type: 'image/png' }));
      document.querySelector('[data-testid="drop-zone"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    };
    await drop('/samples/coffee.png', 'cup.png');
    await drop('/samples/chelsea.png', 'cat-again.png');
  });
  await expect(fileStatus(page, 'cat-again.png')).toHaveText('done');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  await expect(page.getByRole('img', { name: 'Original: cat-again.png' })).toBeVisible();
  expect((await frames(page)).filter((f) => f.top.includes('espresso'))).toEqual([]);
  await expectMemory(page, baseline);
});

test('switching the model during a run never shows one model’s result with the other, and leaks nothing', async ({ page }) => {
  const baseline = await classifyCat(page);
  await startRecording(page);
  await page.evaluate(async () => {
    const data = new DataTransfer();
    data.items.add(new File([await (await fetch('/samples/coffee.png')).blob()], 'cup.png', { type: 'image/png' }));
    document.querySelector('[data-testid="drop-zone"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    const select = document.querySelector('select') as HTMLSelectElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
    setValue?.call(select, 'signs');
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const totals = page.getByRole('region', { name: 'Model totals' }).getByTestId('total-params');
  await expect(totals).toHaveText('23,600,006');
  // The image under way runs again on the new model: seeded SIGNS classes, not ImageNet's.
  await expect(fileStatus(page, 'cup.png')).toHaveText('done');
  await expect(predictions(page).first()).toContainText(/^class \d/);
  await expect(page.getByRole('img', { name: 'Original: cup.png' })).toBeVisible();

  await page.getByLabel('Preset').selectOption('imagenet');
  await expect(totals).toHaveText('25,636,712');
  await expect(predictions(page).first()).toContainText('espresso');
  const mixed = (await frames(page)).filter(
    (f) => f.top !== '' && (f.total === '23,600,006' ? !/^class \d/.test(f.top) : f.total === '25,636,712' && /^class \d/.test(f.top)),
  );
  expect(mixed).toEqual([]);
  await expectMemory(page, baseline);
  await expect(alertRegion(page)).toBeEmpty();
});

test('a run of several files leaves a strip of thumbnails: one click brings an image back with its top-5, and the memory stays bounded', async ({ page }) => {
  const baseline = await classifyCat(page);
  const catTop = await predictions(page).allTextContents();
  await page.getByLabel('Image file').setInputFiles([png('1-cat.png', CAT), png('2-cup.png', CUP)]);
  await expect(fileStatus(page, '2-cup.png')).toHaveText('done');
  await expect(predictions(page).first()).toContainText('espresso');
  const strip = page.getByRole('list', { name: 'Images of this run' });
  const cat = strip.getByRole('button', { name: 'Show 1-cat.png again' });
  const cup = strip.getByRole('button', { name: 'Show 2-cup.png again' });
  await expect(strip.getByRole('button')).toHaveCount(2);
  await expect(cup).toHaveAttribute('aria-current', 'true');
  await expect(cat).not.toHaveAttribute('aria-current');
  await expect(page.getByText('the last 24 of a run are kept')).toBeVisible();

  await cat.click();
  await expect(cat).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('img', { name: 'Original: 1-cat.png' })).toBeVisible();
  await expect(predictions(page)).toHaveText(catTop);
  // With the keyboard too: Tab to the cup, Enter; the focus stays on it while it runs.
  await expect(cat).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cup).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(predictions(page).first()).toContainText('espresso');
  await expect(cup).toHaveAttribute('aria-current', 'true');
  await expect(cup).toBeFocused();
  await expect(page.getByRole('img', { name: 'Original: 2-cup.png' })).toBeVisible();
  await expectMemory(page, baseline);
  await expect(alertRegion(page)).toBeEmpty();
});
