import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import CHROMIUM_ARGS from './chromium-args.json';

export const SHOTS = resolve(__dirname, '../../../test-results/screens');

/** Debian's Chromium, headless, with the flags this machine needs (no network chatter, no sandbox as root). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A fresh browser profile with a given OS language, at the size of a store PC screen. */
export async function newPage(
  browser: Browser,
  locale: 'zh-CN' | 'en-US',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  // Uncaught errors in the page fail loudly in the test output instead of hiding behind a toast.
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}\n${err.stack ?? ''}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.error(`[console error] ${msg.text()}`);
  });
  return { context, page };
}

/**
 * A PNG of the screen under test-results/screens/. With E2E_SCREEN_TEXT=1 the
 * page's text is written beside it, to write a step's assertions from.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
  if (process.env.E2E_SCREEN_TEXT === '1') writeFileSync(resolve(SHOTS, `${name}.txt`), await page.innerText('body'));
}
