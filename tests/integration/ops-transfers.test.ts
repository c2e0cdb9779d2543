import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN, addItem, count, dayFromToday, openSecondStore } from '../helpers/ops';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let a: TestBackend;
let b: TestBackend;
let fa: StockFixture;
let fb: StockFixture;
afterEach(() => {
  a?.close();
  b?.close();
});

async function setUp() {
  a = await openSetUpBackend();
  b = await openSecondStore('BJ-002');
  fa = seedStockFixture(a);
  fb = seedStockFixture(b);
  postStock(a, [
    { itemId: fa.items.beef, areaId: fa.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN },
    { itemId: fa.items.beef, areaId: fa.areas.cooler, kind: 'receipt', qty: 5 * KG, value: 460 * YUAN },
    {
      itemId: fa.items.fish,
      areaId: fa.areas.cooler,
      kind: 'receipt',
      qty: 3 * KG,
      value: 180 * YUAN,
      lot: 'F-01',
      expiry: '2099-12-31',
    },
  ]);
}

async function sendOut() {
  return a.call('ops.transferOut', {
    toStore: 'BJ-002',
    areaId: fa.areas.cooler,
    lines: [
      { itemId: fa.items.beef, qty: '3', unit: 'kg' },
      { itemId: fa.items.fish, qty: '1', unit: 'kg', lot: 'F-01' },
    ],
    note: '支援北京店',
  });
}

describe('transfers between stores', () => {
  it('goes out at the moving average, travels as a checksummed file, and arrives with a difference pro rata', async () => {
    await setUp();
    const out = await sendOut();
    expect(out.number).toMatch(/^DB-SH001-\d{8}-01$/);
    const second = await a.call('ops.transferOut', {
      toStore: 'BJ-002',
      areaId: fa.areas.cooler,
      lines: [{ itemId: fa.items.beef, qty: '1', unit: 'kg' }],
    });
    expect(second.number).toBe(out.number.replace(/-01$/, '-02'));

    // Beef average: 1260 / 15 kg = 84/kg -> 3 kg = 252.
    const [sent] = (await a.call('ops.transfers', { direction: 'out' })).filter((x) => x.id === out.id);
    expect(sent).toMatchObject({ status: 'in_transit', fromStore: 'SH-001', toStore: 'BJ-002', direction: 'out' });
    expect(sent!.lines.map((l) => [l.itemCode, l.qtySent, l.valueSent, l.lot, l.expiry])).toEqual([
      ['T-BEEF', 3 * KG, 252 * YUAN, '', null],
      ['T-FISH', 1 * KG, 60 * YUAN, 'F-01', '2099-12-31'],
    ]);
    expect((await a.call('stock.onHand', { itemId: fa.items.beef }))[0]!.qty).toBe(11 * KG);

    const file = await a.call('ops.transferExport', { id: out.id });
    expect(file.fileName).toBe(`${out.number}.json`);
    const doc = JSON.parse(file.content) as { payload: { lines: { itemCode: string }[] }; sha256: string };
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.payload.lines.map((l) => l.itemCode)).toEqual(['T-BEEF', 'T-FISH']);

    const imp = await b.call('ops.transferImport', { content: file.content });
    expect(imp.number).toBe(out.number);
    const dup = await b.fail('ops.transferImport', { content: file.content });
    expect(dup).toMatchObject({
      code: 'CONFLICT',
      message: `Transfer ${out.number} from SH-001 was already imported.`,
    });

    const [incoming] = await b.call('ops.transfers', { direction: 'in' });
    expect(incoming).toMatchObject({ id: imp.id, status: 'in_transit', direction: 'in' });
    expect(incoming!.lines[0]!.itemId).toBe(fb.items.beef);
    const [beefLine, fishLine] = incoming!.lines;

    // 2.5 kg of beef arrived instead of 3: stock gains 252 - 252 x 0.5 / 3 = 210.
    const done = await b.call('ops.transferReceive', {
      id: imp.id,
      areaId: fb.areas.cooler,
      lines: [
        { lineId: beefLine!.id, qtyReceived: 2.5 * KG, note: '少 0.5 kg' },
        { lineId: fishLine!.id, qtyReceived: 1 * KG },
      ],
    });
    expect(done).toEqual({ moves: 3, value: 270 * YUAN });
    const onHand = await b.call('stock.onHand', {});
    expect(onHand.map((r) => [r.code, r.lot, r.expiry, r.qty, r.value])).toEqual([
      ['T-BEEF', '', null, 2.5 * KG, 210 * YUAN],
      ['T-FISH', 'F-01', '2099-12-31', 1 * KG, 60 * YUAN],
    ]);
    const [after] = await b.call('ops.transfers', { direction: 'in' });
    expect(after!.status).toBe('received');
    expect(after!.lines[0]).toMatchObject({ qtySent: 3 * KG, qtyReceived: 2.5 * KG, note: '少 0.5 kg' });

    const again = await b.fail('ops.transferReceive', {
      id: imp.id,
      areaId: fb.areas.cooler,
      lines: [{ lineId: beefLine!.id, qtyReceived: 1 }],
    });
    expect(again.code).toBe('CONFLICT');
  });

  it('books what did not arrive as a transfer variance with its reason: the value that left is the value booked here', async () => {
    await setUp();
    const out = await sendOut();
    const { content } = await a.call('ops.transferExport', { id: out.id });
    const imp = await b.call('ops.transferImport', { content });
    const [incoming] = await b.call('ops.transfers', { direction: 'in' });
    const [beefLine, fishLine] = incoming!.lines;
    const lines = [
      { lineId: beefLine!.id, qtyReceived: 2.5 * KG },
      { lineId: fishLine!.id, qtyReceived: 1 * KG },
    ];
    // A difference needs its reason, next to the line's note.
    const noReason = await b.fail('ops.transferReceive', { id: imp.id, areaId: fb.areas.cooler, lines });
    expect(noReason.fields).toEqual([
      { path: 'lines.0.note', message: expect.stringContaining('What arrived differs from what was sent (3000 g)') },
    ]);
    expect(count(b, 'SELECT count(*) AS n FROM stock_moves')).toBe(0);
    lines[0] = { ...lines[0]!, note: '途中破损一袋' } as never;
    await b.call('ops.transferReceive', { id: imp.id, areaId: fb.areas.cooler, lines });

    // What left SH-001 (at its moving average) is exactly what BJ-002 booked in; the ¥42 of beef that
    // did not arrive is BJ-002's transfer variance, with the reason, not value that vanished.
    const left = (await a.call('stock.moves', { docType: 'transfer', docId: out.id })).rows;
    const came = (await b.call('stock.moves', { docType: 'transfer', docId: imp.id })).rows;
    const sum = (rows: typeof left, kind: string) =>
      rows.filter((r) => r.kind === kind).reduce((s, r) => [s[0]! + r.qty, s[1]! + r.value], [0, 0]);
    expect(sum(left, 'transfer_out')).toEqual([-4 * KG, -312 * YUAN]);
    expect(sum(came, 'transfer_in')).toEqual([4 * KG, 312 * YUAN]);
    expect(came.filter((r) => r.kind === 'transfer_variance').map((r) => [r.code, r.qty, r.value, r.note])).toEqual([
      ['T-BEEF', -0.5 * KG, -42 * YUAN, `${out.number}: 途中破损一袋`],
    ]);
    const onHand = await b.call('stock.onHand', { itemId: fb.items.beef });
    expect(onHand.map((r) => [r.qty, r.value])).toEqual([[2.5 * KG, 210 * YUAN]]);

    // A manager finds it among the losses: the waste report and the period summary.
    const day = dayFromToday(0);
    const waste = await b.call('reports.waste', { from: day, to: day });
    expect(waste.byReason.map((r) => [r.nameZh, r.nameEn, r.value])).toEqual([
      ['调拨差异（途中短溢）', 'Transfer variance (in transit)', 42 * YUAN],
    ]);
    const summary = await b.call('reports.summary', { from: day, to: day });
    const beef = summary.rows.find((r) => r.itemId === fb.items.beef)!;
    expect([beef.transferInValue, beef.wasteQty, beef.wasteValue, beef.closingValue]).toEqual([
      252 * YUAN,
      0.5 * KG,
      42 * YUAN,
      210 * YUAN,
    ]);
  });

  it('refuses a file with item codes this store does not have, naming them, and writes nothing', async () => {
    await setUp();
    const only = addItem(a, 'ONLY-SH');
    postStock(a, [{ itemId: only, areaId: fa.areas.dry, kind: 'receipt', qty: 5000, value: 1 }]);
    const out = await a.call('ops.transferOut', {
      toStore: 'BJ-002',
      areaId: fa.areas.dry,
      lines: [{ itemId: only, qty: '2', unit: 'g' }],
    });
    const file = await a.call('ops.transferExport', { id: out.id });
    const err = await b.fail('ops.transferImport', { content: file.content }, { locale: 'zh-CN' });
    expect(err).toMatchObject({ code: 'VALIDATION', message: '本店没有以下物品：ONLY-SH。请先建档后再导入。' });
    expect(count(b, 'SELECT count(*) AS n FROM transfers')).toBe(0);
    expect(count(b, 'SELECT count(*) AS n FROM transfer_lines')).toBe(0);
  });

  it('refuses a tampered file, a file for another store, a transfer to itself and a partial confirmation', async () => {
    await setUp();
    const out = await sendOut();
    const { content } = await a.call('ops.transferExport', { id: out.id });
    const tampered = content.replace('"qty":3000000', '"qty":9000000');
    expect(tampered).not.toBe(content);
    expect((await b.fail('ops.transferImport', { content: tampered })).message).toContain('checksum');
    expect((await b.fail('ops.transferImport', { content: 'not json' })).message).toContain('not a transfer file');

    const c = await openSecondStore('GZ-003');
    try {
      const wrong = await c.fail('ops.transferImport', { content });
      expect(wrong.message).toBe(`Transfer ${out.number} is addressed to store BJ-002, not to this store (GZ-003).`);
    } finally {
      c.close();
    }

    const self = await a.fail('ops.transferOut', {
      toStore: 'sh-001',
      areaId: fa.areas.cooler,
      lines: [{ itemId: fa.items.beef, qty: '1', unit: 'kg' }],
    });
    expect(self.fields?.[0]?.path).toBe('toStore');

    const imp = await b.call('ops.transferImport', { content });
    const [incoming] = await b.call('ops.transfers', { direction: 'in' });
    const partial = await b.fail('ops.transferReceive', {
      id: imp.id,
      areaId: fb.areas.cooler,
      lines: [{ lineId: incoming!.lines[0]!.id, qtyReceived: 3 * KG }],
    });
    expect(partial.message).toBe('Confirm every line of the transfer (missing: T-FISH).');
    expect(count(b, 'SELECT count(*) AS n FROM stock_moves')).toBe(0);
    expect(count(b, "SELECT count(*) AS n FROM transfers WHERE status = 'in_transit'")).toBe(1);
  });
});
