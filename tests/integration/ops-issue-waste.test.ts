import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN, addUnit, count, dayFromToday, setNegativeStock } from '../helpers/ops';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

async function setUp() {
  t = await openSetUpBackend();
  fx = seedStockFixture(t);
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('ops pickers and FEFO', () => {
  it('lists active items with their units, areas, the default waste reasons and the settings', async () => {
    await setUp();
    addUnit(t, fx.items.beef, '箱', 10 * KG, true);
    const p = await t.call('ops.pickers', {});
    const beef = p.items.find((i) => i.id === fx.items.beef)!;
    expect(beef.units).toEqual([
      { unit: 'g', factor: 1000 },
      { unit: 'kg', factor: KG },
      { unit: '箱', factor: 10 * KG },
    ]);
    expect(p.items.find((i) => i.id === fx.items.fish)!.lotTracked).toBe(true);
    expect(p.areas.map((a) => a.code).sort()).toEqual(['COOL', 'DRY']);
    expect(p.reasons.map((r) => r.code)).toEqual(['spoiled', 'expired', 'prep', 'damaged', 'return', 'other']);
    expect(p.reasons[0]).toEqual({ code: 'spoiled', nameZh: '变质', nameEn: 'Spoiled' });
    expect(p).toMatchObject({ negativeStock: 'block', expiryAlertDays: 3, storeCode: 'SH-001' });
    // Seeding is idempotent.
    await t.call('ops.pickers', {});
    expect(count(t, "SELECT count(*) AS n FROM reason_codes WHERE kind = 'waste'")).toBe(6);
  });

  it('suggests lots earliest expiry first, lots without expiry last, and issues from the lot given', async () => {
    await setUp();
    const { fish } = fx.items;
    const a = fx.areas.cooler;
    const rec = (lot: string, expiry: string | null, kg: number) => ({
      itemId: fish,
      areaId: a,
      kind: 'receipt' as const,
      qty: kg * KG,
      value: kg * 60 * YUAN,
      lot,
      expiry,
    });
    postStock(t, [rec('L-LATE', dayFromToday(9), 3), rec('L-NONE', null, 1), rec('L-SOON', dayFromToday(2), 2)]);
    const lots = await t.call('ops.fefo', { itemId: fish, areaId: a });
    expect(lots.map((l) => l.lot)).toEqual(['L-SOON', 'L-LATE', 'L-NONE']);
    expect(lots[0]).toEqual({ lot: 'L-SOON', expiry: dayFromToday(2), qty: 2 * KG });

    // A lot-tracked item needs the lot.
    const err = await t.fail('ops.issue', {
      kind: 'issue',
      areaId: a,
      lines: [{ itemId: fish, qty: '1', unit: 'kg' }],
    });
    expect(err.fields?.[0]?.path).toBe('lines.0.lot');
    expect(err.message).toBe('T-FISH is lot-tracked: pick the lot to take from.');

    const out = await t.call('ops.issue', {
      kind: 'issue',
      areaId: a,
      lines: [{ itemId: fish, qty: '1.5', unit: 'kg', lot: 'L-SOON' }],
      reason: 'kitchen',
    });
    expect(out).toMatchObject({ moves: 1, value: 90 * YUAN });
    const after = await t.call('ops.fefo', { itemId: fish, areaId: a });
    expect(after[0]).toEqual({ lot: 'L-SOON', expiry: dayFromToday(2), qty: 0.5 * KG });
    const moves = (await t.call('stock.moves', { docId: out.docId })).rows;
    expect(moves).toEqual([
      expect.objectContaining({ kind: 'issue', qty: -1.5 * KG, lot: 'L-SOON', docType: 'issue' }),
    ]);
    expect(moves[0]!.expiry).toBe(dayFromToday(2));
  });
});

describe('ops.issue', () => {
  it('converts the typed unit exactly and refuses unknown units and too fine quantities', async () => {
    await setUp();
    const { rice } = fx.items;
    const dry = fx.areas.dry;
    addUnit(t, rice, '袋', 25 * KG);
    postStock(t, [{ itemId: rice, areaId: dry, kind: 'receipt', qty: 100 * KG, value: 500 * YUAN }]);
    await t.call('ops.issue', { kind: 'sale', areaId: dry, lines: [{ itemId: rice, qty: '1.5', unit: '袋' }] });
    expect((await t.call('stock.onHand', { itemId: rice }))[0]!.qty).toBe(62.5 * KG);

    const unit = await t.fail('ops.issue', {
      kind: 'issue',
      areaId: dry,
      lines: [{ itemId: rice, qty: '1', unit: 'kgs' }],
    });
    expect(unit.code).toBe('VALIDATION');
    expect(unit.fields?.[0]?.path).toBe('lines.0.unit');
    expect(unit.message).toBe('Unknown unit "kgs" for T-RICE. Use one of: g, kg, 袋.');
    const fine = await t.fail('ops.issue', {
      kind: 'issue',
      areaId: dry,
      lines: [{ itemId: rice, qty: '0.0001', unit: 'g' }],
    });
    expect(fine.fields?.[0]?.path).toBe('lines.0.qty');
    const neg = await t.fail('ops.issue', {
      kind: 'issue',
      areaId: dry,
      lines: [{ itemId: rice, qty: '-2', unit: 'kg' }],
    });
    expect(neg.fields?.[0]?.path).toBe('lines.0.qty');
    expect(await count(t, 'SELECT count(*) AS n FROM stock_moves')).toBe(2);
  });

  it('refuses to go negative naming the item and the line, and writes none of the document', async () => {
    await setUp();
    const { beef, rice } = fx.items;
    const a = fx.areas.cooler;
    postStock(t, [
      { itemId: beef, areaId: a, kind: 'receipt', qty: 5 * KG, value: 400 * YUAN },
      { itemId: rice, areaId: a, kind: 'receipt', qty: 1 * KG, value: 5 * YUAN },
    ]);
    const err = await t.fail(
      'ops.issue',
      {
        kind: 'issue',
        areaId: a,
        lines: [
          { itemId: beef, qty: '2', unit: 'kg' },
          { itemId: rice, qty: '3', unit: 'kg' },
        ],
      },
      { locale: 'zh-CN' },
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('T-RICE');
    expect(err.fields?.[0]?.path).toBe('lines.1.qty');
    expect((await t.call('stock.onHand', { itemId: beef }))[0]!.qty).toBe(5 * KG);
    expect(count(t, 'SELECT count(*) AS n FROM stock_moves')).toBe(2);

    // When the store allows it, the same issue goes through and the row is flagged.
    setNegativeStock(t, 'allow');
    await t.call('ops.issue', { kind: 'issue', areaId: a, lines: [{ itemId: rice, qty: '3', unit: 'kg' }] });
    expect((await t.call('stock.onHand', { itemId: rice }))[0]).toMatchObject({ qty: -2 * KG, negative: true });
  });

  it('moves stock between areas as one document of two movements', async () => {
    await setUp();
    const { cups } = fx.items;
    postStock(t, [{ itemId: cups, areaId: fx.areas.dry, kind: 'receipt', qty: 1000 * 1000, value: 100 * YUAN }]);
    const same = await t.fail('ops.issue', {
      kind: 'area_move',
      areaId: fx.areas.dry,
      toAreaId: fx.areas.dry,
      lines: [{ itemId: cups, qty: '10', unit: 'pc' }],
    });
    expect(same.fields?.[0]?.path).toBe('toAreaId');
    const out = await t.call('ops.issue', {
      kind: 'area_move',
      areaId: fx.areas.dry,
      toAreaId: fx.areas.cooler,
      lines: [{ itemId: cups, qty: '250', unit: 'pc' }],
    });
    expect(out.moves).toBe(2);
    const rows = await t.call('stock.onHand', { itemId: cups });
    expect(Object.fromEntries(rows.map((r) => [r.areaCode, [r.qty, r.value]]))).toEqual({
      COOL: [250_000, 25 * YUAN],
      DRY: [750_000, 75 * YUAN],
    });
    const moves = (await t.call('stock.moves', { docId: out.docId })).rows.map((m) => m.kind).sort();
    expect(moves).toEqual(['area_in', 'area_out']);
  });
});

describe('ops.waste', () => {
  async function withBeef() {
    await setUp();
    postStock(t, [
      { itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN },
    ]);
  }
  const line = (qty: string, reason: string) => ({ itemId: fx.items.beef, qty, unit: 'kg', reason });

  it('records several lines with their reasons and a photo, valued at the moving average', async () => {
    await withBeef();
    const out = await t.call('ops.waste', {
      areaId: fx.areas.cooler,
      lines: [line('0.5', 'spoiled'), line('0.25', 'prep')],
      note: '冷库温度异常',
      photo: { fileName: 'beef.png', dataBase64: PNG.toString('base64') },
    });
    expect(out).toMatchObject({ moves: 2, value: 60 * YUAN });
    const rows = (await t.call('stock.moves', { docType: 'waste' })).rows;
    expect(rows.map((r) => [r.reason, r.qty, r.value]).sort()).toEqual([
      ['prep', -0.25 * KG, -20 * YUAN],
      ['spoiled', -0.5 * KG, -40 * YUAN],
    ]);
    const att = t.backend.database.sqlite
      .prepare("SELECT owner_id AS ownerId, mime, bytes, data FROM attachments WHERE owner_type = 'waste'")
      .all() as { ownerId: string; mime: string; bytes: number; data: string }[];
    expect(att).toEqual([{ ownerId: out.docId, mime: 'image/png', bytes: PNG.length, data: PNG.toString('base64') }]);
  });

  it('refuses a non-image, a too large photo and an unknown reason, writing nothing', async () => {
    await withBeef();
    const base = { areaId: fx.areas.cooler, lines: [line('1', 'spoiled')] };
    const pdf = await t.fail('ops.waste', {
      ...base,
      photo: { fileName: 'fake.png', dataBase64: Buffer.from('%PDF-1.7 not an image').toString('base64') },
    });
    expect(pdf).toMatchObject({ code: 'VALIDATION', message: 'The photo must be a PNG or JPEG image.' });
    expect(pdf.fields?.[0]?.path).toBe('photo');

    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await t.fail('ops.waste', {
      ...base,
      photo: { fileName: 'big.jpg', dataBase64: big.toString('base64') },
    });
    expect(tooBig.message).toBe('The photo is 2.0 MB; at most 2 MB is allowed.');

    const reason = await t.fail('ops.waste', {
      areaId: fx.areas.cooler,
      lines: [line('1', 'spoiled'), line('1', 'lost')],
    });
    expect(reason.fields?.[0]?.path).toBe('lines.1.reason');
    expect(reason.message).toContain('"lost"');

    const tooMuch = await t.fail('ops.waste', { areaId: fx.areas.cooler, lines: [line('11', 'spoiled')] });
    expect(tooMuch).toMatchObject({ code: 'CONFLICT' });
    expect(tooMuch.fields?.[0]?.path).toBe('lines.0.qty');

    expect(count(t, "SELECT count(*) AS n FROM stock_moves WHERE kind = 'waste'")).toBe(0);
    expect(count(t, 'SELECT count(*) AS n FROM attachments')).toBe(0);
  });

  it('is refused to a technician', async () => {
    await withBeef();
    await t.call('users.create', {
      username: 'tech',
      displayName: 'Tech',
      role: 'technician',
      authKind: 'pin',
      secret: '5678',
    } as never);
    await t.call('session.logout', {} as never);
    await t.call('session.login', { username: 'tech', secret: '5678' } as never);
    const err = await t.fail('ops.waste', { areaId: fx.areas.cooler, lines: [line('1', 'spoiled')] });
    expect(err.code).toBe('FORBIDDEN');
  });
});
