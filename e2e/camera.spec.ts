/** Live input through Chromium's fake camera (a moving test pattern), and a camera refused. */
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../build/chromium';
import { predictions } from './helpers';

// Chromium's fake camera for this file (a launch flag: it holds for the whole file).
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] } });

test.describe('with a camera', () => {
  test.use({ permissions: ['camera'] });

  test('frames are classified one after another with their rate shown; paused, the last frame is inspected like an image', async ({ page }) => {
    await page.goto('/?preset=signs&backend=wasm&layer=res2a_branch2a');
    await expect(page.getByLabel('Model loading')).toHaveCount(0);
    const camera = page.getByRole('region', { name: 'Camera' });
    await expect(camera).toHaveCount(0); // nothing is asked for until the button is pressed
    await page.getByRole('region', { name: 'Drop zone' }).getByRole('button', { name: 'Use the camera' }).click();
    await expect(camera.getByRole('status')).toHaveText('Camera on: classifying frame after frame.');
    await expect(predictions(page)).toHaveCount(5);
    // Several answers in a row: the rate is a measured figure, not a placeholder.
    await expect(camera.getByLabel('Frame rate')).toHaveText(/^\d+\.\d frames per second$/);
    const image = page.getByRole('img', { name: /^camera frame \d+ as the network sees it$/ });
    await expect(image).toBeVisible();

    await camera.getByRole('button', { name: 'Pause' }).click();
    // A frame on its way when Pause is pressed is answered first: that answer is the paused frame.
    await expect(camera.getByRole('status')).toHaveText(/^Paused on the last frame/);
    const shown = await page.getByRole('list', { name: 'Top-5 predictions' }).textContent();
    // Nothing runs while paused: the Files list stays empty and the answer stays.
    await expect(page.getByRole('list', { name: 'Files' })).toHaveCount(0);
    const inspector = page.getByRole('region', { name: 'Layer inspector' });
    await expect(inspector.getByRole('button', { name: 'Channel 1', exact: true })).toBeVisible();
    await inspector.getByRole('button', { name: 'Next layer' }).click();
    await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('bn2a_branch2a');
    await expect(inspector.getByRole('button', { name: 'Channel 1', exact: true })).toBeVisible();
    expect(await page.getByRole('list', { name: 'Top-5 predictions' }).textContent()).toBe(shown);

    await camera.getByRole('button', { name: 'Resume' }).click();
    await expect(camera.getByRole('button', { name: 'Pause' })).toBeVisible();
    await camera.getByRole('button', { name: 'Stop the camera' }).click();
    await expect(page.getByRole('button', { name: 'Use the camera' })).toBeVisible();
    await expect(camera).toHaveCount(0);
    expect(await page.evaluate(() => document.querySelector('video')?.srcObject ?? null)).toBeNull();
  });
});

test('a camera refused gets a plain message and the page keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await page.goto('/?preset=signs&backend=wasm');
  await expect(page.getByLabel('Model loading')).toHaveCount(0);
  await page.getByRole('button', { name: 'Use the camera' }).click();
  await expect(page.getByRole('alert')).toHaveText(/The camera was not allowed\. To classify live frames, allow the camera/);
  await page.getByLabel('Image file').setInputFiles('public/samples/chelsea.png');
  await expect(predictions(page)).toHaveCount(5);
});
