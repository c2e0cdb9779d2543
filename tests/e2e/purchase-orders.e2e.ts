import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { gridRow, settled } from './support/screen';

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

/** Cents as a Chinese reader sees yuan: ¥2,424.20. */
const yuan = (cents: number) => `¥${(cents / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

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
    const drawer = page.getByTestId('catalogue-drawer');
    await drawer.getByRole('gridcell', { name: '肥牛卷' }).waitFor();
    await drawer.getByText('供货目录 · SUP-001 上海鲜达肉类批发有限公司').waitFor();
    await drawer.getByRole('columnheader', { name: '每包装价格（¥）' }).waitFor();
    // The pack price and the same price per kg (a 10 kg box).
    const offer = await gridRow(drawer, 'MEAT-001');
    const [, pack, perKg] = /^MEAT-001 肥牛卷 XD-M001 箱 = 10 kg ([\d.]+) ¥([\d.]+)\/kg 首选 启用/.exec(offer) ?? [];
    expect(Number(perKg) * 10).toBeCloseTo(Number(pack), 2);
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
    await page.getByTestId('supplier-form').getByText('起订金额（¥）').waitFor();
    expect(await page.getByTestId('supplier-min-order').inputValue()).toBe('300');
    await screenshot(page, 'supplier-duplicate-zh');
    await page.keyboard.press('Escape');

    await shell.navigate('采购订单');
    await page.getByRole('gridcell', { name: '部分到货' }).waitFor();
    expect(await gridRow(page, '部分到货')).toMatch(
      /^PO-\d{4}-\d{4} 部分到货 SUP-001 上海鲜达肉类批发有限公司 \S+ \S+ \d+ ¥[\d,]+\.\d\d ¥[\d,]+\.\d\d 手工 /,
    );
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
    // The total is the lines' packs times their catalogue prices, in yuan.
    const cents = async (n: number) =>
      Math.round(Number(await page.getByTestId(`po-line-${n}-price`).inputValue()) * 100);
    const total = 2 * (await cents(0)) + 1.5 * (await cents(1));
    expect(await page.getByTestId('po-draft-total').innerText()).toBe(`合计 ${yuan(total)}`);
    await page.getByTestId('po-form').getByText('MEAT-002 羊肉卷 · 箱').waitFor();
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
    const value = await page.getByTestId('po-value').innerText();
    expect(value).toMatch(/^¥[\d,]+\.\d\d$/);
    expect(await gridRow(page, 'MEAT-002')).toMatch(
      /^1 MEAT-002 羊肉卷 XD-M002 2 箱 10 kg ¥[\d,.]+ ¥[\d,.]+ 20 kg 0 g 20 kg$/,
    );
    expect(await gridRow(page, 'MEAT-005')).toMatch(
      /^2 MEAT-005 黄喉 XD-M005 1\.5 箱 10 kg ¥[\d,.]+ ¥[\d,.]+ 15 kg 0 g 15 kg$/,
    );
    await screenshot(page, 'purchase-order-approved-zh');
    await page.emulateMedia({ media: 'print' });
    const print = page.getByTestId('po-print');
    await print.getByText(number).waitFor();
    await print.getByText('状态：已审核').waitFor();
    await print.getByText('供应商：SUP-001 上海鲜达肉类批发有限公司').waitFor();
    expect((await print.locator('tr').filter({ hasText: '合计（¥）' }).innerText()).replace(/\s+/g, ' ').trim()).toBe(
      `合计（¥） ${value}`,
    );
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
    // One draft per supplier, the leek's vegetable supplier among them.
    await page
      .getByTestId('from-reorder-result')
      .getByText(/PO-\d{4}-\d{4} \(上海江桥蔬菜配送有限公司\)/)
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
    await page.getByRole('columnheader', { name: 'Minimum order (CN¥)' }).waitFor();
    expect(await gridRow(page, 'SUP-001')).toMatch(
      /^SUP-001 上海鲜达肉类批发有限公司 张建国 021-56781234 1 Mon Wed Fri 800\.00 \d+ \d+ Active /,
    );
    await screenshot(page, 'suppliers-en');
    await shell.navigate('Purchase orders');
    await page.getByRole('gridcell', { name: 'Partly received' }).first().dblclick();
    await page
      .getByTestId('po-receipts')
      .getByText(/^RC-\d{4}-\d{4}$/)
      .first()
      .waitFor();
    await page.getByRole('columnheader', { name: 'Open' }).waitFor();
    await page.getByTestId('po-status').getByText('Partly received').waitFor();
    // Ordered, received and still open per line, in English, amounts in the store's currency.
    expect(await gridRow(page, 'MEAT-002')).toMatch(
      /^2 MEAT-002 Lamb rolls XD-M002 2 箱 10 kg CN¥[\d,.]+ CN¥[\d,.]+ 20 kg 10 kg 10 kg$/,
    );
    expect(await page.getByTestId('po-receipts').innerText()).toMatch(
      /RC-\d{4}-\d{4}\s+\S+\s+Finished\s+2 \/ 2\s+CN¥[\d,]+\.\d\d/,
    );
    await screenshot(page, 'purchase-order-partial-en');
    await page.context().close();
  });

  it('shows and exports amounts in US dollars once the store’s currency is switched to USD (zh-CN)', async () => {
    const { page } = await newPage(browser, 'zh-CN');
    await signIn(page);
    const shell = new ShellScreen(page);
    await shell.navigate('采购订单');
    await page.getByRole('gridcell', { name: '部分到货' }).waitFor();
    expect(await gridRow(page, '部分到货')).toMatch(/ ¥[\d,]+\.\d\d ¥[\d,]+\.\d\d /);

    await shell.navigate('门店设置');
    const currency = page.getByTestId('store-settings-form').locator('.ant-form-item').filter({ hasText: '币种' });
    await currency.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^USD$/ }).click();
    await page.getByTestId('store-settings-save').click();
    await page.getByText('已保存。').waitFor();

    await shell.navigate('采购订单');
    await page.getByRole('gridcell', { name: '部分到货' }).waitFor();
    expect(await gridRow(page, '部分到货')).toMatch(/ US\$[\d,]+\.\d\d US\$[\d,]+\.\d\d /);
    await page.getByRole('gridcell', { name: '部分到货' }).dblclick();
    const value = await page.getByTestId('po-value').innerText();
    expect(value).toMatch(/^US\$[\d,]+\.\d\d$/);
    await page
      .getByTestId('po-receipts')
      .getByText(/US\$[\d,]+\.\d\d/)
      .waitFor();
    await settled(page);
    await screenshot(page, 'purchase-order-usd-zh');

    // The spreadsheet for the supplier: money cells formatted in US$, the total labelled so.
    const xlsx = await download(page, 'po-xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as never);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(`${String(c.value)}|${c.numFmt ?? ''}`)));
    expect(cells).toContain('合计（US$）|');
    expect(cells.filter((c) => c.endsWith('|"US$"#,##0.00')).length).toBeGreaterThan(3);
    expect(cells.some((c) => c.includes('¥') || c.includes('元'))).toBe(false);
    await page.context().close();
  });
});
