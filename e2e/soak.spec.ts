/**
 * Soak: 100 files in a row on the ImageNet model: half of them good (mixed sizes and
 * formats, real samples among them), half bad (every kind the app refuses). After every one, tf.memory() is back at its baseline (tensors and
 * bytes), and a good image leaves no error on screen. Pictures are drawn in the page and
 * each wait polls inside the page, so 100 files take about half a minute, not minutes.
 */
import { expect, test, type Page } from '@playwright/test';
import { pngHeaderOnly } from '../src/test-support/test-images';
import { dropSample, engineMemory, modelWorker, predictions, settledMemory, waitForModel } from './helpers';

const COUNT = 100;

interface Planned {
  readonly name: string;
  readonly good: boolean;
  /** Drawn in the page (a gradient and a disc), then encoded by the browser. */
  readonly picture?: { readonly width: number; readonly height: number; readonly type: string; readonly hue: number; readonly cut: boolean };
  readonly sample?: string;
  readonly bytes?: readonly number[];
}

const SIDES = [1, 7, 32, 224, 300, 640, 1023, 1500, 2400];
const TYPES = [['image/png', 'png'], ['image/jpeg', 'jpg'], ['image/webp', 'webp']] as const;
const BAD: readonly (readonly number[])[] = [
  [],
  [...Buffer.from('not a picture, just words')],
  [...Buffer.from('<!doctype html><html><body>a page</body></html>')],
  [...pngHeaderOnly(40000, 40000)],
  [...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
];

/** File i of the soak: every other one is bad (one in six of those a cut PNG), one in 25 a real photo. */
function plan(i: number): Planned {
  const name = `soak-${String(i).padStart(3, '0')}`;
  const kind = (i >> 1) % (BAD.length + 1);
  if (i % 2 === 1 && kind < BAD.length) return { name: `${name}.png`, good: false, bytes: BAD[kind] };
  if (i % 2 === 1) return { name: `${name}-cut.png`, good: false, picture: { width: 300, height: 200, type: 'image/png', hue: i, cut: true } };
  if (i % 25 === 0) return { name: `${name}-sample.png`, good: true, sample: i % 100 ? '/samples/coffee.png' : '/samples/chelsea.png' };
  const j = i >> 1;
  const [type, ext] = TYPES[(j + Math.floor(j / 9)) % TYPES.length];
  const width = SIDES[j % SIDES.length];
  const height = SIDES[Math.floor(j / SIDES.length) % SIDES.length];
  return { name: `${name}.${ext}`, good: true, picture: { width, height, type, hue: (i * 37) % 360, cut: false } };
}

/** Builds the planned file in the page and drops it on the drop zone. */
async function drop(page: Page, file: Planned): Promise<void> {
  await page.evaluate(async (file) => {
    let blob: Blob;
    if (file.sample) blob = await (await fetch(file.sample)).blob();
    else if (file.bytes) blob = new Blob([Uint8Array.from(file.bytes)]);
    else {
      const { width, height, type, hue, cut } = file.picture ?? { width: 1, height: 1, type: 'image/png', hue: 0, cut: false };
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      const gradient = ctx.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, `hsl(${hue} 80% 50%)`);
      gradient.addColorStop(1, `hsl(${(hue + 150) % 360} 60% 30%)`);
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = `hsl(${(hue + 60) % 360} 70% 60% / 0.6)`;
      ctx.beginPath();
      ctx.arc(width / 2, height / 2, Math.min(width, height) / 3, 0, Math.PI * 2);
      ctx.fill();
      const whole = await canvas.convertToBlob({ type, quality: 0.8 });
      blob = cut ? whole.slice(0, whole.size >> 1) : whole;
    }
    const data = new DataTransfer();
    data.items.add(new File([blob], file.name));
    document.querySelector('[data-testid="drop-zone"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, file);
}

/** Waits in the page for the file's final status; returns it with the alert's text. */
async function outcome(page: Page, name: string): Promise<{ state: string; alert: string }> {
  return page.evaluate(async (name) => {
    const state = () =>
      [...document.querySelectorAll('[aria-label="Files"] li')].find((li) => li.querySelector('.name')?.textContent === name)?.querySelector('.state')?.textContent ?? '';
    for (const end = performance.now() + 30_000; !/^(done|failed)$/.test(state()) && performance.now() < end;) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return { state: state(), alert: document.querySelector('[role="alert"]')?.textContent ?? '' };
  }, name);
}

/** Waits in the model worker (up to 15 s) for tf.memory() to equal `baseline`; returns the last reading. */
async function memoryBackTo(page: Page, baseline: { numTensors: number; numBytes: number }) {
  const worker = await modelWorker(page);
  return worker.evaluate(async (baseline) => {
    const engine = (globalThis as unknown as { _tfengine: { memory(): { numTensors: number; numBytes: number } } })._tfengine;
    const read = () => ({ numTensors: engine.memory().numTensors, numBytes: engine.memory().numBytes });
    for (const end = performance.now() + 15_000; performance.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      const now = read();
      if (now.numTensors === baseline.numTensors && now.numBytes === baseline.numBytes) return now;
    }
    return read();
  }, baseline);
}

test(`soak: ${COUNT} images in a row, memory back to baseline after each`, async ({ page }) => {
  // About 30 s on a quiet 2-core machine, 4.3 min on a very busy one: the limit leaves
  // room for a slower one (one core, a busy laptop), 5 s a file, a limit, not a figure asserted.
  test.setTimeout(COUNT * 5_000);
  await page.goto('/?backend=wasm');
  await waitForModel(page);
  await dropSample(page, '/samples/chelsea.png', 'chelsea.png');
  await expect(predictions(page).first()).toContainText('Egyptian cat');
  const baseline = await settledMemory(page);
  const started = Date.now();
  const problems: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const file = plan(i);
    await drop(page, file);
    const { state, alert } = await outcome(page, file.name);
    if (state !== (file.good ? 'done' : 'failed')) problems.push(`${file.name}: ${state || 'no status'} (${alert})`);
    if (file.good && alert !== '') problems.push(`${file.name}: error left on screen: ${alert}`);
    if (!file.good && !alert.startsWith(`${file.name}: `)) problems.push(`${file.name}: the alert says "${alert}"`);
    const memory = await memoryBackTo(page, baseline);
    if (JSON.stringify(memory) !== JSON.stringify(baseline)) problems.push(`${file.name}: ${JSON.stringify(memory)}, baseline ${JSON.stringify(baseline)}`);
  }
  const good = Array.from({ length: COUNT }, (_, i) => plan(i)).filter((f) => f.good).length;
  console.log(`soak: ${COUNT} files (${good} good) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(problems).toEqual([]);
  expect(good).toBe(COUNT / 2);
  await expect(predictions(page)).toHaveCount(5);
  expect(await engineMemory(page)).toEqual(baseline);
});
