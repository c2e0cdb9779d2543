import { afterEach, describe, expect, it } from 'vitest';
import { KG, YUAN, approvedPo } from '../helpers/procurement';
import { enterAndMatch, line, openInvoiceStore, receive, type InvoiceFixture } from '../helpers/invoices';

/**
 * The three-way match, with every figure worked out by hand. The order
 * (helpers/invoices.ts): 3 boxes of beef (10 kg, ¥400 a box) and 2 bags of
 * rice (25 kg, ¥150 a bag). Tax at 9% unless said otherwise.
 */
let fx: InvoiceFixture;
afterEach(() => fx?.t.close());

const kinds = (l: { kinds: { kind: string }[] }) => l.kinds.map((k) => k.kind);

describe('three-way match', () => {
  it('matches an invoice that bills exactly what was ordered and received, and approves it in full', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [
      { itemId: items.beef, qty: '3', unit: '箱' },
      { itemId: items.rice, qty: '2', unit: '袋' },
    ]);
    const inv = await enterAndMatch(fx, 'INV-001', [
      line(items.beef, '3', '箱', 400),
      line(items.rice, '2', '袋', 150),
    ]);
    // Totals left out are the lines' sums: 1,200 + 300 net, 9% tax 108 + 27.
    expect(inv).toMatchObject({ status: 'matched', net: 1500 * YUAN, tax: 135 * YUAN, gross: 1635 * YUAN });
    const m = inv.match!;
    expect(m.discrepancies).toBe(0);
    expect(m.totals).toEqual({ invoiced: 1635 * YUAN, matched: 1635 * YUAN, disputed: 0 });
    expect(m.lines.map((l) => [l.status, l.ordered, l.received, l.shouldQty, l.agreedPrice, l.claimNet])).toEqual([
      ['matched', 30 * KG, 30 * KG, 30 * KG, 400 * YUAN, 0],
      ['matched', 50 * KG, 50 * KG, 50 * KG, 150 * YUAN, 0],
    ]);
    expect(m.lines[0]!.poLineId).toBe(po.lines[0]!.id);
    expect(m.lines[0]!.receipts).toEqual([expect.stringMatching(/^RC-\d{4}-0001$/)]);
    expect(m.header.kinds).toEqual([]);
    expect(m.notBilled).toEqual([]);

    const approved = await t.call('invoices.approve', { id: inv.id });
    expect(approved).toMatchObject({ status: 'approved', approvedAmount: 1635 * YUAN, approvedBy: 'Boss' });
  });

  it('claims what is billed beyond what was received, and lists what was received but not billed', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [
      { itemId: items.beef, qty: '2', unit: '箱' },
      { itemId: items.rice, qty: '2', unit: '袋' },
    ]);
    const inv = await enterAndMatch(fx, 'INV-002', [
      line(items.beef, '3', '箱', 400),
      line(items.rice, '1', '袋', 150),
    ]);
    expect(inv.status).toBe('draft');
    const [beef, rice] = inv.match!.lines;
    // 3 boxes billed, 2 received: 1 box at ¥400 too many, plus 9% tax = ¥436.
    expect(beef).toMatchObject({
      status: 'discrepancy',
      billed: 30 * KG,
      available: 20 * KG,
      shouldQty: 20 * KG,
      shouldAmount: 800 * YUAN,
      claimNet: 400 * YUAN,
      claimTax: 36 * YUAN,
    });
    expect(beef!.kinds).toEqual([
      {
        kind: 'overBilled',
        amount: 400 * YUAN,
        message: 'Billed 3 箱, but only 2 箱 was received and not yet billed: 1 箱 too many (CN¥400.00).',
      },
    ]);
    expect(rice).toMatchObject({ status: 'matched', shouldQty: 25 * KG, claimNet: 0 });
    // The second bag came and is not on this invoice: information, no money.
    expect(inv.match!.notBilled).toEqual([
      expect.objectContaining({ itemCode: 'T-RICE', qty: 25 * KG, value: 150 * YUAN }),
    ]);
    // Net 1,200 + 150, tax 108 + 13.50: ¥1,471.50 invoiced, ¥436 disputed.
    expect(inv.match!.totals).toEqual({ invoiced: 14_715_000, matched: 14_715_000 - 4_360_000, disputed: 4_360_000 });
    expect(inv.match!.discrepancies).toBe(1);
  });

  it('tells goods rejected at delivery from goods never delivered when more is billed than was accepted', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    // 3 boxes delivered, 1 refused as damaged: 20 kg accepted, 10 kg rejected.
    const r = await receive(t, po.id, areas.cooler, [
      { itemId: items.beef, qty: '3', unit: '箱', rejected: ['1', '箱'] },
    ]);
    const inv = await enterAndMatch(fx, 'INV-003', [line(items.beef, '3.5', '箱', 400)]);
    const beef = inv.match!.lines[0]!;
    // 15 kg beyond the 20 accepted: 10 kg rejected (¥400), 5 kg more than delivered (¥200).
    expect(beef).toMatchObject({ received: 20 * KG, rejected: 10 * KG, shouldQty: 20 * KG, claimNet: 600 * YUAN });
    expect(beef.claimTax).toBe(54 * YUAN);
    expect(beef.kinds).toEqual([
      {
        kind: 'rejectedBilled',
        amount: 400 * YUAN,
        message: `Billed 1 箱 that was rejected at delivery (${r.number}): CN¥400.00.`,
      },
      {
        kind: 'overBilled',
        amount: 200 * YUAN,
        message: 'Billed 3.5 箱, but only 2 箱 was received and not yet billed: 0.5 箱 too many (CN¥200.00).',
      },
    ]);
  });

  it('claims a price above the order’s beyond the tolerance, and accepts one within it', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [
      { itemId: items.beef, qty: '3', unit: '箱' },
      { itemId: items.rice, qty: '2', unit: '袋' },
    ]);
    // Beef at ¥402 is exactly 0.5% above ¥400: a match, paid as billed. Rice at ¥156 is 4% above ¥150.
    const inv = await enterAndMatch(fx, 'INV-004', [
      line(items.beef, '3', '箱', 402),
      line(items.rice, '2', '袋', 156),
    ]);
    const [beef, rice] = inv.match!.lines;
    expect(beef).toMatchObject({ status: 'matched', shouldPrice: 402 * YUAN, claimNet: 0, kinds: [] });
    expect(rice).toMatchObject({
      status: 'discrepancy',
      agreedPrice: 150 * YUAN,
      shouldPrice: 150 * YUAN,
      shouldAmount: 300 * YUAN,
      claimNet: 12 * YUAN,
      claimTax: 10_800,
    });
    expect(rice!.kinds).toEqual([
      {
        kind: 'priceAbove',
        amount: 12 * YUAN,
        message: 'Price CN¥156.00/袋 is above the agreed CN¥150.00/袋 (tolerance 0.5%): CN¥12.00 on 2 袋.',
      },
    ]);

    // Half a cent a bag over (¥0.01 on the line) is within the tolerance too.
    const cent = await enterAndMatch(
      fx,
      'INV-004B',
      [line(items.rice, '2', '袋', 150.005, { lineTotal: 300 * YUAN })],
      {
        poId: po.id,
      },
    );
    expect(cent.match!.lines[0]).toMatchObject({ status: 'matched', claimNet: 0 });
  });

  it('claims items not on the order and lines naming nothing the store knows; finds items by the supplier’s code', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [
      { itemId: items.beef, qty: '3', unit: '箱' },
      { itemId: items.rice, qty: '2', unit: '袋' },
    ]);
    const inv = await enterAndMatch(fx, 'INV-005', [
      line(items.beef, '3', '箱', 400),
      line(null, '2', '袋', 150, { supplierCode: 'a-rice' }),
      line(items.cups, '1', '箱', 120),
      line(null, '1', '次', 20, { supplierCode: 'FEE', description: '运费 delivery' }),
    ]);
    expect(inv.lines.map((l) => [l.itemCode, l.qty, l.unitFactor])).toEqual([
      ['T-BEEF', 30 * KG, 10 * KG],
      ['T-RICE', 50 * KG, 25 * KG],
      ['T-CUP', 1_000_000, 1_000_000],
      [null, 1000, 1000],
    ]);
    const [, rice, cups, fee] = inv.match!.lines;
    expect(rice!.status).toBe('matched');
    expect(cups).toMatchObject({ status: 'discrepancy', ordered: 0, claimNet: 120 * YUAN, claimTax: 108_000 });
    expect(cups!.kinds).toEqual([
      {
        kind: 'notOrdered',
        amount: 120 * YUAN,
        message: `Not on order ${po.number} and not received: 1 箱 billed, CN¥120.00.`,
      },
    ]);
    expect(fee).toMatchObject({ status: 'discrepancy', itemId: null, claimNet: 20 * YUAN, claimTax: 18_000 });
    expect(kinds(fee!)).toEqual(['notOrdered']);
    expect(inv.match!.totals.disputed).toBe(1_526_000); // 120 + 10.80 + 20 + 1.80
  });

  it('pays for goods received without an order line, with a note', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.dry, [{ itemId: items.cups, qty: '2', unit: '箱' }]);
    const inv = await enterAndMatch(fx, 'INV-006', [line(items.cups, '2', '箱', 120)]);
    expect(inv.status).toBe('matched');
    expect(inv.match!.lines[0]).toMatchObject({ status: 'warning', claimNet: 0, shouldQty: 2_000_000 });
    expect(inv.match!.lines[0]!.kinds).toEqual([
      {
        kind: 'notOrdered',
        amount: 0,
        message: `Not on order ${po.number}, but 2 箱 was received and accepted: paid as received.`,
      },
    ]);
  });

  it('claims an item billed but never received', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '3', unit: '箱' }]);
    const inv = await enterAndMatch(fx, 'INV-007', [
      line(items.beef, '3', '箱', 400),
      line(items.rice, '2', '袋', 150),
    ]);
    expect(inv.match!.lines[1]).toMatchObject({ status: 'discrepancy', received: 0, claimNet: 300 * YUAN });
    expect(inv.match!.lines[1]!.kinds).toEqual([
      { kind: 'notReceived', amount: 300 * YUAN, message: 'Billed 2 袋, but nothing was received: CN¥300.00.' },
    ]);
  });

  it('rounds the claim to the cent exactly: half a cent away from zero, tax on the rounded difference', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, supplier } = fx;
    // ¥401.23 a 10 kg box = ¥40.123/kg; 1.5 kg received.
    const po = await approvedPo(t, supplier.id, [{ itemId: items.beef, packs: '1', price: 4_012_300 }]);
    await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '1.5', unit: 'kg' }]);
    // 1.6 kg at ¥40.15/kg = ¥64.24 at 13%. ¥40.15 is 0.07% above ¥40.123: within the tolerance.
    const inv = await enterAndMatch(fx, 'INV-008', [line(items.beef, '1.6', 'kg', 40.15, { taxRate: 1300 })], {
      poId: po.id,
    });
    // Payable 1.5 kg x 40.15 = 60.225; 64.24 - 60.225 = 4.015 -> ¥4.02; 13% of 4.02 = 0.5226 -> ¥0.52.
    expect(inv.match!.lines[0]).toMatchObject({
      billedAmount: 642_400,
      agreedPrice: 401_230,
      shouldQty: 1_500_000,
      shouldPrice: 401_500,
      claimNet: 40_200,
      claimTax: 5_200,
      shouldAmount: 602_200,
    });
    expect(inv.match!.lines[0]!.kinds.map((k) => [k.kind, k.amount])).toEqual([['overBilled', 40_150]]);
    // Tax 13% of 64.24 = 8.3512 -> ¥8.35; gross ¥72.59.
    expect(inv).toMatchObject({ net: 642_400, tax: 83_500, gross: 725_900 });
    expect(inv.match!.totals).toEqual({ invoiced: 725_900, matched: 680_500, disputed: 45_400 });
  });

  it('checks the invoice’s own arithmetic: a line amount and a total that do not add up', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [
      { itemId: items.beef, qty: '3', unit: '箱' },
      { itemId: items.rice, qty: '2', unit: '袋' },
    ]);
    // Beef printed at ¥1,210 for 3 x 400; the net and tax follow the lines, the total is ¥10 too high.
    const inv = await enterAndMatch(
      fx,
      'INV-009',
      [line(items.beef, '3', '箱', 400, { lineTotal: 1210 * YUAN }), line(items.rice, '2', '袋', 150)],
      { net: 1510 * YUAN, tax: 1_359_000, gross: 16_559_000 },
    );
    const m = inv.match!;
    expect(m.lines[0]).toMatchObject({ status: 'discrepancy', claimNet: 10 * YUAN, claimTax: 9_000 });
    expect(m.lines[0]!.kinds).toEqual([
      {
        kind: 'lineArithmetic',
        amount: 10 * YUAN,
        message: 'Line amount CN¥1,210.00 is not 3 箱 × CN¥400.00/箱 = CN¥1,200.00 (off by CN¥10.00).',
      },
    ]);
    expect(m.header).toMatchObject({ computedNet: 1510 * YUAN, computedTax: 1_359_000, claimGross: 10 * YUAN });
    expect(m.header.kinds).toEqual([
      {
        kind: 'grossTotal',
        amount: 10 * YUAN,
        message: 'Total CN¥1,655.90 is not net + tax = CN¥1,645.90 (off by CN¥10.00).',
      },
    ]);
    expect(m.discrepancies).toBe(2);
    expect(m.totals.disputed).toBe(209_000);
  });

  it('counts what other invoices past draft already billed of the order, and a named receipt only', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    const r1 = await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '1', unit: '箱' }]);
    await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '2', unit: '箱' }]);
    const a = await t.call('invoices.create', {
      supplierId: fx.supplier.id,
      number: 'A-1',
      invoiceDay: '2026-01-05',
      poId: po.id,
      lines: [line(items.beef, '2', '箱', 400)],
    });
    // A is a draft: B may bill all three boxes. Once B is matched, A finds one box left.
    const b = await enterAndMatch(fx, 'B-1', [line(items.beef, '2', '箱', 400)]);
    expect(b.match!.lines[0]).toMatchObject({ status: 'matched', available: 30 * KG });
    const a2 = await t.call('invoices.match', { id: a.id });
    expect(a2.match!.lines[0]).toMatchObject({ status: 'discrepancy', available: 10 * KG, claimNet: 400 * YUAN });

    // Naming the first delivery: only its box counts, and the order is filled in from the receipt.
    const c = await enterAndMatch(fx, 'C-1', [line(items.beef, '1', '箱', 400)], { poId: null, receiptId: r1.id });
    expect(c.poId).toBe(po.id);
    expect(c.receiptNumber).toBe(r1.number);
    expect(c.match!.lines[0]).toMatchObject({ received: 10 * KG, available: 10 * KG, status: 'matched' });
  });
});
