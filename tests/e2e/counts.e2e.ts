import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { receiveStock } from './support/receive';
import { gridRow, gridRowAt } from './support/screen';

let browser: Browser;
let host: RunningHost;
let page: Page;
let shell: ShellScreen;

const KG = 1_000_000;
/** What the test counts: a demo item in an area of its own, so other demo stock does not matter. */
const fx = { areaId: '', itemId: '', code: '', unit: '', factor: 0 };

/** The area and a count unit go straight into the store's database (the host has it open in WAL mode). */
function prepareStore(dataDir: string) {
  const db = new Database(join(dataDir, 'store.sqlite'));
  db.pragma('busy_timeout = 5000');
  try {
    const now = Date.now();
    fx.areaId = uuidv7();
    db.prepare(
      `INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at)
       VALUES (?, 'E2E-CNT', '盘点测试冷库', 'Count test cooler', 999, 1, ?, ?)`,
    ).run(fx.areaId, now, now);
    // A weighed item without lots, whatever the demo seed sets up.
    const item = db
      .prepare(
        "SELECT id, code FROM items WHERE base_unit = 'g' AND lot_tracked = 0 AND active = 1 ORDER BY code LIMIT 1",
      )
      .get() as { id: string; code: string };
    fx.itemId = item.id;
    fx.code = item.code;
    const unit = db
      .prepare(
        `SELECT unit, factor FROM item_units WHERE item_id = ? AND factor > 1000
          AND lower(unit) NOT IN ('kg', 'g', '克', '千克', '公斤', '斤', '两') ORDER BY count DESC LIMIT 1`,
      )
      .get(item.id) as { unit: string; factor: number } | undefined;
    if (unit) Object.assign(fx, unit);
    else {
      db.prepare("INSERT INTO item_units (item_id, unit, factor, purchase, count) VALUES (?, '箱', ?, 1, 1)").run(
        item.id,
        5 * KG,
      );
      Object.assign(fx, { unit: '箱', factor: 5 * KG });
    }
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
  prepareStore(host.dataDir);
  ({ page } = await newPage(browser, 'zh-CN'));
  shell = new ShellScreen(page);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('a stocktake from start to post (Chinese, then English)', () => {
  it('starts a count of one area after a receipt', async () => {
    await page.goto(host.url);
    await new LoginScreen(page).signIn('manager', '2345');
    await page.getByTestId('home-title').waitFor();
    await receiveStock(shell, fx.areaId, [
      { itemId: fx.itemId, qty: '10', unit: 'kg', price: 80 * 10_000, priceUnit: 'kg', temperature: -18 },
    ]);

    await shell.navigate('盘点');
    await page.getByRole('heading', { name: '盘点单' }).waitFor();
    await page.getByTestId('count-start').click();
    await page.getByTestId('count-areas').click();
    await page.keyboard.type('E2E-CNT');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const dialog = page.locator('.ant-modal');
    await dialog.getByText('新建盘点').waitFor();
    expect(await page.getByTestId('count-areas').innerText()).toContain('E2E-CNT · 盘点测试冷库');
    await dialog.getByText('过账前盘点人看不到账面数量。').waitFor();
    await screenshot(page, 'counts-start-zh');
    await page.getByRole('button', { name: '开始盘点' }).last().click();
    await page
      .getByTestId('count-number')
      .getByText(/^PD-\d{8}-\d\d$/)
      .waitFor();
    await page.getByRole('gridcell', { name: fx.code }).waitFor();
  });

  it('enters a mixed-unit count by keyboard and shows the variance', async () => {
    // 1 unit + 2.5 kg, against 10 kg booked.
    const counted = fx.factor + 2.5 * KG;
    const cell = page.locator('.ag-row[row-index="0"] [col-id="entry"]');
    // Typing on the focused cell opens the editor, as in a spreadsheet.
    await cell.click();
    await page.keyboard.type(`1 ${fx.unit} + 2.5 kg`);
    await page.keyboard.press('Enter');
    await page
      .locator('.ag-row[row-index="0"] [col-id="counted"]')
      .getByText(`${counted / 1000} g`)
      .waitFor();
    await page
      .locator('.ag-row[row-index="0"] [col-id="variance"]')
      .getByText(`${(counted - 10 * KG) / 1000} g`)
      .waitFor();
    const unit = fx.unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Book 10 kg; the entry as typed; counted and variance in grams; the variance's value in money.
    expect(await gridRow(page, fx.code)).toMatch(
      new RegExp(
        `^盘点测试冷库 ${fx.code} \\S+ 10000 g 10000 g 1 ${unit} \\+ 2\\.5 kg ${counted / 1000} g ${(counted - 10 * KG) / 1000} g -?\\d+\\.\\d\\d `,
      ),
    );
    await page.getByText('盘点中', { exact: true }).first().waitFor();
    await screenshot(page, 'counts-entry-zh');

    // A unit the item does not have: a clear message, nothing saved.
    await cell.click();
    await page.keyboard.type('3 桶');
    await page.keyboard.press('Enter');
    await page.getByText(/不认识的单位“桶”/).waitFor();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('.ag-row[row-index="0"] [col-id="entry"]').innerText())
      .toBe(`1 ${fx.unit} + 2.5 kg`);
  });

  it('prints a count sheet in walking order', async () => {
    await page.getByTestId('count-sheet').click();
    const sheet = page.getByTestId('count-sheet-table');
    await sheet.getByText(fx.code).waitFor();
    await page.getByText(/^盘点表 PD-\d{8}-\d\d$/).waitFor();
    // One line to count, with its book quantity and a blank to write in; signatures below.
    expect((await sheet.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(new RegExp(`^1 盘点测试冷库 ${fx.code} \\S+ .*10000 g$`)),
    ]);
    await page.getByText(/盘点人：_+\s*复核人：_+\s*日期：_+/).waitFor();
    await screenshot(page, 'counts-sheet-zh');
    await page.goBack();
  });

  it('posts with a confirmation of the totals and books the adjustment', async () => {
    await page.getByTestId('count-post').click();
    const totals = page.getByTestId('count-post-totals');
    await totals.waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation
    const text = await totals.innerText();
    expect(text).toMatch(/行数\s*1\s*已盘\s*1/);
    expect(text).toMatch(/调整笔数\s*1/);
    // The value of the variance, in the store's currency.
    expect(text).toMatch(/差异金额\s*-?¥[\d,]+\.\d\d/);
    await screenshot(page, 'counts-post-zh');
    await page.getByTestId('count-post-confirm').click();
    await page.getByText('已过账', { exact: true }).first().waitFor();

    const number = await page.getByTestId('count-number').innerText();
    const list = await shell.callApi('counts.list', {});
    const count = (list.body as unknown as { value: { id: string; number: string }[] }).value.find(
      (c) => c.number === number,
    )!;
    const moves = await shell.callApi('stock.moves', { docType: 'count', docId: count.id });
    const rows = (moves.body as unknown as { value: { rows: { kind: string; qty: number }[] } }).value.rows;
    expect(rows).toEqual([expect.objectContaining({ kind: 'count_adjust', qty: fx.factor + 2.5 * KG - 10 * KG })]);
  });

  it('shows the posted count and the list in English', async () => {
    await shell.switchLanguage('English');
    await page.getByRole('columnheader', { name: 'Variance value' }).waitFor();
    await page.getByText('Posted', { exact: true }).first().waitFor();
    expect(await gridRow(page, fx.code)).toMatch(
      new RegExp(`^Count test cooler ${fx.code} \\S+ 10000 g 10000 g .* 2\\.5 kg \\d+ g -?\\d+ g -?\\d+\\.\\d\\d `),
    );
    await screenshot(page, 'counts-posted-en');
    await page.getByRole('button', { name: 'All counts' }).click();
    await page.getByRole('heading', { name: 'Stocktakes' }).waitFor();
    await page.getByRole('gridcell', { name: 'Posted' }).first().waitFor();
    expect(await gridRowAt(page, 0)).toMatch(
      /^PD-\d{8}-\d\d Posted Count test cooler · all categories No 1 \/ 1 \S+ \S+ \S+ \S+ \S+$/,
    );
    await screenshot(page, 'counts-list-en');
  });
});
