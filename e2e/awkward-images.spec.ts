/**
 * Real images in awkward shapes (issue cases 6, 9, 10, 11): grayscale, 16-bit, palette and
 * transparent PNGs, an EXIF-rotated JPEG, an animated GIF and an 8000 x 6000 photo, each
 * classified as what it shows, as three channels with alpha on white.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { animatedGif, exifRotatedJpeg, pngFlavours, readPng } from './fixtures';
import { alertRegion, canvasPixel, expectMemory, fileStatus, predictions, settledMemory, waitForModel } from './helpers';

function networkView(page: Page, name: string): Locator {
  return page.getByRole('img', { name: `${name} as the network sees it` });
}

function notes(page: Page): Locator {
  return page.getByRole('region', { name: 'Image', exact: true }).locator('.notes');
}

/** Within `tolerance` of an RGB colour (JPEG and resizing blur edges a little). */
function near(actual: number[], rgb: number[], tolerance = 60): boolean {
  return rgb.every((v, i) => Math.abs(actual[i] - v) <= tolerance);
}

test('grayscale, 16-bit, palette and transparent PNGs are the same cat, on white; EXIF and GIF come upright and first', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  const flavours = pngFlavours(readPng('public/samples/chelsea.png'), 30);
  let baseline: Awaited<ReturnType<typeof settledMemory>> | null = null;
  for (const [kind, file] of Object.entries(flavours)) {
    await page.getByLabel('Image file').setInputFiles(file);
    await expect(fileStatus(page, file.name)).toHaveText('done');
    await expect(predictions(page).first(), kind).toContainText('Egyptian cat');
    const view = networkView(page, file.name);
    await expect(view).toBeVisible();
    const middle = await canvasPixel(view, 0.5, 0.5);
    expect(middle[3], `${kind} is opaque`).toBe(255);
    if (kind.startsWith('gray')) expect(new Set(middle.slice(0, 3)).size, `${kind} stays gray`).toBe(1);
    // Transparent pixels were black underneath: only compositing on white makes them white.
    if (kind === 'transparent') expect(await canvasPixel(view, 0.02, 0.02)).toEqual([255, 255, 255, 255]);
    // Said beside the image, for the transparent one only; and every one of them is oblong.
    if (kind === 'transparent') await expect(notes(page)).toContainText('Transparent areas are shown on white.');
    else await expect(notes(page)).not.toContainText('Transparent');
    await expect(notes(page)).toContainText('Squeezed to 224 x 224, not cropped');
    baseline ??= await settledMemory(page);
    await expectMemory(page, baseline);
  }

  await page.getByLabel('Image file').setInputFiles(exifRotatedJpeg());
  await expect(fileStatus(page, 'rotated.jpg')).toHaveText('done');
  await expect(notes(page)).toContainText("Turned upright from the photo's EXIF orientation (6: rotate 90° clockwise).");
  await expect(page.getByRole('region', { name: 'Image', exact: true })).toContainText('32×64');
  // Stored red | green over blue | white; turned clockwise: blue | red over white | green.
  const view = networkView(page, 'rotated.jpg');
  const corners = [[0.25, 0.25, [0, 0, 255]], [0.75, 0.25, [255, 0, 0]], [0.25, 0.75, [255, 255, 255]], [0.75, 0.75, [0, 255, 0]]] as const;
  for (const [x, y, rgb] of corners) expect(near(await canvasPixel(view, x, y), [...rgb]), `${x},${y}`).toBe(true);

  await page.getByLabel('Image file').setInputFiles(animatedGif(64, 48));
  await expect(fileStatus(page, 'animated.gif')).toHaveText('done');
  await expect(notes(page)).toContainText('Animated GIF: the first frame is classified.');
  expect(near(await canvasPixel(networkView(page, 'animated.gif'), 0.5, 0.5), [255, 0, 0], 10)).toBe(true);
  await expect(alertRegion(page)).toBeEmpty();
  await expectMemory(page, baseline ?? (await settledMemory(page)));
});

/** Makes an 8000 x 6000 JPEG of the cat in the page (Chrome encodes it) and keeps it there. */
async function makeBigPhoto(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const cat = await createImageBitmap(await (await fetch('/samples/chelsea.png')).blob());
    const canvas = new OffscreenCanvas(8000, 6000);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 8000, 6000);
    ctx.drawImage(cat, 0, 500, 8000, 5000);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    Object.assign(window, { __bigPhoto: blob });
    return blob.size;
  });
}

/** Drops the big photo as `name`. */
async function dropBigPhoto(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => {
    const data = new DataTransfer();
    data.items.add(new File([(window as unknown as { __bigPhoto: Blob }).__bigPhoto], name, { type: 'image/jpeg' }));
    document.querySelector('[data-testid="drop-zone"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, name);
}

// How long the page's main thread stalls while such a photo decodes is a timing, measured by
// the benchmark (bench/), not asserted here: it depends on the machine.
test('an 8000 x 6000 photo is downscaled while decoding, not refused', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  expect(await makeBigPhoto(page)).toBeGreaterThan(100_000);
  await dropBigPhoto(page, 'big-photo.jpg');
  await expect(fileStatus(page, 'big-photo.jpg')).toHaveText('done');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  await expect(notes(page)).toContainText('Downscaled from 8000 x 6000 to 1024 x 768 pixels');
  await expect(page.getByRole('region', { name: 'Image', exact: true })).toContainText('1024×768');
  await expect(alertRegion(page)).toBeEmpty();
});

test('a tiny image is classified, with a note that it was blown up and means little', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=signs');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(8, 8);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.fillStyle = '#c2410c';
    ctx.fillRect(0, 0, 8, 8);
    const data = new DataTransfer();
    data.items.add(new File([await canvas.convertToBlob({ type: 'image/png' })], 'tiny.png', { type: 'image/png' }));
    document.querySelector('[data-testid="drop-zone"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(fileStatus(page, 'tiny.png')).toHaveText('done');
  await expect(notes(page)).toHaveText('8 x 8 upscaled 8x to 64 x 64: expect nonsense, there is too little to see.');
});
