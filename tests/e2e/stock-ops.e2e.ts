import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { receiveStock } from './support/receive';
import { gridHeaders, gridRow, gridRowAt, heading, settled } from './support/screen';

let browser: Browser;
let host: RunningHost;
const KG = 1_000_000;

/**
 * An area and a lot-tracked and a plain item of our own, written next to the
 * running host (WAL allows it), so the numbers do not depend on the demo data.
 */
function seedOwn(dataDir: string) {
  const db = new Database(join(dataDir, 'store.sqlite'));
  db.pragma('busy_timeout = 5000');
  const now = Date.now();
  const area = uuidv7();
  db.prepare(
    'INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?)',
  ).run(area, 'E2E', '测试冷库', 'Test cooler', now, now);
  const item = (code: string, zh: string, en: string, lot: number) => {
    const id = uuidv7();
    db.prepare(
      `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'meat', 'g', 1, ?, 0, ?, ?)`,
    ).run(id, code, zh, en, lot, now, now);
    return id;
  };
  const beef = item('E2E-BEEF', '测试肥牛', 'Test beef', 0);
  const fish = item('E2E-FISH', '测试鲈鱼', 'Test sea bass', 1);
  db.close();
  return { area, beef, fish };
}

async function pick(page: Page, testId: string, search: string, option: string) {
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

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('daily stock operations in the browser', () => {
  it('issues, refuses an issue beyond stock, records waste with a reason, and shows stock on hand change (zh-CN)', async () => {
    const own = seedOwn(host.dataDir);
    const { page } = await newPage(browser, 'zh-CN');
    await signIn(page);
    const shell = new ShellScreen(page);
    await receiveStock(shell, own.area, [
      { itemId: own.beef, qty: '20', unit: 'kg', price: 80_000, priceUnit: 'kg', temperature: -18 },
      {
        itemId: own.fish,
        qty: '3',
        unit: 'kg',
        price: 600_000,
        priceUnit: 'kg',
        lot: 'LATE-02',
        expiry: '2099-12-31',
        temperature: -18,
      },
      {
        itemId: own.fish,
        qty: '2',
        unit: 'kg',
        price: 600_000,
        priceUnit: 'kg',
        lot: 'SOON-01',
        expiry: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
        temperature: -18,
      },
    ]);

    await shell.navigate('领用');
    await pick(page, 'issue-area', '', 'E2E 测试冷库');
    await pick(page, 'line-0-item', 'E2E-BEEF', 'E2E-BEEF');
    await page.getByTestId('line-0-qty').fill('2');
    await page.getByTestId('add-line').click();
    await pick(page, 'line-1-item', 'E2E-FISH', 'E2E-FISH');
    // FEFO: the lot expiring first is suggested and pre-filled.
    await page
      .getByTestId('line-1-fefo')
      .getByText(/先到期先出：建议先出批号 SOON-01/)
      .waitFor();
    await page.getByTestId('line-1-qty').fill('0.5');
    await heading(page, '领用出库');
    expect(await page.getByTestId('issue-area').innerText()).toContain('测试冷库');
    expect(await page.getByTestId('line-0-item').innerText()).toContain('E2E-BEEF');
    expect(await page.getByTestId('line-0-qty').inputValue()).toBe('2');
    expect(await page.getByTestId('line-1-qty').inputValue()).toBe('0.5');
    await settled(page);
    await screenshot(page, 'stock-issue-zh');
    await page.getByTestId('issue-submit').click();
    await page.getByText(/已过账：2 条流水/).waitFor();

    // Beyond stock: the store blocks negative stock and says why, next to the line.
    await pick(page, 'line-0-item', 'E2E-BEEF', 'E2E-BEEF');
    await page.getByTestId('line-0-qty').fill('100');
    await page.getByTestId('issue-submit').click();
    await page
      .getByTestId('issue-form')
      .getByText(/^E2E-BEEF 库存不足：可用 18000 g，需要 100000 g。请先盘点或入库。$/)
      .waitFor();
    await screenshot(page, 'stock-issue-negative-zh');

    await shell.navigate('报损');
    await pick(page, 'waste-area', '', 'E2E 测试冷库');
    await pick(page, 'line-0-item', 'E2E-BEEF', 'E2E-BEEF');
    await page.getByTestId('line-0-qty').fill('0.5');
    await pick(page, 'line-0-reason', '', '变质');
    await heading(page, '报损登记');
    expect(await page.getByTestId('line-0-reason').innerText()).toBe('变质');
    expect(await page.getByTestId('line-0-qty').inputValue()).toBe('0.5');
    await settled(page);
    await screenshot(page, 'stock-waste-zh');
    await page.getByTestId('waste-submit').click();
    await page.getByText(/报损已登记：1 行/).waitFor();

    const onHand = await page.evaluate(async () => {
      const res = await fetch('/api/stock.onHand', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({}),
      });
      return ((await res.json()) as { value: { code: string; lot: string; qty: number }[] }).value;
    });
    const mine = onHand.filter((r) => r.code.startsWith('E2E-')).map((r) => [r.code, r.lot, r.qty]);
    expect(mine).toEqual([
      ['E2E-BEEF', '', 17.5 * KG],
      ['E2E-FISH', 'LATE-02', 3 * KG],
      ['E2E-FISH', 'SOON-01', 1.5 * KG],
    ]);

    await shell.navigate('库存结存');
    await pick(page, 'onhand-area', 'E2E', 'E2E 测试冷库');
    await page.getByRole('gridcell', { name: '17.5 kg' }).waitFor();
    await page.getByRole('gridcell', { name: '测试肥牛' }).waitFor();
    await page
      .getByTestId('expiry-badge')
      .getByText(/个批次临期或已过期/)
      .waitFor();
    expect(await gridRow(page, 'SOON-01')).toMatch(/E2E-FISH 测试鲈鱼 .*SOON-01 .*1\.5 kg/);
    expect(await gridRow(page, /E2E-BEEF/)).toBe('E2E-BEEF 测试肥牛 meat E2E 17.5 kg 140.00');
    // The area's value in the store's currency: 17.5 kg beef at ¥8/kg, 4.5 kg fish at ¥60/kg.
    expect(await page.getByTestId('onhand-total').innerText()).toBe('库存总金额：¥410.00');
    await settled(page);
    await screenshot(page, 'stock-onhand-zh');

    await shell.navigate('出入库流水');
    await heading(page, '出入库流水');
    // Newest first: the waste just recorded.
    await expect.poll(() => gridRowAt(page, 0)).toMatch(/报损 E2E-BEEF 测试肥牛 E2E -500 g -4\.00 变质 admin/);
    await screenshot(page, 'stock-moves-zh');
    await shell.navigate('临期');
    await heading(page, '临期与批次');
    expect(await gridRow(page, 'SOON-01')).toMatch(/E2E-FISH 测试鲈鱼 .*SOON-01 .*1\.5 kg/);
    await screenshot(page, 'stock-expiry-zh');
    await shell.navigate('调拨');
    await heading(page, '门店调拨');
    expect(await gridHeaders(page)).toEqual(expect.arrayContaining(['单号', '方向', '调出门店', '调入门店', '状态']));
    const transfers = await shell.value<{ number: string }[]>('ops.transfers', {});
    if (transfers[0]) await gridRow(page, transfers[0].number);
    await screenshot(page, 'stock-transfers-zh');
    await shell.navigate('补货建议');
    await heading(page, '补货建议');
    await page.getByText('库存不高于订货点的物品：补足到标准库存，并按采购包装向上取整。').waitFor();
    const reorder = await shell.value<{ code: string; packUnit: string; packs: number }[]>('ops.reorder', {});
    expect(reorder.length).toBeGreaterThan(0); // the demo store always has items at their reorder point
    expect(await gridRow(page, reorder[0]!.code)).toContain(`${reorder[0]!.packs} ${reorder[0]!.packUnit}`);
    await screenshot(page, 'stock-reorder-zh');
    await page.context().close();
  });

  it('shows the same screens in English', async () => {
    const { page } = await newPage(browser, 'en-US');
    await signIn(page);
    const shell = new ShellScreen(page);
    await shell.navigate('Stock on hand');
    // The demo store has hundreds of balances: narrow to this test's area first.
    await pick(page, 'onhand-area', 'E2E', 'E2E Test cooler');
    await page.getByRole('gridcell', { name: 'Test beef' }).first().waitFor();
    expect(await gridRow(page, /E2E-BEEF/)).toBe('E2E-BEEF Test beef meat E2E 17.5 kg 140.00');
    expect(await page.getByTestId('onhand-total').innerText()).toBe('Total value: CN¥410.00');
    await settled(page);
    await screenshot(page, 'stock-onhand-en');
    await shell.navigate('Movements');
    await heading(page, 'Movements');
    await expect.poll(() => gridRowAt(page, 0)).toMatch(/Waste E2E-BEEF Test beef E2E -500 g -4\.00 Spoiled admin/);
    await screenshot(page, 'stock-moves-en');
    await shell.navigate('Waste');
    await pick(page, 'waste-area', '', 'E2E Test cooler');
    await pick(page, 'line-0-item', 'E2E-FISH', 'E2E-FISH');
    await page
      .getByTestId('line-0-fefo')
      .getByText(/FEFO: take lot SOON-01 first/)
      .waitFor();
    await heading(page, 'Record waste');
    await settled(page);
    await screenshot(page, 'stock-waste-en');
    await shell.navigate('Issue');
    await heading(page, 'Issue / usage');
    expect(await page.getByTestId('issue-kind').innerText()).toBe('Issue / usage');
    await screenshot(page, 'stock-issue-en');
    await shell.navigate('Expiry');
    await heading(page, 'Expiry and lots');
    expect(await gridRow(page, 'SOON-01')).toMatch(/E2E-FISH Test sea bass .*SOON-01 .*1\.5 kg/);
    await screenshot(page, 'stock-expiry-en');
    await shell.navigate('Transfers');
    await heading(page, 'Transfers between stores');
    expect(await gridHeaders(page)).toEqual(expect.arrayContaining(['Number', 'Direction', 'From store', 'To store']));
    await screenshot(page, 'stock-transfers-en');
    await shell.navigate('Reorder');
    await heading(page, 'Reorder suggestions');
    const reorder = await new ShellScreen(page).value<{ code: string }[]>('ops.reorder', {});
    await gridRow(page, reorder[0]!.code);
    await screenshot(page, 'stock-reorder-en');
    await page.context().close();
  });
});
