import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';

let browser: Browser;
let host: RunningHost;

/**
 * An item of our own at no stock below its reorder point, sold by the demo's
 * vegetable supplier (preferred), so "from reorder suggestions" has a known
 * line whatever the demo's simulated stock is.
 */
function seedOwn(dataDir: string) {
  const db = new Database(join(dataDir, 'store.sqlite'));
  db.pragma('busy_timeout = 5000');
  const now = Date.now();
  const item = uuidv7();
  db.prepare(
    `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order,
       reorder_point, par_level, created_at, updated_at)
     VALUES (?, 'E2E-LEEK', '测试韭菜', 'Test leek', 'vegetables', 'g', 1, 0, 0, 5000000, 20000000, ?, ?)`,
  ).run(item, now, now);
  const sup = db.prepare("SELECT id FROM suppliers WHERE code = 'SUP-003'").get() as { id: string };
  db.prepare(
    `INSERT INTO supplier_items (id, supplier_id, item_id, supplier_code, pack_unit, pack_qty, price, preferred, active,
       created_at, updated_at) VALUES (?, ?, ?, 'JQ-LEEK', '筐', 5000000, 300000, 1, 1, ?, ?)`,
  ).run(uuidv7(), sup.id, item, now, now);
  db.close();
  return { item };
}

async function pick(page: Page, testId: string, search: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

async function signIn(page: Page) {
  await page.goto(host.url);
  await page.getByTestId('login-username').waitFor();
  await new LoginScreen(page).signIn('admin', '1234');
  await page.getByTestId('home-title').waitFor();
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function download(page: Page, testId: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('suppliers and purchase orders in the browser', () => {
  it('creates an order by hand, approves and exports it; makes drafts from reorder suggestions (zh-CN)', async () => {
    const own = seedOwn(host.dataDir);
    const { page } = await newPage(browser, 'zh-CN');
    await signIn(page);
    const shell = new ShellScreen(page);

    await shell.navigate('供应商');
    await page.getByRole('gridcell', { name: '上海鲜达肉类批发有限公司' }).waitFor();
    await page.getByTestId('catalogue-SUP-001').click();
    await page.getByTestId('catalogue-drawer').getByRole('gridcell', { name: '肥牛卷' }).waitFor();
    await screenshot(page, 'suppliers-catalogue-zh');
    await page.keyboard.press('Escape');
    await page.getByTestId('catalogue-drawer').waitFor({ state: 'hidden' });

    // A duplicate supplier code is refused next to the field, in Chinese.
    await page.getByTestId('suppliers-add').click();
    await page.getByTestId('supplier-code').fill('sup-001');
    await page.getByTestId('supplier-name').fill('重复的供应商');
    await page.getByTestId('supplier-min-order').fill('300');
    await page.getByTestId('supplier-save').click();
    await page.getByTestId('supplier-form').getByText('供应商编码 sup-001 已被使用。').waitFor();
    await screenshot(page, 'supplier-duplicate-zh');
    await page.keyboard.press('Escape');

    await shell.navigate('采购订单');
    await page.getByRole('gridcell', { name: '部分到货' }).waitFor();
    await screenshot(page, 'purchase-orders-zh');

    // By hand: supplier, one line from its catalogue (the price comes from it), save and approve.
    await page.getByTestId('po-new').click();
    await pick(page, 'po-new-supplier', 'SUP-001', 'SUP-001');
    await page.getByTestId('po-new-ok').click();
    await page.getByTestId('po-form').waitFor();
    await page.getByTestId('po-add-line').click();
    await pick(page, 'po-line-0-item', 'MEAT-002', 'MEAT-002');
    await expect.poll(() => page.getByTestId('po-line-0-price').inputValue()).not.toBe('');
    await page.getByTestId('po-line-0-packs').fill('2');
    await page.getByTestId('po-add-line').click();
    await pick(page, 'po-line-1-item', 'MEAT-005', 'MEAT-005');
    await page.getByTestId('po-line-1-packs').fill('1.5');
    await page
      .getByTestId('po-draft-total')
      .getByText(/合计 ¥[\d,]+\.\d\d/)
      .waitFor();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await screenshot(page, 'purchase-order-edit-zh');
    await page.getByTestId('po-approve').click();
    await page.getByTestId('po-status').getByText('已审核').waitFor();
    const number = (await page.getByTestId('po-number').textContent())!;
    expect(number).toMatch(/^PO-\d{4}-\d{4}$/);
    await page.getByRole('gridcell', { name: '羊肉卷' }).waitFor();

    const xlsx = await download(page, 'po-xlsx');
    expect(xlsx.name).toBe(`${number}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await download(page, 'po-pdf');
    expect(pdf.name).toBe(`${number}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'purchase-order-approved-zh');
    await page.emulateMedia({ media: 'print' });
    await page.getByTestId('po-print').getByText(number).waitFor();
    await screenshot(page, 'purchase-order-print-zh');
    await page.emulateMedia({ media: 'screen' });

    // From the reorder suggestions: one draft per supplier; our leek goes to its preferred supplier.
    await page.getByTestId('po-number').waitFor();
    await shell.navigate('采购订单');
    await page.getByTestId('po-from-reorder').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '按补货建议生成' }).click();
    await page
      .getByTestId('from-reorder-result')
      .getByText(/已生成草稿订单/)
      .waitFor();
    await screenshot(page, 'purchase-orders-from-reorder-zh');
    const drafts = await shell.callApi('po.list', { status: ['draft'] });
    const rows = (drafts.body as unknown as { value: { id: string; source: string; supplierCode: string }[] }).value;
    const veg = rows.find((r) => r.source === 'reorder' && r.supplierCode === 'SUP-003');
    expect(veg).toBeDefined();
    const detail = await shell.callApi('po.get', { id: veg!.id });
    const lines = (
      detail.body as unknown as { value: { lines: { itemId: string; packs: number; packUnit: string }[] } }
    ).value.lines;
    expect(lines.find((l) => l.itemId === own.item)).toMatchObject({ packs: 4000, packUnit: '筐' });
    await page.context().close();
  });

  it('shows the same screens in English, with the receipts of a partly received order', async () => {
    const { page } = await newPage(browser, 'en-US');
    await signIn(page);
    const shell = new ShellScreen(page);
    await shell.navigate('Suppliers');
    await page.getByRole('columnheader', { name: 'Lead time (days)' }).waitFor();
    await screenshot(page, 'suppliers-en');
    await shell.navigate('Purchase orders');
    await page.getByRole('gridcell', { name: 'Partly received' }).first().dblclick();
    await page
      .getByTestId('po-receipts')
      .getByText(/^RC-\d{4}-\d{4}$/)
      .first()
      .waitFor();
    await page.getByRole('columnheader', { name: 'Open' }).waitFor();
    await screenshot(page, 'purchase-order-partial-en');
    await page.context().close();
  });
});
