import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { gridRow, settled } from './support/screen';

let browser: Browser;
let host: RunningHost;
let page: Page;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
  ({ page } = await newPage(browser, 'zh-CN'));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Picks an option of an antd Select by its visible text. */
async function choose(p: Page, testId: string, option: string) {
  await p.getByTestId(testId).click();
  await p.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

describe('item master (Chinese, then English)', () => {
  it('creates an item with a purchase unit in Chinese and shows it in the grid', async () => {
    await page.goto(host.url);
    await new LoginScreen(page).signIn('admin', '1234');
    await page.getByTestId('home-title').waitFor();
    const shell = new ShellScreen(page);
    await shell.navigate('物料');
    await page
      .getByTestId('items-count')
      .getByText(/^共 1\d\d 行$/)
      .waitFor();
    await page.getByRole('gridcell', { name: '1箱 = 24个' }).first().waitFor(); // demo purchase units
    expect(await gridRow(page, 'BEV-001')).toMatch(
      /^BEV-001 青岛啤酒 Tsingtao beer 酒水饮料 个 1箱 = 24个 1箱 = 24个 /,
    );
    await screenshot(page, 'items-master-zh');

    await page.getByTestId('items-add').click();
    const form = page.getByTestId('item-form');
    await form.getByTestId('item-code').fill('E2E-001');
    await form.getByTestId('item-nameZh').fill('测试牛腩');
    await form.getByTestId('item-nameEn').fill('Test brisket');
    await choose(page, 'item-category', '肉类');
    await form.getByTestId('item-addUnit').click();
    await form.getByTestId('unit-0-unit').fill('箱');
    await form.getByTestId('unit-0-factor').fill('10000');
    await choose(page, 'item-qtyUnit', '箱');
    await form.getByTestId('item-par').fill('3'); // 3 箱 = 30 kg
    await form.getByTestId('item-reorder').fill('1');
    await settled(page);
    expect(await form.getByTestId('item-category').innerText()).toBe('肉类');
    expect(await form.getByTestId('item-qtyUnit').innerText()).toBe('箱');
    expect(await form.getByTestId('unit-0-factor').inputValue()).toBe('10000');
    expect(await form.getByTestId('item-par').inputValue()).toBe('3');
    await screenshot(page, 'item-dialog-zh');
    await page.getByTestId('item-save').click();
    await page.getByText('已新建物料 E2E-001。').waitFor();

    await page.getByRole('textbox', { name: /^编码 / }).fill('E2E');
    await page.getByRole('gridcell', { name: '测试牛腩' }).waitFor();
    await page.getByRole('gridcell', { name: '30000 克' }).waitFor();
    await page.getByRole('gridcell', { name: '1箱 = 10000克' }).waitFor();
  });

  it('refuses a duplicate code next to the field', async () => {
    await page.getByTestId('items-add').click();
    const form = page.getByTestId('item-form');
    await form.getByTestId('item-code').fill('E2E-001');
    await form.getByTestId('item-nameZh').fill('重复');
    await form.getByTestId('item-nameEn').fill('Duplicate');
    await choose(page, 'item-category', '肉类');
    await page.getByTestId('item-save').click();
    await form.getByText('物料编码 E2E-001 已被其他物料使用。').waitFor();
    // Close the dialog with its Cancel button (Escape is not reliable while focus is inside a select).
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await form.waitFor({ state: 'detached' });
  });

  it('switches to English and exports the item file as CSV', async () => {
    await new ShellScreen(page).switchLanguage('English');
    await page.getByRole('gridcell', { name: '1 箱 = 24 pc' }).first().waitFor();
    expect(await gridRow(page, 'BEV-001')).toMatch(/^BEV-001 Tsingtao beer 青岛啤酒 Beverages pc 1 箱 = 24 pc /);
    await screenshot(page, 'items-master-en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('items-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^items-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\nE2E-001,测试牛腩,Test brisket,meat,g,箱,10000,,,,,0,,30000,10000,no,yes\r\n');
    expect(csv.split('\r\n').filter(Boolean).length).toBeGreaterThan(100);
  });

  it('checks an import file and shows the row-by-row report, importing nothing', async () => {
    const file = [
      'code,name_zh,name_en,category,base_unit,purchase_unit,purchase_factor',
      'E2E-002,测试羊排,Lamb ribs,meat,g,箱,10000',
      'E2E-003,测试鸡翅,Wings,meat,kgs,,',
      'E2E-002,测试鸡腿,Legs,fish,g,,',
    ].join('\r\n');
    const checkFile = async () => {
      await page.getByTestId('items-import').click();
      await page
        .locator('.ant-modal input[type=file]')
        .setInputFiles({ name: 'new-items.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
      await page.getByText('new-items.csv').waitFor();
      await page.getByTestId('import-check').click();
    };
    await checkFile();
    const report = page.getByTestId('import-report');
    await report.getByText('3 problems found; nothing was imported.', { exact: false }).waitFor();
    await report.getByRole('gridcell', { name: 'unknown unit "kgs" (use g, ml or pc)' }).waitFor();
    await report.getByRole('gridcell', { name: 'duplicate code E2E-002 in the file (first on row 2)' }).waitFor();
    await report.getByRole('gridcell', { name: /Category "fish" does not exist/ }).waitFor();
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await screenshot(page, 'items-import-report-en');

    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached' });
    await new ShellScreen(page).switchLanguage('中文');
    await checkFile();
    await report.getByRole('gridcell', { name: '未知单位“kgs”（只能是 g、ml 或 pc）' }).waitFor();
    await screenshot(page, 'items-import-report-zh');
    await page.keyboard.press('Escape');

    const found = await new ShellScreen(page).callApi('items.list');
    expect(JSON.stringify(found)).not.toContain('E2E-002');
  });

  it('shows storage areas and categories in both languages', async () => {
    const shell = new ShellScreen(page);
    await shell.navigate('库位');
    await page.getByRole('gridcell', { name: '冻库' }).waitFor();
    expect(await gridRow(page, 'FRZ')).toMatch(/^FRZ 冻库 Freezer \d+ \d+ 启用 /);
    expect(await gridRow(page, 'COOL')).toMatch(/^COOL 冷库 Walk-in cooler \d+ \d+ 启用 /);
    await screenshot(page, 'storage-areas-zh');
    await shell.navigate('物料类别');
    await page.getByRole('gridcell', { name: '酒水饮料' }).waitFor();
    await shell.switchLanguage('English');
    await page.getByText('Item categories').waitFor();
    expect(await gridRow(page, 'seafood')).toMatch(/^seafood 水产 Seafood \d+ \d+ Edit$/);
    expect(await gridRow(page, 'meat')).toMatch(/^meat 肉类 Meat \d+ \d+ Edit$/);
    await screenshot(page, 'item-categories-en');
  });
});
