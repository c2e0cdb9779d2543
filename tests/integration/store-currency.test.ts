import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../src-shared/i18n';
import { loadExcelJS } from '../../src-main/lib/exceljs';
import type { Ctx } from '../../src-main/services/context';
import { claimDocument } from '../../src-main/services/invoices/claim-document';
import { poDocument } from '../../src-main/services/procurement/po-document';
import type { TestBackend } from '../helpers/backend';
import { enterAndMatch, line, openInvoiceStore, receive, type InvoiceFixture } from '../helpers/invoices';
import { KG, YUAN } from '../helpers/procurement';

/**
 * The store's currency (store settings) is what orders, claims, match
 * messages and report workbooks show, for the PDF as for the XLSX: switching
 * a CNY store to USD or JPY changes them all at once. (Before, every amount
 * carried a hard-coded ¥ or "元" whatever the setting.)
 */
let fx: InvoiceFixture;
afterEach(() => fx?.t.close());

async function setCurrency(t: TestBackend, currency: string) {
  const { store, settings } = await t.call('store.get');
  const { code: _code, id: _id, ...rest } = store;
  await t.call('store.update', { store: { ...rest, currency }, settings });
}

/** The rows of an exported workbook as text, and the number format of every cell holding a number. */
async function workbook(base64: string) {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
  const rows: string[] = [];
  const numFmts = new Set<string>();
  wb.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v))).join('|'));
    row.eachCell((c) => {
      if (typeof c.value === 'number' && c.numFmt && !c.numFmt.includes('###')) numFmts.add(c.numFmt);
    });
  });
  return { text: rows.join('\n'), numFmts: [...numFmts] };
}

/** The document both the PDF and the XLSX are drawn from, as a caller in `locale` gets it. */
const ctx = (t: TestBackend, locale: Locale) => ({ db: t.backend.database.db, locale }) as unknown as Ctx;

/** A matched invoice with a claim: one box of beef billed that never came (CN¥400 + 9% tax). */
async function claimed() {
  fx = await openInvoiceStore();
  const { t, items, areas, po } = fx;
  await receive(t, po.id, areas.cooler, [
    { itemId: items.beef, qty: '2', unit: '箱' },
    { itemId: items.rice, qty: '2', unit: '袋' },
  ]);
  const inv = await enterAndMatch(fx, 'INV-9', [line(items.beef, '3', '箱', 400), line(items.rice, '2', '袋', 150)]);
  return { inv, claim: await t.call('invoices.createClaim', { invoiceId: inv.id }) };
}

describe('the store’s currency in documents and exports', () => {
  it('orders: the total’s label, the amounts’ decimals and the workbook’s money format follow the setting', async () => {
    const { claim } = await claimed();
    const { t, po } = fx;
    const order = await t.call('po.get', { id: po.id });
    const cny = poDocument(ctx(t, 'zh-CN'), order);
    expect(cny.totalLabel).toBe('合计（¥）');
    expect(cny.total).toBe('1500.00');
    const before = await workbook(
      (await t.call('po.export', { id: po.id, format: 'xlsx' }, { locale: 'zh-CN' })).base64,
    );
    expect(before.text).toMatch(/合计（¥）\|.*\|1500$/m);
    expect(before.numFmts).toEqual(['"¥"#,##0.00']);

    await setCurrency(t, 'USD');
    expect(poDocument(ctx(t, 'zh-CN'), order)).toMatchObject({ totalLabel: '合计（US$）', total: '1500.00' });
    expect(poDocument(ctx(t, 'en'), order).totalLabel).toBe('Total ($)');
    const usd = await workbook((await t.call('po.export', { id: po.id, format: 'xlsx' }, { locale: 'zh-CN' })).base64);
    expect(usd.text).toMatch(/合计（US\$）\|.*\|1500$/m);
    expect(usd.numFmts).toEqual(['"US$"#,##0.00']);
    const pdf = await t.call('po.export', { id: po.id, format: 'pdf' }, { locale: 'zh-CN' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // A currency without minor units: whole amounts, rounded like all costing.
    await setCurrency(t, 'JPY');
    const jpy = poDocument(ctx(t, 'en'), order);
    expect(jpy).toMatchObject({ totalLabel: 'Total (¥)', total: '1500' });
    expect(jpy.rows[0]!.cells.slice(-2)).toEqual(['400', '1200']);
    const claimDoc = claimDocument(ctx(t, 'en'), await t.call('claims.get', { id: claim.id }));
    expect(claimDoc.note).toContain('credit note (red-letter invoice) of ¥436 against invoice INV-9');
  });

  it('claims and match messages: the same claim reads in US$ once the store is switched', async () => {
    const { inv, claim } = await claimed();
    const { t } = fx;
    expect(claimDocument(ctx(t, 'zh-CN'), claim).note).toContain('开具 ¥436.00 的红字发票');
    expect(claim.lines[0]!.reasons).toEqual([
      'Billed 3 箱, but only 2 箱 was received and not yet billed: 1 箱 too many (CN¥400.00).',
    ]);

    await setCurrency(t, 'USD');
    const again = await t.call('claims.get', { id: claim.id }, { locale: 'zh-CN' });
    expect(again.lines[0]!.reasons).toEqual(['开票 3 箱，但已收货且未开票的只有 2 箱：多开 1 箱（US$400.00）。']);
    const doc = claimDocument(ctx(t, 'zh-CN'), again);
    expect(doc.totalLabel).toBe('索赔合计（US$）');
    expect(doc.fields).toContainEqual(['价税合计', 'US$1,635.00']);
    expect(doc.note).toContain('开具 US$436.00 的红字发票');
    const match = await t.call('invoices.get', { id: inv.id });
    expect(match.match!.lines[0]!.kinds[0]!.message).toContain('1 箱 too many ($400.00)');
    const xlsx = await workbook((await t.call('claims.export', { id: claim.id, format: 'xlsx' })).base64);
    expect(xlsx.text).toContain('Total claimed ($)');
    expect(xlsx.numFmts).toEqual(['"$"#,##0.00']);
  });

  it('report workbooks format money columns in the store’s currency', async () => {
    fx = await openInvoiceStore();
    const { t } = fx;
    const report = {
      title: 'Stock summary',
      columns: [
        { key: 'code', header: 'Code', type: 'text' as const },
        { key: 'qty', header: 'Qty', type: 'qty' as const },
        { key: 'value', header: 'Value', type: 'money' as const },
      ],
      rows: [{ code: 'T-BEEF', qty: 15 * KG, value: 1350 * YUAN }],
    };
    expect((await workbook((await t.call('reports.xlsx', report)).base64)).numFmts).toEqual(['"CN¥"#,##0.00']);
    await setCurrency(t, 'EUR');
    expect((await workbook((await t.call('reports.xlsx', report)).base64)).numFmts).toEqual(['"€"#,##0.00']);
  });
});
