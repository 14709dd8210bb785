/**
 * A person's own model in the page (issue 13): dropped or picked, read in the model's
 * worker, and explored like a preset. The fixtures are small Keras 3 files with Keras' own
 * outputs (src/formats/fixtures); each must give those outputs to 1e-4 here too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { decodeNpy } from '../src/inspect/npy';
import { rewrittenHdf5, tfjsFilesOf } from '../src/test-support/keras-files';
import { alertRegion, expectMemory, modelWorker, predictions, settledMemory } from './helpers';

const FIXTURES = 'src/formats/fixtures';

interface Upload {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

function fixtureFile(name: string): Upload {
  return { name, mimeType: 'application/octet-stream', buffer: readFileSync(`${FIXTURES}/${name}`) };
}

/**
 * The fixture's first input as a PNG: the inputs are floats in [0, 1) and the page reads
 * pixels as x / 255, so this is the input to within half a grey level (which moves these
 * models' outputs by under 1e-5, against 1e-4 allowed), and the 64x64 image needs no resize.
 */
function inputPng(stem: string): Upload {
  const x = decodeNpy(new Uint8Array(readFileSync(`${FIXTURES}/${stem}.x.npy`)));
  const png = new PNG({ width: 64, height: 64 });
  for (let i = 0; i < 64 * 64; i++) {
    for (let c = 0; c < 3; c++) png.data[i * 4 + c] = Math.round(x.values[i * 3 + c] * 255);
    png.data[i * 4 + 3] = 255;
  }
  return { name: `${stem}.png`, mimeType: 'image/png', buffer: PNG.sync.write(png) };
}

/** Keras' own output for the fixture's first input (softmax over 6 classes). */
function kerasOutput(stem: string): number[] {
  return Array.from(decodeNpy(new Uint8Array(readFileSync(`${FIXTURES}/${stem}.y.npy`))).values.slice(0, 6));
}

/** Drops files on the drop zone through a real DragEvent carrying a DataTransfer. */
async function dropFiles(page: Page, files: readonly Upload[]): Promise<void> {
  const sent = files.map((f) => ({ name: f.name, type: f.mimeType, data: f.buffer.toString('base64') }));
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (ch) => ch.charCodeAt(0));
      data.items.add(new File([bytes], f.name, { type: f.type }));
    }
    const zone = document.querySelector('[data-testid="drop-zone"]');
    if (!zone) throw new Error('no drop zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, sent);
}

function presetMenu(page: Page) {
  return page.getByRole('group', { name: 'Model' }).getByRole('combobox', { name: 'Preset' });
}

async function openSigns(page: Page, extra = ''): Promise<void> {
  await page.goto(`/?preset=signs&backend=wasm${extra}`);
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Model totals' })).toBeVisible();
}

/** Waits until the person's model `name` is the one on show. */
async function expectShown(page: Page, name: string): Promise<void> {
  await expect(page.getByLabel('Model file loading')).toHaveCount(0);
  await expect(presetMenu(page).locator('option:checked')).toHaveText(`${name} (your file)`);
}

/** The head layer's activation as the page saves it (.npy), every float of it. */
async function savedHead(page: Page, layer: string): Promise<number[]> {
  await page.getByRole('tab', { name: 'Layer table' }).click();
  await page.getByRole('table').getByRole('button', { name: layer, exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector).toContainText(layer);
  const [download] = await Promise.all([page.waitForEvent('download'), inspector.getByRole('button', { name: 'Save activation (.npy)' }).click()]);
  const { shape, values } = decodeNpy(new Uint8Array(readFileSync(await download.path())));
  expect(shape).toEqual([6]);
  return Array.from(values);
}

function expectClose(got: readonly number[], want: readonly number[]): void {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]), `class ${i}: ${v} vs Keras ${want[i]}`).toBeLessThan(1e-4));
}

test('a dropped .keras (the assignment’s names) gives Keras’ outputs, with the SIGNS labels and x/255', async ({ page }) => {
  await openSigns(page);
  await dropFiles(page, [fixtureFile('tiny-seed-names.keras')]);
  await expectShown(page, 'tiny-seed-names');
  await expect(page.getByRole('combobox', { name: 'Preprocessing' })).toHaveValue('x255');
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toContainText('From your files: tiny-seed-names.keras (Keras archive (.keras), Keras 3.15.1)');
  await page.getByLabel('Image file').setInputFiles(inputPng('tiny-seed-names'));
  await expect(predictions(page)).toHaveCount(5);
  await expect(predictions(page).first()).toContainText('hand sign 5');
  expectClose(await savedHead(page, 'fc6'), kerasOutput('tiny-seed-names'));
  // The file's own names: Keras named the layers the text leaves unnamed.
  await expect(page.getByRole('table').getByRole('button', { name: 'zero_padding2d', exact: true })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('model')).toBe('local');
  // The table and what it saves are the file's, by its name, not the nearest preset's.
  await expect(page.getByRole('table', { name: /^Every layer of ResNet50 \(tiny-seed-names\)/ })).toBeVisible();
  const [text] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as text' }).click()]);
  expect(text.suggestedFilename()).toBe('tiny-seed-names-summary.txt');
  expect(readFileSync(await text.path(), 'utf8')).toMatch(/^Model: ResNet50 \(tiny-seed-names\), input \(64, 64, 3\), 6 classes/);
});

test('a model given before the engine is ready opens once it is, its name and progress shown meanwhile', async ({ page }) => {
  // The worker's script is held until the model has been dropped, so the drop always comes first.
  let dropped: () => void = () => undefined;
  const afterDrop = new Promise<void>((resolve) => { dropped = resolve; });
  await page.route('**/model.worker*.js', (route) => afterDrop.then(() => route.continue().catch(() => undefined)));
  await page.goto('/?preset=signs&backend=wasm');
  await dropFiles(page, [fixtureFile('tiny-seed-names.keras')]);
  await expect(page.getByText('Opening tiny-seed-names.keras: waiting for the engine to start…')).toBeVisible();
  dropped();
  await expectShown(page, 'tiny-seed-names');
  await page.getByLabel('Image file').setInputFiles(inputPng('tiny-seed-names'));
  await expect(predictions(page).first()).toContainText('hand sign 5');
  await expect(alertRegion(page)).toBeEmpty();
});

test('a worker that dies with your model open: the model stays on show, opens again on a fresh worker, and its image runs again', async ({ page }) => {
  await openSigns(page);
  await dropFiles(page, [fixtureFile('tiny-seed-names.keras')]);
  await expectShown(page, 'tiny-seed-names');
  await page.getByLabel('Image file').setInputFiles(inputPng('tiny-seed-names'));
  await expect(predictions(page)).toHaveCount(5);
  const before = await predictions(page).allTextContents();
  await settledMemory(page);
  const graph = page.getByRole('region', { name: 'Network graph' });
  const [svg] = await Promise.all([page.waitForEvent('download'), graph.getByRole('button', { name: 'Save SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('tiny-seed-names-graph.svg');
  expect(readFileSync(await svg.path(), 'utf8')).toContain('ResNet50 (tiny-seed-names)');

  // The fresh worker's file readers (a chunk it fetches to open the files again) are held
  // until the page has been seen while it re-opens them.
  let checked: () => void = () => undefined;
  const afterChecks = new Promise<void>((resolve) => { checked = resolve; });
  await page.route('**/assets/open-*.js', (route) => afterChecks.then(() => route.continue().catch(() => undefined)));
  const first = await modelWorker(page);
  const dead = new Promise<void>((resolve) => first.once('close', () => resolve()));
  await first.evaluate(() => self.close());
  await dead;
  await expect(alertRegion(page)).toContainText('A fresh one was started');
  await expect(page.getByText(/^Opening tiny-seed-names\.keras/)).toBeVisible();
  // Meanwhile: the same model, image and predictions on show, not the preset's.
  await expect(presetMenu(page).locator('option:checked')).toHaveText('tiny-seed-names (your file)');
  await expect(page.getByRole('img', { name: 'Original: tiny-seed-names.png' })).toBeVisible();
  expect(await predictions(page).allTextContents()).toEqual(before);
  checked();
  await expectShown(page, 'tiny-seed-names');
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toContainText('From your files: tiny-seed-names.keras');
  expect(await modelWorker(page)).not.toBe(first);
  expectClose(await savedHead(page, 'fc6'), kerasOutput('tiny-seed-names'));
  await expect(predictions(page)).toHaveCount(5);
  expect(await predictions(page).allTextContents()).toEqual(before);
});

test('an .h5 with keras.applications names and a labels file, opened with the button, runs under its own names (x/255 chosen)', async ({ page }) => {
  await openSigns(page);
  const labels = { name: 'labels.txt', mimeType: 'text/plain', buffer: Buffer.from('zero\none\ntwo\nthree\nfour\nfive\n') };
  await page.getByLabel('Model file').setInputFiles([fixtureFile('tiny-applications-names.h5'), labels]);
  await expectShown(page, 'tiny-applications-names');
  await expect(page.getByRole('group', { name: 'Your model' })).toContainText('6 classes, names from your labels file');
  // keras.applications' names mean caffe preprocessing by default; these were trained on x / 255.
  const preprocessing = page.getByRole('combobox', { name: 'Preprocessing' });
  await expect(preprocessing).toHaveValue('caffe');
  await preprocessing.selectOption('x255');
  await expect(preprocessing).toHaveValue('x255');
  await expectShown(page, 'tiny-applications-names');
  await page.getByLabel('Image file').setInputFiles(inputPng('tiny-applications-names'));
  await expect(predictions(page)).toHaveCount(5);
  await expect(predictions(page).first()).toContainText('five');
  expectClose(await savedHead(page, 'predictions'), kerasOutput('tiny-applications-names'));
  await expect(page.getByRole('table').getByRole('button', { name: 'conv2_block1_1_conv', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByRole('region', { name: 'Network graph' }).getByRole('button', { name: 'predictions', exact: true })).toBeVisible();
});

test('a tfjs model.json dropped with its two shards opens; a bad file after it leaves model and image as they were', async ({ page }) => {
  await openSigns(page);
  const files = await tfjsFilesOf('tiny-applications-names');
  await dropFiles(page, files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
  await expectShown(page, 'model');
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toContainText('TensorFlow.js layers model');
  await page.getByRole('combobox', { name: 'Preprocessing' }).selectOption('x255');
  await expectShown(page, 'model');
  await page.getByLabel('Image file').setInputFiles(inputPng('tiny-applications-names'));
  await expect(predictions(page)).toHaveCount(5);
  const before = await predictions(page).allTextContents();
  // An HTML page saved as .h5 (a failed download): one plain message naming it.
  await dropFiles(page, [{ name: 'ResNet50.h5', mimeType: 'text/html', buffer: Buffer.from('<!DOCTYPE html><html><head><title>Sign in</title></head><body></body></html>') }]);
  await expect(alertRegion(page)).toContainText('ResNet50.h5: is a web page (HTML)');
  await expect(alertRegion(page)).toContainText('The page still shows your model.');
  await expect(page.getByLabel('Model file loading')).toHaveCount(0);
  await expect(presetMenu(page).locator('option:checked')).toHaveText('model (your file)');
  expect(await predictions(page).allTextContents()).toEqual(before);
  expectClose(await savedHead(page, 'predictions'), kerasOutput('tiny-applications-names'));
});

test('back to the preset frees every tensor of the dropped model; a reload of its link says it cannot re-open it', async ({ page }) => {
  await openSigns(page);
  await page.getByLabel('Image file').setInputFiles(inputPng('tiny-seed-names'));
  await expect(predictions(page)).toHaveCount(5);
  const baseline = await settledMemory(page);
  const onPreset = await predictions(page).allTextContents();
  await dropFiles(page, [fixtureFile('tiny-seed-literal.h5')]);
  await expectShown(page, 'tiny-seed-literal');
  await expect(page.getByRole('status', { name: 'Diagnostics' })).toContainText('tiny-seed-literal.h5');
  // The image ran again, on the file's model.
  await expect.poll(() => predictions(page).allTextContents()).not.toEqual(onPreset);
  expect((await settledMemory(page)).numTensors).toBeGreaterThan(baseline.numTensors);
  await presetMenu(page).selectOption('signs');
  await expect(page.getByRole('status', { name: 'Diagnostics' })).not.toContainText('From your files');
  await expect(predictions(page)).toHaveCount(5);
  await expectMemory(page, baseline);
  // The menu keeps the model's name: choosing it opens the same files again.
  await presetMenu(page).selectOption({ label: 'tiny-seed-literal (your file)' });
  await expectShown(page, 'tiny-seed-literal');
  await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe('local');
  await page.reload();
  await expect(alertRegion(page)).toContainText('cannot re-open a file from a computer, so the SIGNS preset is shown');
  await expect(presetMenu(page)).toHaveValue('signs');
  await expect(page.getByRole('region', { name: 'Model totals' })).toContainText('23,600,006');
  await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBeNull();
});

/** tiny-seed-names.h5 saved without its head (include_top=False): it ends at stage 5's last ReLU. */
async function headless(): Promise<Upload> {
  const file = await rewrittenHdf5('tiny-seed-names.h5', (tree) => {
    const config = JSON.parse(tree.attrs['/'].model_config as string) as { config: { layers: { name: string }[]; output_layers: unknown } };
    config.config.layers = config.config.layers.filter((l) => !['avg_pool', 'flatten', 'fc6'].includes(l.name));
    config.config.output_layers = [['activation_48', 0, 0]];
    tree.attrs['/'].model_config = JSON.stringify(config);
    tree.attrs['/model_weights'].layer_names = (tree.attrs['/model_weights'].layer_names as string[]).filter((n) => !['avg_pool', 'flatten', 'fc6'].includes(n));
    tree.datasets = Object.fromEntries(Object.entries(tree.datasets).filter(([key]) => !key.startsWith('/model_weights/fc6/')));
  });
  return { name: 'headless.h5', mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) };
}

test('a model without its head is inspected and says why it does not classify; a weights-only file takes another input size', async ({ page }) => {
  await openSigns(page);
  await page.getByLabel('Image file').setInputFiles(inputPng('tiny-seed-names'));
  await expect(predictions(page)).toHaveCount(5);
  await page.getByLabel('Model file').setInputFiles(await headless());
  await expectShown(page, 'headless');
  await expect(page.getByTestId('no-classes')).toContainText('Classification is off: This model was saved without its classification head');
  await expect(page.getByRole('list', { name: 'Top-5 predictions' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Layer table' }).click();
  await page.getByRole('table').getByRole('button', { name: 'activation_48', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Layer inspector' });
  await expect(inspector).toContainText('Output shape (2, 2, 128)');
  await expect(inspector.getByRole('button', { name: 'Channel 1', exact: true })).toBeVisible();
  await expect(inspector.getByRole('button', { name: 'Save activation (.npy)' })).toBeVisible();

  // No architecture inside: 64 a side is the default for the assignment's names, and it can change.
  await page.getByLabel('Model file').setInputFiles(fixtureFile('tiny-seed-names.weights.h5'));
  await expectShown(page, 'tiny-seed-names');
  await expect(page.getByRole('group', { name: 'Your model' })).toContainText('64×64 input (the file does not say; change it below)');
  await page.getByRole('spinbutton', { name: 'Input size' }).fill('96');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('group', { name: 'Your model' })).toContainText('96×96 input');
  await expectShown(page, 'tiny-seed-names');
  await expect(page.getByRole('table').getByRole('row', { name: /^input/ }).first()).toContainText('96, 96, 3');
  await expect(predictions(page)).toHaveCount(5);
});

test('opening a model can be cancelled: the preset stays, and nothing of the model is kept', async ({ page }) => {
  await openSigns(page);
  const baseline = await settledMemory(page);
  // The ImageNet weights as a person's tfjs model (50 MB): long enough to open that Cancel comes first.
  const dir = 'public/models/resnet50-f16';
  await page.getByLabel('Model file').setInputFiles(readdirSync(dir).map((name) => `${dir}/${name}`));
  await expect(page.getByLabel('Model file loading')).toBeVisible();
  await expect(page.locator('label[for="model-file-progress"]')).toContainText('Opening model.json');
  await page.getByRole('button', { name: 'Cancel opening' }).click();
  await expect(page.getByLabel('Model file loading')).toHaveCount(0);
  await expect(presetMenu(page)).toHaveValue('signs');
  await expect(presetMenu(page).locator('option')).toHaveCount(2); // nothing opened, so no entry
  await expect(page.getByRole('region', { name: 'Model totals' })).toContainText('23,600,006');
  await expectMemory(page, baseline);
  await expect(alertRegion(page)).toHaveText('');
});
