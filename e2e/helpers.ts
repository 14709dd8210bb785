import { expect, type Locator, type Page } from '@playwright/test';

/** The ImageNet model is ready once the loading bar has gone and the totals are shown. */
export async function waitForModel(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Model totals' })).toBeVisible();
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
}

/** Drops a file on the drop zone through a real DragEvent carrying a DataTransfer. */
export async function dropSample(page: Page, url: string, name: string): Promise<void> {
  await page.evaluate(async ({ url, name }) => {
    const blob = await (await fetch(url)).blob();
    const data = new DataTransfer();
    data.items.add(new File([blob], name, { type: blob.type }));
    const zone = document.querySelector('[data-testid="drop-zone"]');
    if (!zone) throw new Error('no drop zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { url, name });
}

export function predictions(page: Page): Locator {
  return page.getByRole('list', { name: 'Top-5 predictions' }).getByRole('listitem');
}

export async function tensorCount(page: Page): Promise<number> {
  const text = await page.getByRole('status', { name: 'Diagnostics' }).textContent();
  const match = /Tensors: (\d+)/.exec(text ?? '');
  if (!match) throw new Error(`no tensor count in "${text}"`);
  return Number(match[1]);
}

/** True when a canvas has at least two different pixel values (it is not blank). */
export async function canvasHasContent(canvas: Locator): Promise<boolean> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) return false;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const seen = new Set<string>();
    for (let i = 0; i < data.length && seen.size < 2; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
    return seen.size > 1;
  });
}
