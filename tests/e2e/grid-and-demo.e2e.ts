import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { gridRow, gridRowAt, heading } from './support/screen';

let browser: Browser;
let host: RunningHost;
let page: Page;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
  ({ page } = await newPage(browser, 'en-US'));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Codes of the first displayed rows, by the grid's row index (DOM order is not display order). */
const firstCodes = (p: Page) =>
  Promise.all([0, 1, 2].map((i) => p.locator(`.ag-row[row-index="${i}"] [col-id="code"]`).first().innerText()));

describe('the demo store and the shared grid (English OS)', () => {
  it('prints the demo logins and opens in English', async () => {
    expect(host.output()).toMatch(/Sign in as admin\/1234, manager\/2345/);
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await new LoginScreen(page).signIn('manager', '2345');
    await page.getByTestId('home-title').waitFor();
  });

  it('lists the demo items with Chinese and English names, sorts, filters and exports CSV', async () => {
    const shell = new ShellScreen(page);
    await shell.navigate('Items');
    await page
      .getByTestId('items-count')
      .getByText(/^1\d\d rows$/)
      .waitFor();
    expect(await gridRow(page, 'BEV-001')).toMatch(/^BEV-001 Tsingtao beer 青岛啤酒 Beverages pc 1 箱 = 24 pc /);
    await screenshot(page, 'items-en');

    const codeHeader = page.getByRole('columnheader', { name: 'Code' }).getByText('Code');
    await codeHeader.click(); // ascending
    await codeHeader.click(); // descending
    await page.waitForTimeout(200);
    const desc = await firstCodes(page);
    expect(desc[0]! > desc[1]!).toBe(true);

    await page.getByRole('textbox', { name: 'English name Filter Input' }).fill('beef');
    await page
      .getByTestId('items-count')
      .getByText(/^\d rows$/)
      .waitFor();
    await page.getByRole('gridcell', { name: '肥牛卷' }).waitFor();
    const count = Number((await page.getByTestId('items-count').innerText()).split(' ')[0]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(10);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('items-export').click()]);
    expect(download.suggestedFilename()).toBe('items.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM: Excel opens the Chinese names correctly
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(count + 1);
    expect(lines[0]).toContain('"Chinese name"');
    expect(csv).toMatch(/牛/);
  });

  it('keeps the user column state (sort) after a reload', async () => {
    await page.getByRole('textbox', { name: 'English name Filter Input' }).fill('');
    await page.waitForTimeout(900); // the state is saved 600 ms after the last change
    await page.reload();
    await page
      .getByTestId('items-count')
      .getByText(/^1\d\d rows$/)
      .waitFor();
    const codes = await firstCodes(page);
    expect(codes[0]! > codes[1]!).toBe(true);
  });

  it('shows the grid in Chinese, with the grid texts translated too', async () => {
    await new ShellScreen(page).switchLanguage('中文');
    await page.getByRole('columnheader', { name: '中文名' }).waitFor();
    await page
      .getByTestId('items-count')
      .getByText(/^共 1\d\d 行$/)
      .waitFor();
    await page
      .getByRole('columnheader', { name: '编码' })
      .getByText('编码')
      .click({ button: 'right' })
      .catch(() => undefined);
    // Still sorted by code, descending (the saved column state); names and units in Chinese.
    expect(await gridRowAt(page, 0)).toMatch(/^VEG-024 Bird's eye chillies 小米辣 蔬菜 克 1袋 = 5000克 /);
    await screenshot(page, 'items-zh');
    await new ShellScreen(page).navigate('设备');
    await page.getByRole('gridcell', { name: /冷库/ }).first().waitFor();
    await heading(page, '设备台账');
    expect(await gridRow(page, 'SH001-COOL-01')).toMatch(
      /^SH001-COOL-01 冷库 \(Walk-in cooler\) 制冷设备 .* 关键 海尔 Haier LK-12M /,
    );
    await screenshot(page, 'equipment-zh');
  });

  it('lets a manager read the audit log but not verify it; an admin verifies the chain', async () => {
    const shell = new ShellScreen(page);
    await shell.navigate('审计日志');
    await page.getByRole('gridcell', { name: 'demo.seed' }).waitFor();
    expect(await page.getByTestId('audit-verify').count()).toBe(0);
    await shell.signOut('退出登录');
    await new LoginScreen(page).signIn('admin', '1234');
    await shell.navigate('审计日志');
    await page.getByTestId('audit-verify').click();
    await page
      .getByTestId('audit-verify-result')
      .getByText(/^审计日志链完整：已校验 \d+ 条。$/)
      .waitFor();
    // Newest first: the admin's sign-in just now.
    expect(await gridRowAt(page, 0)).toMatch(/^\d+ \S+ \S+ admin session\.login /);
    await screenshot(page, 'audit-zh');
  });

  it('backs up on demand from the system screen', async () => {
    const shell = new ShellScreen(page);
    await shell.navigate('系统信息');
    await page.getByTestId('system-info').getByText(host.dataDir, { exact: true }).waitFor();
    await page.getByTestId('backup-now').click();
    await page.getByText(/备份已写入/).waitFor();
    await page.getByRole('gridcell', { name: '手动', exact: true }).waitFor();
    expect(await gridRow(page, '手动')).toMatch(
      /手动 \d+ KB .*\/backups\/store-\d{8}-\d{6}-\d{3}[+-]\d{4}-manual\.sqlite 恢复…$/,
    );
    await screenshot(page, 'system-zh');
  });
});
