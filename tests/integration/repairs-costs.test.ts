import { afterEach, describe, expect, it } from 'vitest';
import { setNegativeStock, YUAN } from '../helpers/ops';
import { act, openRepairsStore, report, rows, type RepairsFixture } from '../helpers/repairs';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let f: RepairsFixture | undefined;
afterEach(() => {
  f?.t.close();
  f = undefined;
});

const PC = 1000; // thousandths of a piece

async function setUp() {
  f = await openRepairsStore();
  const fx: StockFixture = seedStockFixture(f.t);
  await f.as('boss');
  // 100 gaskets (the fixture's piece item) at ¥0.50 each.
  postStock(f.t, [{ itemId: fx.items.cups, areaId: fx.areas.dry, kind: 'receipt', qty: 100 * PC, value: 50 * YUAN }], {
    now: f.clock.now,
  });
  const vendor = await f.t.call('vendors.save', {
    code: 'V-COLD',
    name: '冷链设备服务',
    contact: '周工',
    phone: '021-55556666',
    categories: ['refrigeration'],
    contractNo: 'HT-2026-01',
    contractStart: '2026-01-01',
    contractEnd: '2026-12-31',
  });
  return { fx, vendor };
}

const onHand = async (fx: StockFixture) =>
  (await f!.t.call('stock.onHand', { itemId: fx.items.cups, includeZero: true }))[0]?.qty ?? 0;

describe('spare parts from stock', () => {
  it('post maintenance movements at ledger cost, come back with a reversing entry, and respect the negative-stock setting', async () => {
    const { fx } = await setUp();
    const wo = await report(f!, { equipment: f!.eq.cooler, faultCode: 'REF-BODY-SEAL', down: true });
    await act(f!, wo.id, 'assign', { assignee: { userId: f!.users.tech } });
    await f!.as('tech');
    const used = await f!.t.call('repairs.useParts', {
      id: wo.id,
      areaId: fx.areas.dry,
      lines: [{ itemId: fx.items.cups, qty: '3', unit: 'pc' }],
      note: 'door gasket',
    });
    expect(used.parts).toEqual([
      expect.objectContaining({
        itemCode: 'T-CUP',
        qty: 3 * PC,
        cost: 1.5 * YUAN,
        areaCode: 'DRY',
        returned: false,
        userName: 'tech',
      }),
    ]);
    expect(used.costs).toMatchObject({ parts: 1.5 * YUAN, total: 1.5 * YUAN });
    const ledger = (await f!.t.call('stock.moves', { docType: 'work_order', docId: wo.id })).rows;
    expect(ledger).toEqual([
      expect.objectContaining({
        kind: 'maintenance',
        qty: -3 * PC,
        value: -1.5 * YUAN,
        docType: 'work_order',
        docId: wo.id,
      }),
    ]);
    expect(ledger[0]!.note).toContain(wo.number);
    expect(await onHand(fx)).toBe(97 * PC);

    // More than on hand: refused (the store blocks negative stock), nothing written.
    const before = [rows(f!, 'work_order_parts'), rows(f!, 'stock_moves')];
    const err = await f!.t.fail('repairs.useParts', {
      id: wo.id,
      areaId: fx.areas.dry,
      lines: [{ itemId: fx.items.cups, qty: '200', unit: 'pc' }],
    });
    expect(err.code).toBe('CONFLICT');
    expect(err.fields?.[0]?.path).toBe('lines.0.qty');
    expect(err.message).toContain('T-CUP');
    expect([rows(f!, 'work_order_parts'), rows(f!, 'stock_moves')]).toEqual(before);

    // Returned: a reversing ledger row at the cost it left with.
    const returned = await f!.t.call('repairs.returnPart', { partId: used.parts[0]!.id, note: 'wrong size' });
    expect(returned.parts.map((p) => [p.qty, p.cost, p.returned, p.reversesId])).toEqual([
      [3 * PC, 1.5 * YUAN, true, null],
      [-3 * PC, -1.5 * YUAN, false, used.parts[0]!.id],
    ]);
    expect(returned.costs.parts).toBe(0);
    expect(await onHand(fx)).toBe(100 * PC);
    expect((await f!.t.fail('repairs.returnPart', { partId: used.parts[0]!.id, note: 'again' })).code).toBe('CONFLICT');

    // With negative stock allowed, the same request goes through (costed at the last average).
    setNegativeStock(f!.t, 'allow');
    const allowed = await f!.t.call('repairs.useParts', {
      id: wo.id,
      areaId: fx.areas.dry,
      lines: [{ itemId: fx.items.cups, qty: '120', unit: 'pc' }],
    });
    expect(allowed.costs.parts).toBe(60 * YUAN);
    expect(await onHand(fx)).toBe(-20 * PC);
  });
});

describe('labour, vendor invoices and costs', () => {
  it('add up per work order and per equipment, with corrections as reversing lines', async () => {
    const { fx, vendor } = await setUp();
    await f!.t.call('technicians.save', {
      userId: f!.users.tech,
      categories: ['refrigeration'],
      hourlyRate: 120 * YUAN,
    });
    const wo = await report(f!, { equipment: f!.eq.cooler, faultCode: 'REF-COOL-WARM', down: true });
    await act(f!, wo.id, 'assign', { assignee: { vendorId: vendor.id } });
    await f!.t.call('repairs.useParts', {
      id: wo.id,
      areaId: fx.areas.dry,
      lines: [{ itemId: fx.items.cups, qty: '2', unit: 'pc' }],
    });

    await f!.as('tech');
    const logged = await f!.t.call('repairs.logLabour', { id: wo.id, minutes: 90, note: 'diagnosis' });
    expect(logged.labour).toEqual([
      expect.objectContaining({ minutes: 90, rate: 120 * YUAN, cost: 180 * YUAN, userName: 'tech' }),
    ]);
    // A technician books only their own time; a manager books for the team.
    const forOther = await f!.t.fail('repairs.logLabour', { id: wo.id, userId: f!.users.tech2, minutes: 45 });
    expect(forOther).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'userId' }] });
    await f!.as('manager');
    // Without a rate of their own, the store's labour rate (¥80/h) applies.
    const second = await f!.t.call('repairs.logLabour', { id: wo.id, userId: f!.users.tech2, minutes: 45, note: '' });
    expect(second.labour[1]).toMatchObject({ rate: 80 * YUAN, cost: 60 * YUAN });
    await f!.as('tech');
    expect((await f!.t.fail('repairs.voidLabour', { labourId: second.labour[1]!.id, note: 'not mine' })).code).toBe(
      'FORBIDDEN',
    );
    const voided = await f!.t.call('repairs.voidLabour', { labourId: logged.labour[0]!.id, note: 'logged twice' });
    expect(voided.labour.map((l) => [l.minutes, l.voided])).toEqual([
      [90, true],
      [45, false],
      [-90, false],
    ]);
    expect(voided.costs).toMatchObject({ labour: 60 * YUAN, labourMinutes: 45 });
    await f!.as('clerk');
    expect((await f!.t.fail('repairs.logLabour', { id: wo.id, minutes: 10 })).code).toBe('FORBIDDEN');

    await f!.as('manager');
    const pdf = { fileName: 'invoice.pdf', dataBase64: Buffer.from('%PDF-1.4\n% invoice\n').toString('base64') };
    const inv = await f!.t.call('repairs.addInvoice', {
      id: wo.id,
      vendorId: vendor.id,
      invoiceNo: 'FP-0001',
      day: '2026-06-01',
      amount: 500 * YUAN,
      file: pdf,
    });
    expect(inv.invoices).toEqual([
      expect.objectContaining({ vendorName: '冷链设备服务', amount: 500 * YUAN, voided: false }),
    ]);
    expect(inv.invoices[0]!.attachmentId).not.toBeNull();
    const dup = await f!.t.fail('repairs.addInvoice', {
      id: wo.id,
      vendorId: vendor.id,
      invoiceNo: 'FP-0001',
      day: '2026-06-01',
      amount: YUAN,
    });
    expect(dup).toMatchObject({ code: 'CONFLICT', fields: [expect.objectContaining({ path: 'invoiceNo' })] });
    const notDoc = await f!.t.fail('repairs.addInvoice', {
      id: wo.id,
      vendorId: vendor.id,
      invoiceNo: 'FP-0002',
      day: '2026-06-01',
      amount: YUAN,
      file: { fileName: 'x.txt', dataBase64: Buffer.from('hello').toString('base64') },
    });
    expect(notDoc.fields).toEqual([{ path: 'file', message: 'The file must be a PDF, PNG or JPEG.' }]);
    await f!.t.call('repairs.voidInvoice', { invoiceId: inv.invoices[0]!.id, note: 'wrong amount' });
    const final = await f!.t.call('repairs.addInvoice', {
      id: wo.id,
      vendorId: vendor.id,
      invoiceNo: 'FP-0001',
      day: '2026-06-01',
      amount: 450 * YUAN,
    });
    // parts ¥1.00 + labour ¥60.00 + vendor ¥450.00
    expect(final.costs).toEqual({
      parts: 1 * YUAN,
      labour: 60 * YUAN,
      labourMinutes: 45,
      vendor: 450 * YUAN,
      total: 511 * YUAN,
    });

    const eq = await f!.t.call('equipment.get', { id: f!.eq.cooler });
    expect(eq.costs).toEqual({ ...final.costs, workOrders: 1 });
    const report2 = await f!.t.call('repairReports.costs', { from: '2026-06-01', to: '2026-06-01' });
    expect(report2.perEquipment).toEqual([
      expect.objectContaining({ code: 'SH001-COOL-01', workOrders: 1, ...final.costs }),
    ]);
    expect(report2.perCategory).toEqual([{ category: 'refrigeration', workOrders: 1, ...final.costs }]);
    expect(report2.total).toEqual({ workOrders: 1, ...final.costs });

    // Closed: no more costs.
    await act(f!, wo.id, 'resolve', {
      resolution: { text: 'Vendor replaced the fan', resolutionCode: 'vendor_fix', rootCauseCode: 'wear' },
    });
    await f!.as('clerk');
    await act(f!, wo.id, 'confirm');
    await f!.as('manager');
    await act(f!, wo.id, 'close');
    const closed = await f!.t.fail('repairs.logLabour', { id: wo.id, minutes: 10 });
    expect(closed.code).toBe('CONFLICT');
    expect(closed.message).toContain(wo.number);
  });
});
