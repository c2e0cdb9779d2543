import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src-shared/i18n/en';
import { zhCN } from '../../src-shared/i18n/zh-CN';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';

/*
 * The first screen carries the texts of one language only (cold start,
 * docs/benchmarks.md); the other one is fetched when the user switches to it.
 * Every screen on the way shows real texts in the language chosen, never keys.
 */

let browser: Browser;
let host: RunningHost;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost()]);
  const res = await fetch(`${host.url}/api/setup.initialize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      store: { code: 'SH-001', name: '蜀香阁 人民广场店', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'zhang', displayName: '张经理', authKind: 'pin', secret: '1357' },
    }),
  });
  expect(res.ok).toBe(true);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Longer texts of a catalogue that a minifier writes as they are (no quotes, escapes or placeholders). */
const sample = (catalog: Record<string, string>) =>
  Object.values(catalog).filter((s) => s.length >= 12 && !/["'`\\${}\n]/.test(s));
const zhTexts = sample(zhCN);
const enTexts = sample(en);
const keys = Object.keys(en);

/** Every script the page has loaded since it was opened (fetched again: the answers are static files). */
async function loadedScripts(page: Page): Promise<string> {
  return (await page.evaluate(async () => {
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.endsWith('.js'));
    const texts = await Promise.all(urls.map((u) => fetch(u).then((r) => r.text())));
    return texts.join('\n');
  })) as string;
}

const found = (scripts: string, texts: string[]) => texts.filter((s) => scripts.includes(s)).length;

/** No catalogue key on screen: a text shown before its language loaded would show as its key. */
async function noKeysShown(page: Page): Promise<void> {
  const body = await page.innerText('body');
  expect(keys.filter((k) => body.includes(k))).toEqual([]);
}

describe('one language in the first screen, the other on switching', () => {
  it('a Chinese OS starts with the Chinese texts only and gets the English ones when switching', async () => {
    const { context, page } = await newPage(browser, 'zh-CN');
    await page.goto(host.url);
    await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
    await page.getByText('PIN 或密码').waitFor();
    let scripts = await loadedScripts(page);
    expect(found(scripts, zhTexts)).toBeGreaterThan(zhTexts.length * 0.9);
    expect(found(scripts, enTexts)).toBe(0);
    await noKeysShown(page);
    await screenshot(page, 'signin-zh');

    await new ShellScreen(page).switchLanguage('English');
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.getByText('PIN or password').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    scripts = await loadedScripts(page);
    expect(found(scripts, enTexts)).toBeGreaterThan(enTexts.length * 0.9);
    await noKeysShown(page);
    await screenshot(page, 'signin-en');

    await new LoginScreen(page).signIn('zhang', '1357');
    await page.getByTestId('home-title').getByText('Welcome, 张经理').waitFor();
    await page.getByText('Go to', { exact: true }).waitFor();
    await noKeysShown(page);
    await screenshot(page, 'home-en');

    // Back to Chinese (already loaded) from the shell, which also saves it as this user's language.
    await new ShellScreen(page).switchLanguage('中文');
    await page.getByTestId('home-title').getByText('欢迎，张经理').waitFor();
    await page.getByText('快速进入').waitFor();
    await noKeysShown(page);
    await screenshot(page, 'home-zh');
    await context.close();
  });

  it('an English OS starts with the English texts only; signing in as a Chinese user loads the Chinese ones', async () => {
    const { context, page } = await newPage(browser, 'en-US');
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    const scripts = await loadedScripts(page);
    expect(found(scripts, enTexts)).toBeGreaterThan(enTexts.length * 0.9);
    expect(found(scripts, zhTexts)).toBe(0);
    await noKeysShown(page);

    // zhang chose Chinese in the first test: the sign-in switches the screen to it.
    await new LoginScreen(page).signIn('zhang', '1357');
    await page.getByTestId('home-title').getByText('欢迎，张经理').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await noKeysShown(page);

    // After a reload the choice kept on this device comes first, and it is the only language loaded.
    await page.reload();
    await page.getByTestId('home-title').getByText('欢迎，张经理').waitFor();
    const after = await loadedScripts(page);
    expect(found(after, enTexts)).toBe(0);
    await noKeysShown(page);
    await context.close();
  });
});
