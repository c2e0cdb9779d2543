import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSetUpBackend } from '../helpers/backend';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { gridRow, gridTotals } from './support/screen';

const KG = 1_000_000;
const YUAN = 10_000;
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

let browser: Browser;
let host: RunningHost;
let page: Page;
let fx: StockFixture;
const dir = mkdtempSync(join(tmpdir(), 'bo-e2e-reports-'));

/** A store with February's beef movements, posted through the ledger service before the host starts on the same directory. */
async function prepareStore() {
  const t = await openSetUpBackend({ dataDir: dir });
  fx = seedStockFixture(t);
  const { beef, rice } = fx.items;
  const { cooler, dry } = fx.areas;
  postStock(t, [
    {
      itemId: beef,
      areaId: cooler,
      kind: 'receipt',
      qty: 10 * KG,
      value: 800 * YUAN,
      occurredAt: at('2026-01-20T10:00:00'),
    },
    {
      itemId: rice,
      areaId: dry,
      kind: 'receipt',
      qty: 50 * KG,
      value: 250 * YUAN,
      occurredAt: at('2026-01-05T10:00:00'),
    },
    {
      itemId: beef,
      areaId: cooler,
      kind: 'receipt',
      qty: 10 * KG,
      value: 1000 * YUAN,
      occurredAt: at('2026-02-05T08:00:00'),
    },
    { itemId: beef, areaId: cooler, kind: 'issue', qty: 4 * KG, occurredAt: at('2026-02-10T12:00:00') },
    {
      itemId: beef,
      areaId: cooler,
      kind: 'waste',
      qty: 1 * KG,
      reason: 'spoiled',
      occurredAt: at('2026-02-28T23:30:00'),
    },
  ]);
  t.close();
}

beforeAll(async () => {
  await prepareStore();
  [browser, host] = await Promise.all([launchBrowser(), startHost([], dir)]);
  ({ page } = await newPage(browser, 'en-US'));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const cell = (itemId: string, col: string) => page.locator(`.ag-row[row-id="${itemId}"] [col-id="${col}"]`).first();
const scrollGrid = (left: number) =>
  page.locator('.ag-body-horizontal-scroll-viewport').evaluate((e, x) => (e.scrollLeft = x), left);

describe('inventory reports', () => {
  it('shows the period summary with the hand-computed February figures (English)', async () => {
    await page.goto(host.url);
    await new LoginScreen(page).signIn('boss', '1234');
    await page.getByTestId('home-title').waitFor();
    await new ShellScreen(page).navigate('Stock summary');
    await page.getByTestId('report-title').getByText('Period stock summary').waitFor();
    await page.goto(`${host.url}/#/reports/summary?from=2026-02-01&to=2026-02-28`);
    await page.getByTestId('report-subtitle').getByText('2026-02-01 to 2026-02-28').waitFor();
    await expect.poll(() => cell(fx.items.beef, 'openingValue').innerText()).toBe('800.00');
    expect(await cell(fx.items.beef, 'openingQty').innerText()).toBe('10000');
    expect(await cell(fx.items.beef, 'receiptValue').innerText()).toBe('1000.00');
    expect(await gridRow(page, 'T-BEEF')).toMatch(
      /^T-BEEF Beef rolls test g 10000 800\.00 10000 1000\.00 0 0\.00 0 0\.00/,
    );
    expect(await gridRow(page, 'T-RICE')).toMatch(/^T-RICE Rice test g 50000 250\.00 0 0\.00 /);
    expect(await gridTotals(page)).toMatch(/^Total 1050\.00 1000\.00 0\.00 0\.00/);
    await screenshot(page, 'report-summary-en');
    await scrollGrid(700); // the grid renders only the columns in view
    await expect.poll(() => cell(fx.items.beef, 'usageValue').innerText()).toBe('360.00');
    await scrollGrid(2000);
    await expect.poll(() => cell(fx.items.beef, 'closingValue').innerText()).toBe('1350.00');
    expect(await cell(fx.items.beef, 'wasteValue').innerText()).toBe('90.00');
    expect(await cell(fx.items.beef, 'closingQty').innerText()).toBe('15000');
    // Totals row: beef ¥1350 + rice ¥250.
    expect(await page.locator('.ag-row-pinned [col-id="closingValue"]').first().innerText()).toBe('1600.00');
  });

  it('exports the summary as a real XLSX workbook with the same figures', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-summary-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('stock-summary-2026-02-01-2026-02-28.xlsx');
    const buf = readFileSync((await download.path())!);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const beef = (ws.getRow(4).values as unknown[]).slice(1);
    expect(beef[0]).toBe('T-BEEF');
    expect(beef[header.indexOf('Closing value')]).toBe(1350);
    expect(beef[header.indexOf('Closing qty')]).toBe(15000);
    // Money cells read like the screen: the store's currency (CNY, shown to an English reader as CN¥).
    expect(ws.getRow(4).getCell(header.indexOf('Closing value') + 1).numFmt).toBe('"CN¥"#,##0.00');
    const totals = (ws.getRow(ws.rowCount).values as unknown[]).slice(1);
    expect(totals[0]).toBe('Total');
    expect(totals[header.indexOf('Closing value')]).toBe(1600);
  });

  it('shows the summary, valuation and waste in Chinese', async () => {
    await new ShellScreen(page).switchLanguage('中文');
    await page.getByRole('columnheader', { name: '期初金额' }).waitFor();
    await expect.poll(() => cell(fx.items.beef, 'openingValue').innerText()).toBe('800.00');
    await page.getByTestId('report-title').getByText('进销存汇总表').waitFor();
    await page.getByTestId('report-subtitle').getByText('2026-02-01 至 2026-02-28').waitFor();
    expect(await gridRow(page, 'T-BEEF')).toMatch(/^T-BEEF 肥牛卷 test g 10000 800\.00 10000 1000\.00 /);
    expect(await gridTotals(page)).toMatch(/^合计 1050\.00 1000\.00 /);
    await screenshot(page, 'report-summary-zh');
    await page.getByText('按类别', { exact: true }).click();
    await page.getByRole('columnheader', { name: '期末金额' }).waitFor();
    // One category: opening 1050, received 1000, used 360, wasted 90, closing 1600.
    expect(await gridRow(page, 'test')).toBe('test 2 1050.00 1000.00 0.00 0.00 360.00 90.00 0.00 0.00 1600.00');
    await screenshot(page, 'report-summary-categories-zh');

    await page.goto(`${host.url}/#/reports/valuation?day=2026-02-09`);
    await page.getByTestId('report-subtitle').getByText('截至 2026-02-09 日终').waitFor();
    await expect.poll(() => cell(fx.items.beef, 'value').innerText()).toBe('1800.00');
    expect(await gridRow(page, 'T-BEEF')).toBe('T-BEEF 肥牛卷 test g 20000 0.09 1800.00');
    expect(await gridRow(page, 'T-RICE')).toBe('T-RICE 大米 test g 50000 0.01 250.00');
    expect(await gridTotals(page)).toMatch(/^合计 .*2050\.00$/);
    await screenshot(page, 'report-valuation-zh');

    await page.goto(`${host.url}/#/reports/waste?from=2026-02-01&to=2026-02-28`);
    await page.getByRole('gridcell', { name: '90.00' }).first().waitFor();
    await page.getByTestId('report-title').getByText('报损分析表').waitFor();
    // The built-in waste reasons are seeded when the store opens, so the code reads as its Chinese name.
    expect(await gridRow(page, '变质')).toBe('变质 1 1 90.00');
    expect(await gridTotals(page)).toBe('合计 1 1 90.00');
    await screenshot(page, 'report-waste-zh');
  });
});
