import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { gridRow } from './support/screen';

/**
 * Supplier invoices end to end against the demo store: the demo's approved
 * vegetable order is received (through the API, one pack short), then in
 * Chinese an invoice is entered from the order with its first price raised,
 * matched (a price and a quantity discrepancy), claimed, the claim printed
 * and exported, the invoice approved less the claim; the import dialog's
 * row report; then the list in English.
 */
let browser: Browser;
let host: RunningHost;

async function pick(page: Page, testId: string, search: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Waits for the toasts to go, so the screenshots show the screen. */
async function noToasts(page: Page) {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
}

/** An amount as shown ('¥1,234.50', 'CN¥12.00', '-¥3.20') in cents. */
const cents = (s: string | null) => Math.round(Number(s!.replace(/[^\d.-]/g, '')) * 100);
/** Cents as a Chinese reader sees yuan: ¥2,424.20. */
const yuan = (c: number) => `¥${(c / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

async function signIn(page: Page) {
  await page.goto(host.url);
  await page.getByTestId('login-username').waitFor();
  await new LoginScreen(page).signIn('admin', '1234');
  await page.getByTestId('home-title').waitFor();
}

/** Calls the API with the page's session; the value, or a thrown error with the API's message. */
async function api<T>(shell: ShellScreen, method: string, input: unknown = {}): Promise<T> {
  const res = await shell.callApi(method, input);
  const body = res.body as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

async function download(page: Page, testId: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

interface PoLine {
  itemId: string;
  packs: number;
  packUnit: string;
}

/** Receives the demo's approved vegetable order: every line in full except the second, one pack short. */
async function receiveVegOrder(shell: ShellScreen): Promise<{ id: string; number: string }> {
  const pos = await api<{ id: string; number: string; supplierCode: string }[]>(shell, 'po.list', {
    status: ['approved'],
  });
  const po = pos.find((p) => p.supplierCode === 'SUP-003')!;
  const detail = await api<{ lines: PoLine[] }>(shell, 'po.get', { id: po.id });
  const areas = await api<{ id: string; code: string }[]>(shell, 'areas.list');
  const r = await api<{ id: string }>(shell, 'receipts.open', {
    poId: po.id,
    areaId: areas.find((a) => a.code === 'COOL')!.id,
  });
  for (const [n, l] of detail.lines.entries()) {
    const packs = l.packs / 1000 - (n === 1 ? 1 : 0);
    const line = await api<{ id: string }>(shell, 'receipts.addLine', {
      receiptId: r.id,
      line: { itemId: l.itemId, qty: String(packs), unit: l.packUnit, temperature: 3.5 },
    });
    await api(shell, 'receipts.postLine', { lineId: line.id, confirm: true });
  }
  await api(shell, 'receipts.finish', { receiptId: r.id });
  return po;
}

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('supplier invoices in the browser', () => {
  it('enters an invoice from a demo order, finds its discrepancies, claims and approves it (zh-CN)', async () => {
    const { page } = await newPage(browser, 'zh-CN');
    await signIn(page);
    const shell = new ShellScreen(page);
    const po = await receiveVegOrder(shell);

    await shell.navigate('供应商发票');
    await page.getByRole('gridcell', { name: '有争议' }).waitFor();
    await page.getByRole('gridcell', { name: '已匹配' }).waitFor();
    expect(await gridRow(page, '有争议')).toMatch(
      /^\d+ 有争议 SUP-001 上海鲜达肉类批发有限公司 \S+ PO-\d{4}-\d{4} ¥[\d,]+\.\d\d 待发送CL-\d{4}-\d{4} ¥[\d,]+\.\d\d 手工录入$/,
    );
    await screenshot(page, 'invoices-zh');

    // A new invoice from the order: its lines come as ordered.
    await page.getByTestId('invoices-new').click();
    await pick(page, 'invoice-new-supplier', 'SUP-003', 'SUP-003');
    await page.getByTestId('invoice-new-number').fill('31990421');
    await pick(page, 'invoice-new-po', '', po.number);
    await page.getByTestId('invoice-new-ok').click();
    await page.getByTestId('invoice-form').waitFor();
    expect(await page.getByTestId('invoice-number').textContent()).toBe('31990421');
    await page.getByTestId('invoice-line-3').waitFor();

    // The supplier billed the first vegetable 10% dearer; the amount follows the price.
    const priceInput = page.getByTestId('invoice-line-0-price');
    const agreed = Number(await priceInput.inputValue());
    await priceInput.fill((Math.round(agreed * 110) / 100).toFixed(2));
    await page.getByTestId('invoice-line-0-total').fill('');
    await page.getByTestId('invoice-line-0-rate').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '9%' }).click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    // The lines' own sums, tax included, as the form computes them from what was typed.
    const sums = /^各行合计：金额 (¥[\d,.]+) \+ 税额 (¥[\d,.]+) = (¥[\d,.]+)$/.exec(
      await page.getByTestId('invoice-lines-total').innerText(),
    );
    expect(sums).not.toBeNull();
    expect(cents(sums![1]!) + cents(sums![2]!)).toBe(cents(sums![3]!));
    expect(await priceInput.inputValue()).toBe((Math.round(agreed * 110) / 100).toFixed(2));
    await screenshot(page, 'invoice-edit-zh');

    await page.getByTestId('invoice-match-button').click();
    const issues = page.getByTestId('invoice-discrepancies');
    await issues.getByText(/高于约定价/).waitFor();
    await issues.getByText(/多开 1 /).waitFor();
    await page.getByTestId('match-line-3').getByText('一致').waitFor();
    expect(await page.getByTestId('invoice-status').textContent()).toBe('草稿');
    await page.getByTestId('invoice-match').scrollIntoViewIfNeeded();
    // Invoiced = matched + disputed, all in yuan.
    const match = (await page.getByTestId('invoice-match').innerText()).replace(/\s+/g, ' ');
    const [, invoiced, matched, disputed] =
      /发票金额 (¥[\d,.]+) 一致金额 (¥[\d,.]+) 争议金额 (¥[\d,.]+)/.exec(match) ?? [];
    expect(cents(invoiced!)).toBe(cents(matched!) + cents(disputed!));
    expect(cents(disputed!)).toBeGreaterThan(0);
    await noToasts(page);
    await screenshot(page, 'invoice-match-zh');

    // The claim: both discrepancies, with a note for the supplier.
    await page.getByTestId('invoice-claim').click();
    await page.getByTestId('claim-form').waitFor();
    await page.getByTestId('claim-note').fill('请开具红字发票');
    // Both discrepancies are offered, ticked; the claim is their sum.
    const form = page.getByTestId('claim-form');
    const offered = await form.locator('.ant-checkbox-wrapper').allInnerTexts();
    expect(offered).toEqual([
      expect.stringMatching(/^¥[\d.]+ · 第 1 行 · VEG-001 \S+: 单价 ¥[\d.]+\/袋 高于约定价/),
      expect.stringMatching(/^¥[\d.]+ · 第 2 行 · VEG-002 \S+: 开票 3 袋，但已收货且未开票的只有 2 袋/),
    ]);
    expect(await form.locator('.ant-checkbox-wrapper-checked').count()).toBe(2);
    const claimSum = offered.reduce((s, o) => s + cents(/^(¥[\d.]+)/.exec(o)![1]!), 0);
    expect(await page.getByTestId('claim-amount').innerText()).toBe(`索赔 ${yuan(claimSum)}`);
    await screenshot(page, 'invoice-claim-pick-zh');
    await page.getByTestId('claim-ok').click();
    await page.getByTestId('claim-number').waitFor();
    const claimNumber = (await page.getByTestId('claim-number').textContent())!;
    expect(claimNumber).toMatch(/^CL-\d{4}-\d{4}$/);
    expect(await page.getByTestId('claim-status').textContent()).toBe('待发送');
    await page
      .getByTestId('claim-lines')
      .getByText(/高于约定价/)
      .waitFor();
    const claimTotal = await page.getByTestId('claim-amount-total').innerText();
    expect(cents(claimTotal)).toBe(claimSum);
    expect((await page.getByTestId('claim-lines').innerText()).replace(/\s+/g, ' ')).toContain(
      `索赔合计（¥） ${claimTotal.slice(1)}`,
    );
    await noToasts(page);
    await screenshot(page, 'invoice-claim-zh');

    const xlsx = await download(page, 'claim-xlsx');
    expect(xlsx.name).toBe(`${claimNumber}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await download(page, 'claim-pdf');
    expect(pdf.name).toBe(`${claimNumber}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.emulateMedia({ media: 'print' });
    const print = page.getByTestId('claim-print');
    await print.getByText('发票差异索赔单').waitFor();
    await print.getByText(claimNumber).waitFor();
    await print.getByText(`请针对发票 31990421 开具 ${yuan(claimSum)} 的红字发票，或在付款时扣除。`).waitFor();
    await print.getByText('状态：待发送').waitFor();
    expect((await print.innerText()).replace(/\s+/g, ' ')).toContain(`索赔合计（¥） ${yuan(claimSum).slice(1)}`);
    await screenshot(page, 'invoice-claim-print-zh');
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('claim-sent').click();
    await page.getByTestId('claim-status').getByText('已发送').waitFor();
    const claimAmount = await page.getByTestId('claim-amount-total').textContent();

    // Back on the invoice: disputed; approved for payment less the claim.
    await page.getByRole('button', { name: '发票 31990421' }).click();
    await page.getByTestId('invoice-status').getByText('有争议').waitFor();
    const gross = await page.getByTestId('invoice-gross').textContent();
    await page.getByTestId('invoice-approve').click();
    await page.getByTestId('invoice-approve-ok').click();
    await page.getByTestId('invoice-status').getByText('已批准付款').waitFor();
    expect(cents(await page.getByTestId('invoice-approved-amount').textContent())).toBe(
      cents(gross) - cents(claimAmount),
    );

    // The import dialog checks a file row by row and imports nothing while anything is wrong.
    await shell.navigate('供应商发票');
    await page.getByTestId('invoices-import').click();
    await pick(page, 'invoice-import-supplier', 'SUP-003', 'SUP-003');
    await page.getByTestId('invoice-import-number').fill('31990422');
    await pick(page, 'invoice-import-po', '', po.number);
    const csv = [
      '货号,品名,数量,单位,单价,税率',
      'JQ-V001,土豆,2,筐,abc,9%',
      'NOPE-1,,1,袋,10,13%',
      ',,1,件,5,150%',
    ].join('\r\n');
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '发票明细.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('发票明细.csv').waitFor();
    await page.getByTestId('invoice-import-check').click();
    const report = page.getByTestId('invoice-import-report');
    await report.getByText(/发现 \d+ 个问题，未导入任何内容/).waitFor();
    await report.getByRole('gridcell', { name: '“abc”不是金额（例如 12.50）' }).waitFor();
    await report.getByRole('gridcell', { name: '“150%”不是税率（例如 13%）' }).waitFor();
    expect(await page.getByTestId('invoice-import-run').isDisabled()).toBe(true);
    await noToasts(page);
    await screenshot(page, 'invoice-import-report-zh');
    await page.keyboard.press('Escape');
    const all = await api<{ number: string }[]>(shell, 'invoices.list', {});
    expect(all.map((i) => i.number)).not.toContain('31990422');
    await page.context().close();
  });

  it('shows the invoices and a disputed invoice in English', async () => {
    const { page } = await newPage(browser, 'zh-CN');
    await signIn(page);
    const shell = new ShellScreen(page);
    await shell.switchLanguage('English');
    await shell.navigate('Supplier invoices');
    await page.getByTestId('invoices-filter').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'All' }).click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByRole('gridcell', { name: 'Approved', exact: true }).waitFor();
    await page.getByRole('gridcell', { name: 'Matched', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Approved for payment' }).waitFor();
    // Approved for payment = the invoice less its claim, in the store's currency.
    const [, gross, claimed, approved] =
      /^31990421 Approved SUP-003 上海江桥蔬菜配送有限公司 \S+ PO-\d{4}-\d{4} (CN¥[\d,.]+) SentCL-\d{4}-\d{4} (CN¥[\d,.]+) (CN¥[\d,.]+) By hand$/.exec(
        await gridRow(page, '31990421'),
      ) ?? [];
    expect(cents(gross!) - cents(claimed!)).toBe(cents(approved!));
    await screenshot(page, 'invoices-en');

    await page.getByRole('gridcell', { name: 'Disputed', exact: true }).dblclick();
    await page.getByTestId('invoice-status').getByText('Disputed').waitFor();
    await page
      .getByTestId('invoice-discrepancies')
      .getByText(/is above the agreed/)
      .waitFor();
    await page.getByTestId('invoice-match').scrollIntoViewIfNeeded();
    const match = (await page.getByTestId('invoice-match').innerText()).replace(/\s+/g, ' ');
    const [, invoiced, matched, disputed] =
      /Invoiced (CN¥[\d,.]+) Matched (CN¥[\d,.]+) Disputed (CN¥[\d,.]+)/.exec(match) ?? [];
    expect(cents(invoiced!)).toBe(cents(matched!) + cents(disputed!));
    await page
      .getByTestId('invoice-discrepancies')
      .getByText(/1 箱 too many \(CN¥[\d,.]+\)/)
      .waitFor();
    await screenshot(page, 'invoice-disputed-en');
    await page.context().close();
  });
});
