/** Headless Chromium through playwright-core: no browser download, localhost only. */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../build/chromium.ts';

export { CHROMIUM_PATH };
const ARGS = [...CHROMIUM_ARGS];

/**
 * tsx compiles with esbuild's keepNames, which wraps nested functions in `__name(...)`;
 * functions handed to page.evaluate carry that call into the page. An init script (not
 * subject to the page's CSP) defines it as the identity there.
 */
const NAME_SHIM = 'globalThis.__name ??= (target) => target;';

export async function prepareContext(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript({ content: NAME_SHIM });
  return context;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** A browser with a profile on disk, so its HTTP cache persists between page loads. */
export async function launchWithProfile(userDataDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, args: ARGS, viewport: { width: 1280, height: 800 } });
  return prepareContext(context);
}
