import { afterEach, describe, expect, it } from 'vitest';
import {
  KG,
  YUAN,
  approvedPo,
  asAdmin,
  createSupplier,
  n,
  offer,
  openProcurementStore,
  rows,
  setSettings,
  shanghaiDay,
  signInAs,
  snapshot,
  type ProcurementFixture,
} from '../helpers/procurement';

let fx: ProcurementFixture;
afterEach(() => fx?.t.close());

/**
 * Beef (lot-tracked off, shelf life 10 days, a barcode) sold by SUP-A in
 * 10 kg boxes at ¥400 (¥40/kg); rice in 25 kg bags at ¥150. An approved
 * order for 3 boxes of beef and 2 bags of rice.
 */
async function setUp() {
  fx = await openProcurementStore();
  const { t, items } = fx;
  const db = t.backend.database.sqlite;
  db.prepare('UPDATE items SET shelf_life_days = 10 WHERE id = ?').run(items.beef);
  db.prepare("INSERT INTO item_barcodes (barcode, item_id, unit) VALUES ('6901234567892', ?, '')").run(items.beef);
  const s = await createSupplier(t, 'SUP-A');
  await offer(t, s.id, items.beef, '箱', ['10', 'kg'], 400);
  await offer(t, s.id, items.rice, '袋', ['25', 'kg'], 150);
  const po = await approvedPo(t, s.id, [
    { itemId: items.beef, packs: '3' },
    { itemId: items.rice, packs: '2' },
  ]);
  const r = await t.call('receipts.open', { poId: po.id, areaId: fx.areas.cooler, deliveryNote: 'DN-778' });
  return { s, po, r };
}

const moves = (docId: string) =>
  rows<{ kind: string; qty: number; value: number; lot: string; expiry: string | null; itemId: string }>(
    fx.t,
    "SELECT kind, qty, value, lot, expiry, item_id AS itemId FROM stock_moves WHERE doc_type = 'receipt' AND doc_id = ? ORDER BY seq",
    docId,
  );
const cost = (itemId: string) =>
  rows<{ qty: number; value: number }>(fx.t, 'SELECT qty, value FROM item_costs WHERE item_id = ?', itemId)[0];

describe('receiving against an order', () => {
  it('posts a line: a receipt movement at the order price, average cost, the order line, the label data', async () => {
    const { po, r, s } = await setUp();
    const { t, items } = fx;
    expect(r).toMatchObject({ number: `RC-${shanghaiDay().slice(0, 4)}-0001`, status: 'open', supplierId: s.id });
    expect(r.poLines.map((l) => [l.itemCode, l.qtyOpen])).toEqual([
      ['T-BEEF', 30 * KG],
      ['T-RICE', 50 * KG],
    ]);
    const line = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.beef, qty: '2', unit: '箱' },
    });
    // The order line is found by item; price and its unit come from it; expiry from the shelf life.
    expect(line).toMatchObject({
      status: 'draft',
      poLineId: po.lines[0]!.id,
      qty: 20 * KG,
      price: 400 * YUAN,
      priceUnit: '箱',
      priceFactor: 10 * KG,
      value: 800 * YUAN,
      expiry: shanghaiDay(10),
      gtin: '6901234567892',
    });
    expect(line.warnings.map((w) => w.code)).toEqual(['underTolerance']);
    expect(moves(r.id)).toEqual([]);

    const out = await t.call('receipts.postLine', { lineId: line.id });
    expect(out.poStatus).toBe('partial');
    expect(out.line).toMatchObject({ status: 'posted', acceptedQty: 20 * KG, value: 800 * YUAN, warnings: [] });
    expect(out.label).toMatchObject({
      receiptNumber: r.number,
      itemCode: 'T-BEEF',
      nameZh: '肥牛卷',
      nameEn: 'Beef rolls',
      netQty: 20 * KG,
      baseUnit: 'g',
      lot: '',
      expiry: shanghaiDay(10),
      receivedDay: shanghaiDay(),
      price: 400 * YUAN,
      priceUnit: '箱',
      value: 800 * YUAN,
      gtin: '6901234567892',
      supplierName: 'SUP-A 供应商',
      areaCode: 'COOL',
    });
    expect(moves(r.id)).toEqual([
      { kind: 'receipt', qty: 20 * KG, value: 800 * YUAN, lot: '', expiry: shanghaiDay(10), itemId: items.beef },
    ]);
    expect(cost(items.beef)).toEqual({ qty: 20 * KG, value: 800 * YUAN });
    const poNow = await t.call('po.get', { id: po.id });
    expect(poNow.lines[0]).toMatchObject({ qtyReceived: 20 * KG, qtyOpen: 10 * KG });

    // A second delivery at another price (per kg this time) moves the average: (800 + 10 x 46) / 30 kg.
    const r2 = await t.call('receipts.open', { poId: po.id, areaId: fx.areas.cooler });
    const l2 = await t.call('receipts.addLine', {
      receiptId: r2.id,
      line: { itemId: items.beef, qty: '10', unit: 'kg', price: 46 * YUAN, priceUnit: 'kg' },
    });
    expect(l2.warnings.map((w) => w.code)).toEqual(['priceDiffers']);
    const refused = await t.fail('receipts.postLine', { lineId: l2.id });
    expect(refused.fields).toEqual([
      {
        path: 'confirm',
        message: 'Line 1: Price CN¥46.00/kg differs from the order’s CN¥400.00/箱: confirm to accept it.',
      },
    ]);
    await t.call('receipts.postLine', { lineId: l2.id, confirm: true });
    expect(cost(items.beef)).toEqual({ qty: 30 * KG, value: 1260 * YUAN });
    expect((await t.call('stock.onHand', {})).find((b) => b.itemId === items.beef)?.qty).toBe(30 * KG);
    const poAfter = await t.call('po.get', { id: po.id });
    expect(poAfter.lines[0]!.qtyOpen).toBe(0);
    expect(poAfter.status).toBe('partial'); // the rice has not come
  });

  it('asks for confirmation above the tolerance, and posts it when confirmed', async () => {
    const { r } = await setUp();
    const { t, items } = fx;
    setSettings(t, { receiveTolerancePercent: 10 });
    // 33 kg of the 30 open is within 10%; 34 kg is not.
    const ok = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.beef, qty: '33', unit: 'kg' },
    });
    expect(ok.warnings).toEqual([]);
    await t.call('receipts.removeLine', { lineId: ok.id });
    const over = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.beef, qty: '34', unit: 'kg' },
    });
    expect(over.warnings).toEqual([
      {
        code: 'overTolerance',
        needs: 'confirm',
        message:
          'Receiving 34 kg is more than the 30 kg still open on the order (tolerance 10%): confirm to accept it.',
      },
    ]);
    const before = snapshot(t);
    const e = await t.fail('receipts.postLine', { lineId: over.id });
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.[0]?.path).toBe('confirm');
    expect(snapshot(t)).toEqual(before);
    // Confirmed on the line itself (the receiving screen's checkbox), then posted.
    await t.call('receipts.updateLine', {
      lineId: over.id,
      line: { itemId: items.beef, qty: '34', unit: 'kg', confirm: true },
    });
    const out = await t.call('receipts.postLine', { lineId: over.id });
    expect(out.line.confirmed).toBe(true);
    expect(out.poStatus).toBe('partial');
    expect((await t.call('po.get', { id: r.poId! })).lines[0]).toMatchObject({ qtyReceived: 34 * KG, qtyOpen: 0 });
  });

  it('keeps rejected goods out of stock, with a reject reason; the order counts only what was accepted', async () => {
    const { r } = await setUp();
    const { t, items } = fx;
    const settings = await t.call('receipts.settings', {});
    expect(settings.rejectReasons.map((x) => x.code)).toEqual(
      expect.arrayContaining(['damaged', 'temperature', 'expired', 'quality', 'wrong_item', 'short_dated']),
    );
    const bad = await t.fail('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.beef, qty: '3', unit: '箱', rejected: { qty: '1', unit: '箱', reason: 'ugly' } },
    });
    expect(bad.fields?.[0]?.path).toBe('line.rejected.reason');
    const tooMany = await t.fail('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.beef, qty: '1', unit: '箱', rejected: { qty: '11', unit: 'kg', reason: 'damaged' } },
    });
    expect(tooMany.fields?.[0]).toEqual({
      path: 'line.rejected.qty',
      message: 'Rejected 11 kg is more than the 10 kg delivered.',
    });
    const line = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.beef, qty: '3', unit: '箱', rejected: { qty: '5', unit: 'kg', reason: 'damaged' } },
    });
    expect(line).toMatchObject({ qty: 30 * KG, rejectedQty: 5 * KG, acceptedQty: 25 * KG, value: 1000 * YUAN });
    const out = await t.call('receipts.postLine', { lineId: line.id });
    expect(out.label.netQty).toBe(25 * KG);
    expect(moves(r.id).map((m) => [m.qty, m.value])).toEqual([[25 * KG, 1000 * YUAN]]);
    expect((await t.call('po.get', { id: r.poId! })).lines[0]!.qtyReceived).toBe(25 * KG);
    // Everything rejected: the line is posted, nothing enters stock.
    const all = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.rice, qty: '1', unit: '袋', rejected: { qty: '1', unit: '袋', reason: 'wrong_item' } },
    });
    await t.call('receipts.postLine', { lineId: all.id });
    expect(moves(r.id)).toHaveLength(1);
    expect(rows(t, 'SELECT status, value FROM receipt_lines WHERE id = ?', all.id)).toEqual([
      { status: 'posted', value: 0 },
    ]);
  });

  it('defaults the expiry from the shelf life, refuses a past expiry, and re-checks it when posting', async () => {
    const { r } = await setUp();
    const { t, items } = fx;
    const past = await t.fail('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.beef, qty: '1', unit: '箱', expiry: shanghaiDay(-1) },
    });
    expect(past.fields?.[0]).toEqual({
      path: 'line.expiry',
      message: `T-BEEF expired on ${shanghaiDay(-1)} (today is ${shanghaiDay()}): reject it instead of receiving it.`,
    });
    expect(
      (
        await t.fail('receipts.addLine', {
          receiptId: r.id,
          line: { itemId: items.beef, qty: '1', unit: '箱', expiry: '2027-02-30' },
        })
      ).fields?.[0]?.path,
    ).toBe('line.expiry');
    const soon = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.beef, qty: '1', unit: '箱', expiry: shanghaiDay(1) },
    });
    expect(soon.warnings.map((w) => w.code)).toEqual(['underTolerance', 'shortDated']);
    // Today's expiry is still acceptable; one that passed since the line was entered is not.
    t.backend.database.sqlite.prepare('UPDATE receipt_lines SET expiry = ? WHERE id = ?').run(shanghaiDay(-2), soon.id);
    const late = await t.fail('receipts.postLine', { lineId: soon.id });
    expect(late.fields?.[0]?.path).toBe('expiry');
    expect(moves(r.id)).toEqual([]);
  });

  it('needs a temperature for frozen goods, refuses one above the limit unless rejected or overridden', async () => {
    const { r } = await setUp();
    const { t, items } = fx;
    setSettings(t, { frozenCategories: ['test'], frozenMaxTemp: -15 });
    const l = await t.call('receipts.addLine', { receiptId: r.id, line: { itemId: items.beef, qty: '1', unit: '箱' } });
    expect(l).toMatchObject({ tempClass: 'frozen', tempLimit: -15 });
    expect(l.warnings.find((w) => w.code === 'tempMissing')?.needs).toBe('temperature');
    expect((await t.fail('receipts.postLine', { lineId: l.id })).fields?.[0]?.path).toBe('temperature');

    const warm = { itemId: items.beef, qty: '1', unit: '箱', temperature: -12.5 };
    await t.call('receipts.updateLine', { lineId: l.id, line: warm });
    const e = await t.fail('receipts.postLine', { lineId: l.id });
    expect(e.fields?.[0]).toEqual({
      path: 'tempOverride',
      message:
        'Line 1: Temperature -12.5 °C is above the limit of -15 °C: reject the goods (reason “Temperature”) or give a reason to accept them.',
    });
    // An override reason given when posting is kept on the line.
    const ok = await t.call('receipts.postLine', { lineId: l.id, tempOverride: '表层融化，中心 -18 °C，经理同意' });
    expect(ok.line).toMatchObject({
      status: 'posted',
      temperature: -12.5,
      tempOverride: '表层融化，中心 -18 °C，经理同意',
    });

    // Rejecting (for temperature) is the other way.
    const l2 = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { ...warm, rejected: { qty: '1', unit: '箱', reason: 'temperature' } },
    });
    await t.call('receipts.postLine', { lineId: l2.id });
    expect(moves(r.id)).toHaveLength(1);
  });

  it('posts all lines in one transaction: one line needing confirmation leaves nothing half-written', async () => {
    const { r, po } = await setUp();
    const { t, items } = fx;
    await t.call('receipts.addLine', { receiptId: r.id, line: { itemId: items.beef, qty: '3', unit: '箱' } });
    await t.call('receipts.addLine', { receiptId: r.id, line: { itemId: items.rice, qty: '3', unit: '袋' } }); // 75 of 50 kg
    await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.cups, qty: '100', unit: 'pc', price: YUAN },
    });
    const before = snapshot(t);
    const costs = rows(t, 'SELECT * FROM item_costs ORDER BY item_id');
    const e = await t.fail('receipts.postAll', { receiptId: r.id });
    expect(e.fields?.map((f) => f.path)).toEqual(['lines.1.confirm']);
    expect(e.message).toContain('Line 2:');
    expect(snapshot(t)).toEqual(before);
    expect(rows(t, 'SELECT * FROM item_costs ORDER BY item_id')).toEqual(costs);
    expect(n(t, "SELECT count(*) AS n FROM receipt_lines WHERE receipt_id = ? AND status = 'draft'", r.id)).toBe(3);
    expect((await t.call('po.get', { id: po.id })).lines.map((l) => l.qtyReceived)).toEqual([0, 0]);

    const out = await t.call('receipts.postAll', { receiptId: r.id, confirm: true });
    expect(out.poStatus).toBe('received');
    expect(out.labels.map((l) => [l.lineNo, l.itemCode, l.netQty])).toEqual([
      [1, 'T-BEEF', 30 * KG],
      [2, 'T-RICE', 75 * KG],
      [3, 'T-CUP', 100_000],
    ]);
    expect(moves(r.id).map((m) => m.value)).toEqual([1200 * YUAN, 450 * YUAN, 100 * YUAN]);
    const done = await t.call('receipts.finish', { receiptId: r.id });
    expect(done).toMatchObject({ status: 'finished', postedLines: 3, value: 1750 * YUAN });
    expect(
      (await t.fail('receipts.addLine', { receiptId: r.id, line: { itemId: items.beef, qty: '1', unit: 'kg' } })).code,
    ).toBe('CONFLICT');
  });

  it('refuses changes to a posted line, finishing with drafts left, and cancelling after a posting', async () => {
    const { r } = await setUp();
    const { t, items } = fx;
    const a = await t.call('receipts.addLine', { receiptId: r.id, line: { itemId: items.beef, qty: '1', unit: '箱' } });
    await t.call('receipts.addLine', { receiptId: r.id, line: { itemId: items.rice, qty: '1', unit: '袋' } });
    await t.call('receipts.postLine', { lineId: a.id });
    expect((await t.fail('receipts.postLine', { lineId: a.id })).code).toBe('CONFLICT');
    expect(
      (await t.fail('receipts.updateLine', { lineId: a.id, line: { itemId: items.beef, qty: '2', unit: '箱' } })).code,
    ).toBe('CONFLICT');
    expect((await t.fail('receipts.removeLine', { lineId: a.id })).code).toBe('CONFLICT');
    expect((await t.fail('receipts.finish', { receiptId: r.id })).message).toBe(
      `Receipt ${r.number} still has unposted lines (2): post or remove them first.`,
    );
    expect((await t.fail('receipts.cancelDraft', { receiptId: r.id })).code).toBe('CONFLICT');
  });
});

describe('receiving without an order', () => {
  it('takes a weighed line (gross - tare) and a typed one, with catalogue or given prices', async () => {
    fx = await openProcurementStore();
    const { t, items, areas } = fx;
    const s = await createSupplier(t, 'SUP-M');
    await offer(t, s.id, items.rice, '袋', ['25', 'kg'], 150);
    const r = await t.call('receipts.open', { supplierId: s.id, areaId: areas.dry });
    expect(r.poLines).toEqual([]);
    const w = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: {
        itemId: items.beef,
        weighed: { gross: 12_345_000, tare: 345_000, stable: true, scaleId: 'scale-1' },
        price: 38 * YUAN,
        priceUnit: 'kg',
        areaId: areas.cooler,
      },
    });
    expect(w).toMatchObject({
      weighed: true,
      gross: 12_345_000,
      tare: 345_000,
      qty: 12 * KG,
      value: 456 * YUAN,
      areaCode: 'COOL',
    });
    const typed = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.rice, qty: '2', unit: '袋' },
    });
    expect(typed).toMatchObject({ qty: 50 * KG, price: 150 * YUAN, priceUnit: '袋', warnings: [] });
    const out = await t.call('receipts.postAll', { receiptId: r.id });
    expect(out.poStatus).toBeNull();
    expect(out.labels[0]).toMatchObject({ netQty: 12 * KG, gross: 12_345_000, tare: 345_000, areaCode: 'COOL' });
    expect(rows(t, 'SELECT area_id AS a, qty FROM stock_balances ORDER BY qty')).toEqual([
      { a: areas.cooler, qty: 12 * KG },
      { a: areas.dry, qty: 50 * KG },
    ]);
  });

  it('gives lot-tracked goods a lot from the receipt number when none is typed', async () => {
    fx = await openProcurementStore();
    const { t, items, areas } = fx;
    const r = await t.call('receipts.open', { areaId: areas.cooler });
    const l = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.fish, qty: '2', unit: 'kg', price: 60 * YUAN, priceUnit: 'kg' },
    });
    const out = await t.call('receipts.postLine', { lineId: l.id });
    expect(out.label.lot).toBe(`${r.number}-01`);
    expect(moves(r.id)[0]!.lot).toBe(`${r.number}-01`);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    fx = await openProcurementStore();
    const { t, items, areas } = fx;
    const r = await t.call('receipts.open', { areaId: areas.cooler });
    const before = snapshot(t);
    const path = async (line: Record<string, unknown>) =>
      (await t.fail('receipts.addLine', { receiptId: r.id, line })).fields?.map((f) => f.path);
    expect(await path({ itemId: items.rice, qty: '-1', unit: 'kg', price: 1 })).toEqual(['line.qty']);
    expect(await path({ itemId: items.rice, qty: '999999999', unit: 'kg', price: 1 })).toEqual(['line.qty']);
    expect(await path({ itemId: items.rice, qty: '1', unit: 'kg', price: -1 })).toEqual(['line.price']);
    expect(await path({ itemId: items.rice, qty: '1', unit: 'kg' })).toEqual(['line.price']);
    expect(await path({ itemId: '01900000-0000-7000-8000-000000000000', qty: '1', unit: 'kg', price: 1 })).toEqual([
      'line.itemId',
    ]);
    expect(await path({ itemId: items.rice, price: 1 })).toEqual(['line.qty']);
    expect(await path({ itemId: items.cups, weighed: { gross: 5000, tare: 0, stable: true }, price: 1 })).toEqual([
      'line.weighed',
    ]);
    expect(await path({ itemId: items.rice, weighed: { gross: 5000, tare: 6000, stable: true }, price: 1 })).toEqual([
      'line.weighed.tare',
    ]);
    expect(snapshot(t)).toEqual(before);
    // An unstable weight is kept as a draft but cannot be posted.
    const l = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.rice, weighed: { gross: 5000, tare: 0, stable: false }, price: 1 },
    });
    expect((await t.fail('receipts.postLine', { lineId: l.id })).fields?.[0]?.path).toBe('weighed.stable');
  });

  it('lets clerks receive but not technicians', async () => {
    fx = await openProcurementStore();
    const { t, items, areas } = fx;
    await signInAs(t, 'clerk');
    const r = await t.call('receipts.open', { areaId: areas.cooler });
    const l = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: items.rice, qty: '1', unit: 'kg', price: 5 * YUAN },
    });
    await t.call('receipts.postLine', { lineId: l.id });
    await signInAs(t, 'technician');
    expect((await t.fail('receipts.open', { areaId: areas.cooler })).code).toBe('FORBIDDEN');
    expect((await t.call('receipts.list', {})).map((x) => x.postedLines)).toEqual([1]);
    await asAdmin(t);
  });
});
