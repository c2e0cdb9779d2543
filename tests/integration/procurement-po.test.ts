import { afterEach, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src-main/lib/exceljs';
import { addUnit, setLevels } from '../helpers/ops';
import {
  KG,
  YUAN,
  approvedPo,
  asAdmin,
  createSupplier,
  offer,
  openProcurementStore,
  shanghaiDay,
  signInAs,
  snapshot,
  type ProcurementFixture,
} from '../helpers/procurement';
import { postStock } from '../helpers/stock';

let fx: ProcurementFixture;
afterEach(() => fx?.t.close());

/** A supplier selling beef in 10 kg boxes at ¥400 and rice in 25 kg bags at ¥150. */
async function withSupplier() {
  fx = await openProcurementStore();
  const { t, items } = fx;
  const s = await createSupplier(t, 'SUP-A', { leadTimeDays: 2, minOrderValue: 1000 * YUAN });
  await offer(t, s.id, items.beef, '箱', ['10', 'kg'], 400, { supplierCode: 'XD-BEEF' });
  await offer(t, s.id, items.rice, '袋', ['25', 'kg'], 150);
  return s;
}

/** Receives `qty` kg of the PO's first line of the item, posted at once. */
async function receive(poId: string, itemId: string, qty: string, unit = 'kg') {
  const { t, areas } = fx;
  const r = await t.call('receipts.open', { poId, areaId: areas.cooler });
  const line = await t.call('receipts.addLine', { receiptId: r.id, line: { itemId, qty, unit } });
  await t.call('receipts.postLine', { lineId: line.id, confirm: true });
  return t.call('receipts.finish', { receiptId: r.id });
}

describe('purchase orders by hand', () => {
  it('takes pack and price from the catalogue, the item purchase unit and a given price otherwise', async () => {
    const s = await withSupplier();
    const { t, items } = fx;
    addUnit(t, items.cups, '条', 50_000, true);
    const po = await t.call('po.create', {
      supplierId: s.id,
      note: '请上午送货',
      lines: [
        { itemId: items.beef, packs: '3' },
        { itemId: items.rice, packs: '1.5', price: 140 * YUAN },
        { itemId: items.cups, packs: '20', price: 12.5 * YUAN },
      ],
    });
    expect(po).toMatchObject({
      number: `PO-${shanghaiDay().slice(0, 4)}-0001`,
      status: 'draft',
      source: 'manual',
      orderDay: shanghaiDay(),
      expectedDay: shanghaiDay(2),
      value: (1200 + 210 + 250) * YUAN,
      minOrderValue: 1000 * YUAN,
    });
    expect(
      po.lines.map((l) => [l.itemCode, l.supplierCode, l.packUnit, l.packQty, l.packs, l.qtyOrdered, l.price]),
    ).toEqual([
      ['T-BEEF', 'XD-BEEF', '箱', 10 * KG, 3000, 30 * KG, 400 * YUAN],
      ['T-RICE', '', '袋', 25 * KG, 1500, 37.5 * KG, 140 * YUAN],
      ['T-CUP', '', '条', 50_000, 20_000, 1_000_000, 12.5 * YUAN],
    ]);
    const second = await t.call('po.create', { supplierId: s.id, lines: [] });
    expect(second.number).toBe(`PO-${shanghaiDay().slice(0, 4)}-0002`);
    expect((await t.call('po.list', { status: ['draft'] })).map((p) => p.number)).toEqual([second.number, po.number]);
  });

  it('refuses bad lines naming the field, and writes nothing', async () => {
    const s = await withSupplier();
    const { t, items } = fx;
    const before = snapshot(t);
    const field = async (line: Record<string, unknown>) => {
      const e = await t.fail('po.create', { supplierId: s.id, lines: [{ itemId: items.beef, packs: '1' }, line] });
      return [e.code, e.fields?.[0]?.path, e.fields?.[0]?.message];
    };
    expect(await field({ itemId: items.rice, packs: '-2' })).toEqual([
      'VALIDATION',
      'lines.1.packs',
      '"-2" is not a number of packs (more than zero, up to three decimals).',
    ]);
    expect((await field({ itemId: items.rice, packs: '99999999999' }))[1]).toBe('lines.1.packs');
    expect(await field({ itemId: items.rice, packs: '1', price: -1 })).toEqual([
      'VALIDATION',
      'lines.1.price',
      'A price cannot be below zero.',
    ]);
    expect((await field({ itemId: '01900000-0000-7000-8000-000000000000', packs: '1' }))[1]).toBe('lines.1.itemId');
    expect(await field({ itemId: items.cups, packs: '1' })).toEqual([
      'VALIDATION',
      'lines.1.price',
      'T-CUP is not in this supplier’s catalogue: enter a price.',
    ]);
    expect((await field({ itemId: items.beef, packs: '2' }))[1]).toBe('lines.1.itemId');
    expect(snapshot(t)).toEqual(before);
  });

  it('runs draft -> approved -> partially received -> received, and refuses illegal steps', async () => {
    const s = await withSupplier();
    const { t, items } = fx;
    const draft = await t.call('po.create', { supplierId: s.id, lines: [{ itemId: items.beef, packs: '2' }] });
    const edited = await t.call('po.update', {
      id: draft.id,
      supplierId: s.id,
      expectedDay: shanghaiDay(5),
      note: 'x',
      lines: [
        { itemId: items.beef, packs: '3' },
        { itemId: items.rice, packs: '2' },
      ],
    });
    expect(edited).toMatchObject({ expectedDay: shanghaiDay(5), value: 1500 * YUAN });
    // Receiving needs an approved order.
    expect((await t.fail('receipts.open', { poId: draft.id, areaId: fx.areas.cooler })).fields?.[0]?.path).toBe('poId');

    await signInAs(t, 'clerk');
    expect((await t.fail('po.approve', { id: draft.id })).code).toBe('FORBIDDEN');
    await signInAs(t, 'manager');
    const approved = await t.call('po.approve', { id: draft.id });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'manager user' });
    const again = await t.fail('po.approve', { id: draft.id });
    expect(again).toMatchObject({ code: 'CONFLICT', message: `Order ${draft.number} is Approved and cannot approve.` });
    expect((await t.fail('po.update', { id: draft.id, supplierId: s.id, lines: [] })).code).toBe('CONFLICT');
    expect(
      (await t.fail('po.closeShort', { id: (await t.call('po.create', { supplierId: s.id, lines: [] })).id })).code,
    ).toBe('CONFLICT');

    await receive(draft.id, items.beef, '30');
    let po = await t.call('po.get', { id: draft.id });
    expect(po.status).toBe('partial');
    expect(po.lines.map((l) => [l.qtyReceived, l.qtyOpen])).toEqual([
      [30 * KG, 0],
      [0, 50 * KG],
    ]);
    expect(po.receivedValue).toBe(1200 * YUAN);
    expect(po.receipts).toHaveLength(1);
    expect((await t.fail('po.cancel', { id: draft.id })).code).toBe('CONFLICT');

    await receive(draft.id, items.rice, '2', '袋');
    po = await t.call('po.get', { id: draft.id });
    expect(po.status).toBe('received');
    expect(po.closedAt).not.toBeNull();
    expect((await t.fail('receipts.open', { poId: draft.id, areaId: fx.areas.cooler })).code).toBe('VALIDATION');
    expect((await t.fail('po.closeShort', { id: draft.id })).code).toBe('CONFLICT');
    await asAdmin(t);
  });

  it('closes a partly received order short and cancels drafts and untouched approved orders', async () => {
    const s = await withSupplier();
    const { t, items } = fx;
    const po = await approvedPo(t, s.id, [{ itemId: items.beef, packs: '5' }]);
    await receive(po.id, items.beef, '20');
    const open = await t.call('receipts.open', { poId: po.id, areaId: fx.areas.cooler });
    expect((await t.fail('po.closeShort', { id: po.id })).message).toContain(open.number);
    await t.call('receipts.cancelDraft', { receiptId: open.id });
    const closed = await t.call('po.closeShort', { id: po.id, reason: '供应商缺货' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: '供应商缺货' });
    expect(closed.lines[0]).toMatchObject({ qtyReceived: 20 * KG, qtyOpen: 0 });
    expect((await t.fail('receipts.open', { poId: po.id, areaId: fx.areas.cooler })).message).toBe(
      `Order ${po.number} is Closed short: goods can only be received against an approved order.`,
    );

    const d = await t.call('po.create', { supplierId: s.id, lines: [{ itemId: items.rice, packs: '1' }] });
    expect((await t.call('po.cancel', { id: d.id })).status).toBe('cancelled');
    const a = await approvedPo(t, s.id, [{ itemId: items.rice, packs: '1' }]);
    expect((await t.call('po.cancel', { id: a.id, reason: '重复下单' })).status).toBe('cancelled');
    expect((await t.fail('po.approve', { id: a.id })).code).toBe('CONFLICT');
    expect((await t.call('po.list', { status: ['cancelled'] })).length).toBe(2);
    expect((await t.call('suppliers.list', {}))[0]!.openOrders).toBe(0);
  });
});

describe('purchase orders from reorder suggestions', () => {
  it('makes one draft per preferred supplier in its packs, lists items nobody sells, and does not order twice', async () => {
    fx = await openProcurementStore();
    const { t, items, areas } = fx;
    const meat = await createSupplier(t, 'SUP-M', { leadTimeDays: 1 });
    const dry = await createSupplier(t, 'SUP-D', { leadTimeDays: 3 });
    await offer(t, meat.id, items.beef, '箱', ['10', 'kg'], 400, { preferred: true });
    await offer(t, dry.id, items.beef, '箱', ['10', 'kg'], 300); // cheaper, but not preferred
    await offer(t, dry.id, items.rice, '袋', ['25', 'kg'], 150);
    setLevels(t, items.beef, 5 * KG, 30 * KG); // on hand 4 kg -> need 26 kg -> 3 boxes
    setLevels(t, items.rice, 10 * KG, 60 * KG); // none on hand -> 60 kg -> 3 bags
    setLevels(t, items.cups, 100_000, 200_000); // nobody sells cups
    postStock(t, [{ itemId: items.beef, areaId: areas.cooler, kind: 'receipt', qty: 4 * KG, value: 160 * YUAN }]);
    const out = await t.call('po.fromReorder', {});
    expect(out.unassigned.map((u) => u.code)).toEqual(['T-CUP']);
    expect(out.orders.map((o) => [o.supplierCode, o.status, o.source, o.lines, o.value])).toEqual(
      expect.arrayContaining([
        ['SUP-M', 'draft', 'reorder', 1, 1200 * YUAN],
        ['SUP-D', 'draft', 'reorder', 1, 450 * YUAN],
      ]),
    );
    const m = await t.call('po.get', { id: out.orders.find((o) => o.supplierCode === 'SUP-M')!.id });
    expect(m.expectedDay).toBe(shanghaiDay(1));
    expect(m.lines.map((l) => [l.itemCode, l.packs, l.qtyOrdered])).toEqual([['T-BEEF', 3000, 30 * KG]]);

    // Run again: everything is on an open order now.
    const again = await t.call('po.fromReorder', {});
    expect(again.orders).toEqual([]);
    expect(again.onOrder.sort()).toEqual(['T-BEEF', 'T-RICE']);
    // Only some items.
    expect((await t.call('po.fromReorder', { itemIds: [items.cups] })).unassigned).toHaveLength(1);
  });
});

describe('purchase order export', () => {
  it('writes a PDF with a Chinese font and an XLSX that opens with the lines and the total', async () => {
    const s = await withSupplier();
    const { t, items } = fx;
    const po = await t.call('po.create', {
      supplierId: s.id,
      note: '冷链配送',
      lines: [
        { itemId: items.beef, packs: '3' },
        { itemId: items.rice, packs: '2' },
      ],
    });
    const pdf = await t.call('po.export', { id: po.id, format: 'pdf' }, { locale: 'zh-CN' });
    expect(pdf).toMatchObject({ fileName: `${po.number}.pdf`, mime: 'application/pdf' });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/WenQuanYi|FontFile2/);

    const x = await t.call('po.export', { id: po.id, format: 'xlsx' }, { locale: 'zh-CN' });
    expect(x.fileName).toBe(`${po.number}.xlsx`);
    const { Workbook } = await loadExcelJS();
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    const text: string[] = [];
    ws.eachRow((row) => text.push((row.values as unknown[]).map((v) => (v === undefined ? '' : String(v))).join('|')));
    const all = text.join('\n');
    expect(all).toContain('采购订单');
    expect(all).toContain(po.number);
    expect(all).toContain('肥牛卷');
    expect(all).toContain('XD-BEEF');
    expect(all).toMatch(/合计（¥）.*\|1500/);
    const en = await t.call('po.export', { id: po.id, format: 'xlsx' }, { locale: 'en' });
    const wb2 = new Workbook();
    await wb2.xlsx.load(Buffer.from(en.base64, 'base64') as never);
    expect(String(wb2.worksheets[0]!.getCell(1, 1).value)).toBe('Purchase order');
  });
});
