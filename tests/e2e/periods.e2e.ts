import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';

let browser: Browser;
let host: RunningHost;

/** 'YYYY-MM' of the demo store (Asia/Shanghai) `n` months before this one. */
function monthAgo(n: number): string {
  const today = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
}

const cell = (page: Page, month: string, col: string) =>
  page.locator(`.ag-row[row-id="${month}"] [col-id="${col}"]`).first();

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('month-end closing in the browser', () => {
  it('a manager closes the demo year through two months ago, and sees who closed it (zh-CN)', async () => {
    const { page } = await newPage(browser, 'zh-CN');
    await page.goto(host.url);
    await new LoginScreen(page).signIn('manager', '2345');
    await page.getByTestId('home-title').waitFor();
    await new ShellScreen(page).navigate('库存月结');
    await page.getByRole('heading', { name: '库存月结' }).waitFor();
    const [m0, m1, m2] = [monthAgo(0), monthAgo(1), monthAgo(2)];
    await expect.poll(() => cell(page, m0, 'state').innerText()).toBe('本月');
    expect(await cell(page, m2, 'state').innerText()).toBe('未结');
    expect(Number(await cell(page, m2, 'moves').innerText())).toBeGreaterThan(100);
    // This month cannot be closed yet; a manager never sees a reopen button.
    expect(await page.getByTestId(`period-close-${m0}`).count()).toBe(0);

    await page.getByTestId(`period-close-${m2}`).click();
    await page.getByText(`确定月结 ${m2} 吗？`, { exact: false }).waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '月结至此月' }).click();
    await page.getByText(`已月结至 ${m2}。`).waitFor();
    await expect.poll(() => cell(page, m2, 'state').innerText()).toBe('已结');
    expect(await cell(page, monthAgo(5), 'state').innerText()).toBe('已结');
    expect(await cell(page, m2, 'closedBy').innerText()).toBe('李经理');
    expect(await cell(page, m1, 'state').innerText()).toBe('未结');
    expect(await page.locator('[data-testid^="period-reopen-"]').count()).toBe(0);
    await page.locator('.ant-message').waitFor({ state: 'hidden' });
    await screenshot(page, 'periods-zh');
    await page.context().close();
  });

  it('an admin reopens the latest closed month with a reason, and sets the back-dating days (English)', async () => {
    const { page } = await newPage(browser, 'en-US');
    await page.goto(host.url);
    await new LoginScreen(page).signIn('admin', '1234');
    await page.getByTestId('home-title').waitFor();
    const shell = new ShellScreen(page);
    await shell.navigate('Month closing');
    const m2 = monthAgo(2);
    await expect.poll(() => cell(page, m2, 'state').innerText()).toBe('Closed');
    // Only the latest closed month can be reopened.
    expect(await page.locator('[data-testid^="period-reopen-"]').count()).toBe(1);

    await page.getByTestId(`period-reopen-${m2}`).click();
    await page.getByText(`Movements can be dated in ${m2} again.`, { exact: false }).waitFor();
    await page.getByTestId('period-reopen-ok').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('period-reopen-reason').fill('Late supplier invoice for a delivery');
    await page.waitForTimeout(300); // the dialog's opening animation
    await screenshot(page, 'periods-reopen-en');
    await page.getByTestId('period-reopen-ok').click();
    await page.getByText(`${m2} reopened.`).waitFor();
    await expect.poll(() => cell(page, m2, 'state').innerText()).toBe('Open');
    expect(await cell(page, m2, 'reopened').innerText()).toContain('Late supplier invoice for a delivery');
    expect(await cell(page, monthAgo(3), 'state').innerText()).toBe('Closed');

    await shell.navigate('Store settings');
    await page.getByText('Dating stock movements').waitFor();
    expect(await page.getByTestId('backdate-clerk').inputValue()).toBe('0');
    expect(await page.getByTestId('backdate-manager').inputValue()).toBe('7');
    await page.getByTestId('backdate-manager').fill('3');
    await page.getByTestId('store-settings-save').click();
    await page.getByText('Saved', { exact: false }).first().waitFor();
    await page.getByText('Dating stock movements').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-backdate-en');
    await page.context().close();
  });
});
