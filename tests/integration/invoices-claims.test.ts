import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cjkFontCandidates } from '../../src-main/services/supplier-documents/pdf-font';
import { KG, YUAN, asAdmin, signInAs } from '../helpers/procurement';
import {
  enterAndMatch,
  invoiceCounts,
  invoiceInput,
  line,
  openInvoiceStore,
  receive,
  type InvoiceFixture,
} from '../helpers/invoices';

/**
 * Claims, status transitions and roles. The usual case: 2 of the 3 boxes of
 * beef and both bags of rice arrived; the invoice bills 3 boxes at ¥400 and
 * the rice at ¥156 a bag instead of ¥150, all at 9%:
 *   beef  1,200 billed, 800 payable:  claim 400 + 36 tax  = 436
 *   rice    312 billed, 300 payable:  claim  12 + 1.08    = 13.08
 *   invoice net 1,512 + tax 136.08 = 1,648.08; claim 449.08; pay 1,199.00.
 */
let fx: InvoiceFixture;
afterEach(() => fx?.t.close());

async function disputedCase() {
  fx = await openInvoiceStore();
  const { t, items, areas, po } = fx;
  await receive(t, po.id, areas.cooler, [
    { itemId: items.beef, qty: '2', unit: '箱' },
    { itemId: items.rice, qty: '2', unit: '袋' },
  ]);
  return enterAndMatch(fx, 'INV-100', [line(items.beef, '3', '箱', 400), line(items.rice, '2', '袋', 156)]);
}

describe('claims', () => {
  it('claims every discrepancy with what was billed, what should have been, the difference and why', async () => {
    const inv = await disputedCase();
    const { t } = fx;
    expect(inv).toMatchObject({ status: 'draft', gross: 16_480_800 });
    expect(inv.match!.totals.disputed).toBe(4_490_800);

    const claim = await t.call('invoices.createClaim', { invoiceId: inv.id, note: '请开红字发票' });
    expect(claim).toMatchObject({
      number: expect.stringMatching(/^CL-\d{4}-0001$/),
      status: 'open',
      invoiceNumber: 'INV-100',
      supplierCode: 'SUP-A',
      amount: 4_490_800,
      invoiceGross: 16_480_800,
      poNumber: fx.po.number,
      note: '请开红字发票',
      createdBy: 'Boss',
    });
    expect(claim.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        invoiceLineNo: 1,
        itemCode: 'T-BEEF',
        unit: '箱',
        billedQty: 30 * KG,
        billedPrice: 400 * YUAN,
        billedAmount: 1200 * YUAN,
        shouldQty: 20 * KG,
        shouldPrice: 400 * YUAN,
        shouldAmount: 800 * YUAN,
        diffNet: 400 * YUAN,
        taxRate: 900,
        diffTax: 36 * YUAN,
        diffGross: 436 * YUAN,
        kinds: ['overBilled'],
        reasons: ['Billed 3 箱, but only 2 箱 was received and not yet billed: 1 箱 too many (CN¥400.00).'],
      }),
      expect.objectContaining({
        lineNo: 2,
        itemCode: 'T-RICE',
        billedAmount: 312 * YUAN,
        shouldAmount: 300 * YUAN,
        diffNet: 12 * YUAN,
        diffTax: 10_800,
        diffGross: 130_800,
        kinds: ['priceAbove'],
      }),
    ]);
    // Reasons are rendered in the reader's language.
    const zh = await t.call('claims.get', { id: claim.id }, { locale: 'zh-CN' });
    expect(zh.lines[0]!.reasons).toEqual(['开票 3 箱，但已收货且未开票的只有 2 箱：多开 1 箱（¥400.00）。']);

    const disputed = await t.call('invoices.get', { id: inv.id });
    expect(disputed).toMatchObject({
      status: 'disputed',
      claimId: claim.id,
      claimNumber: claim.number,
      claimStatus: 'open',
      claimAmount: 4_490_800,
    });
    const approved = await t.call('invoices.approve', { id: inv.id });
    expect(approved).toMatchObject({ status: 'approved', approvedAmount: 1199 * YUAN });
    expect((await t.call('invoices.list', { status: ['approved'] })).map((r) => r.number)).toEqual(['INV-100']);
    expect((await t.call('claims.list', { status: ['open'] })).map((r) => r.number)).toEqual([claim.number]);
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('moves a claim open -> sent -> settled and refuses to go back', async () => {
    const inv = await disputedCase();
    const { t } = fx;
    const claim = await t.call('invoices.createClaim', { invoiceId: inv.id });
    const sent = await t.call('claims.setStatus', { id: claim.id, status: 'sent' });
    expect(sent).toMatchObject({ status: 'sent', sentBy: 'Boss' });
    expect((await t.fail('claims.setStatus', { id: claim.id, status: 'sent' })).message).toBe(
      `Claim ${claim.number} is Sent: it cannot be marked Sent.`,
    );
    const settled = await t.call('claims.setStatus', { id: claim.id, status: 'settled' });
    expect(settled).toMatchObject({ status: 'settled', settledBy: 'Boss' });
    const back = await t.fail('claims.setStatus', { id: claim.id, status: 'sent' }, { locale: 'zh-CN' });
    expect(back).toMatchObject({
      code: 'CONFLICT',
      message: `索赔单 ${claim.number} 当前为“已结清”，不能标记为“已发送”。`,
    });
  });

  it('claims only the discrepancies picked; the others are accepted and paid as billed', async () => {
    const inv = await disputedCase();
    const { t } = fx;
    const [beef] = inv.match!.lines;
    const before = invoiceCounts(t);
    const bad = await t.fail('invoices.createClaim', { invoiceId: inv.id, keys: [beef!.lineId, 'nonsense'] });
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect(bad.fields).toEqual([{ path: 'keys.1', message: 'This is not one of the invoice’s discrepancies.' }]);
    expect(invoiceCounts(t)).toEqual(before);

    const claim = await t.call('invoices.createClaim', { invoiceId: inv.id, keys: [beef!.lineId] });
    expect(claim.amount).toBe(436 * YUAN);
    const approved = await t.call('invoices.approve', { id: inv.id });
    expect(approved.approvedAmount).toBe(16_480_800 - 436 * YUAN);
  });

  it('claims an overstated invoice total as a line of its own', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '3', unit: '箱' }]);
    const inv = await enterAndMatch(fx, 'INV-T', [line(items.beef, '3', '箱', 400)], { gross: 1318 * YUAN });
    expect(inv.match!.header.claimGross).toBe(10 * YUAN);
    const claim = await t.call('invoices.createClaim', { invoiceId: inv.id });
    expect(claim.lines).toEqual([
      expect.objectContaining({
        invoiceLineNo: null,
        billedAmount: 1318 * YUAN,
        shouldAmount: 1308 * YUAN,
        diffGross: 10 * YUAN,
        kinds: ['grossTotal'],
      }),
    ]);
    expect((await t.call('invoices.approve', { id: inv.id })).approvedAmount).toBe(1308 * YUAN);
  });

  it('exports the claim as XLSX and PDF for the supplier', async () => {
    const inv = await disputedCase();
    const { t } = fx;
    const claim = await t.call('invoices.createClaim', { invoiceId: inv.id });
    const xlsx = await t.call('claims.export', { id: claim.id, format: 'xlsx' }, { locale: 'zh-CN' });
    expect(xlsx.fileName).toBe(`${claim.number}.xlsx`);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const { loadExcelJS } = await import('../../src-main/lib/exceljs');
    const { Workbook } = await loadExcelJS();
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('发票差异索赔单');
    expect(cells).toContain('449.08');
    if (cjkFontCandidates().some((f) => existsSync(f.path))) {
      const pdf = await t.call('claims.export', { id: claim.id, format: 'pdf' }, { locale: 'zh-CN' });
      expect(pdf.fileName).toBe(`${claim.number}.pdf`);
      expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});

describe('invoice status', () => {
  it('refuses illegal transitions with a message naming the invoice and its status', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '3', unit: '箱' }]);
    const draft = await t.call('invoices.create', invoiceInput(fx, 'S-1', [line(items.beef, '3', '箱', 400)]));
    expect(await t.fail('invoices.approve', { id: draft.id })).toMatchObject({
      code: 'CONFLICT',
      message: 'Invoice S-1 is a draft: match it first (and create a claim for any discrepancies).',
    });
    expect((await t.fail('invoices.createClaim', { invoiceId: draft.id })).message).toBe(
      'Invoice S-1 has not been matched yet.',
    );
    const matched = await t.call('invoices.match', { id: draft.id });
    expect(matched.status).toBe('matched');
    expect((await t.fail('invoices.createClaim', { invoiceId: draft.id })).message).toBe(
      'Invoice S-1 is Matched and cannot get a claim.',
    );
    await t.call('invoices.approve', { id: draft.id });
    expect((await t.fail('invoices.approve', { id: draft.id })).message).toBe(
      'Invoice S-1 is Approved and cannot be approved.',
    );
    expect((await t.fail('invoices.match', { id: draft.id })).message).toBe(
      'Invoice S-1 is Approved and cannot be matched.',
    );
    const edit = await t.fail('invoices.update', {
      id: draft.id,
      ...invoiceInput(fx, 'S-1', [line(items.beef, '2', '箱', 400)]),
    });
    expect(edit.message).toBe('Invoice S-1 is Approved and cannot be changed.');
    expect((await t.fail('invoices.remove', { id: draft.id }, { locale: 'zh-CN' })).message).toBe(
      '发票 S-1 当前为“已批准付款”，不能删除。',
    );
  });

  it('puts a corrected matched invoice back to draft, deletes drafts, and will not claim on a stale match', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '2', unit: '箱' }]);
    const ok = await enterAndMatch(fx, 'S-2', [line(items.beef, '2', '箱', 400)]);
    expect(ok.status).toBe('matched');
    const edited = await t.call('invoices.update', {
      id: ok.id,
      ...invoiceInput(fx, 'S-2', [line(items.beef, '1', '箱', 400)]),
    });
    expect(edited).toMatchObject({ status: 'draft', match: null, gross: 436 * YUAN });
    await t.call('invoices.remove', { id: ok.id });
    expect(await t.fail('invoices.get', { id: ok.id })).toMatchObject({ code: 'NOT_FOUND' });

    // 3 boxes billed, 2 received: a discrepancy. The third box arrives before the claim is raised.
    const late = await enterAndMatch(fx, 'S-3', [line(items.beef, '3', '箱', 400)]);
    expect(late.match!.discrepancies).toBe(1);
    await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '1', unit: '箱' }]);
    const before = invoiceCounts(t);
    expect((await t.fail('invoices.createClaim', { invoiceId: late.id })).message).toBe(
      'Receipts or other invoices changed since invoice S-3 was matched: match it again and check the result.',
    );
    expect(invoiceCounts(t)).toEqual(before);
    expect((await t.call('invoices.match', { id: late.id })).status).toBe('matched');
  });

  it('starts an invoice from the order’s or the receipt’s lines', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    const r = await receive(t, po.id, areas.cooler, [
      { itemId: items.beef, qty: '25', unit: 'kg', rejected: ['5', 'kg'] },
      { itemId: items.rice, qty: '2', unit: '袋' },
    ]);
    const fromPo = await t.call('invoices.prefill', { poId: po.id });
    expect(fromPo.lines.map((l) => [l.itemCode, l.supplierCode, l.qty, l.unit, l.unitPrice, l.lineTotal])).toEqual([
      ['T-BEEF', 'A-BEEF', '3', '箱', 400 * YUAN, 1200 * YUAN],
      ['T-RICE', 'A-RICE', '2', '袋', 150 * YUAN, 300 * YUAN],
    ]);
    const fromReceipt = await t.call('invoices.prefill', { receiptId: r.id });
    // 20 kg accepted of the beef, priced per box: 2 boxes.
    expect(fromReceipt).toMatchObject({ supplierId: fx.supplier.id, poId: po.id, receiptId: r.id });
    expect(fromReceipt.lines.map((l) => [l.itemCode, l.qty, l.unit, l.lineTotal, l.taxRate])).toEqual([
      ['T-BEEF', '2', '箱', 800 * YUAN, 1300],
      ['T-RICE', '2', '袋', 300 * YUAN, 1300],
    ]);
    const inv = await enterAndMatch(
      fx,
      'P-1',
      fromReceipt.lines.map(({ itemCode: _c, nameZh: _z, nameEn: _e, ...l }) => l),
      { receiptId: r.id },
    );
    expect(inv.status).toBe('matched');
    expect((await t.fail('invoices.prefill', {})).fields).toEqual([
      { path: 'poId', message: 'Start from an order or from a receipt (one of them).' },
    ]);
  });
});

describe('roles', () => {
  it('lets clerks enter invoices; only managers and admins match, claim and approve', async () => {
    const inv = await disputedCase();
    const { t, items } = fx;
    await signInAs(t, 'clerk');
    const mine = await t.call('invoices.create', invoiceInput(fx, 'CLERK-1', [line(items.rice, '1', '袋', 150)]));
    expect(mine.createdBy).toBe('clerk user');
    for (const [method, input] of [
      ['invoices.match', { id: mine.id }],
      ['invoices.createClaim', { invoiceId: inv.id }],
      ['invoices.approve', { id: inv.id }],
    ] as const) {
      expect((await t.fail(method, input)).code, method).toBe('FORBIDDEN');
    }
    await signInAs(t, 'technician');
    expect((await t.fail('invoices.create', invoiceInput(fx, 'TECH-1', [line(items.rice, '1', '袋', 150)]))).code).toBe(
      'FORBIDDEN',
    );
    expect((await t.call('invoices.list', {})).length).toBe(2);
    await signInAs(t, 'manager');
    const claim = await t.call('invoices.createClaim', { invoiceId: inv.id });
    await t.call('claims.setStatus', { id: claim.id, status: 'sent' });
    expect((await t.call('invoices.approve', { id: inv.id })).status).toBe('approved');
    await asAdmin(t);
  });
});
