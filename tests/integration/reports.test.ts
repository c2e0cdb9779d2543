import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src-shared/api';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { postStock, seedStockFixture, type StockFixture, type TestMove } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

const KG = 1_000_000;
const YUAN = 10_000;
/** Store time is Asia/Shanghai (+08:00): the business day is the local date. */
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

type SummaryRow = MethodOutput<'reports.summary'>['rows'][number];
const pick = (r: SummaryRow | undefined) =>
  r && {
    opening: [r.openingQty, r.openingValue],
    receipt: [r.receiptQty, r.receiptValue],
    usage: [r.usageQty, r.usageValue],
    waste: [r.wasteQty, r.wasteValue],
    adjust: [r.adjustQty, r.adjustValue],
    internal: [r.internalQty, r.internalValue],
    closing: [r.closingQty, r.closingValue],
  };

/**
 * Beef in the cooler, by hand (¥ per kg in brackets):
 *   01-20  receipt 10 kg ¥800                  10 kg ¥800 (80)
 *   02-05  receipt 10 kg ¥1000  (back-dated)    20 kg ¥1800 (90)
 *   02-10  issue 4 kg   ¥360 (¥320 before the back-dated receipt)   16 kg ¥1440
 *   02-28 23:30  waste 1 kg ¥90 (was ¥80)       15 kg ¥1350
 *   03-01 00:30  receipt 5 kg ¥460  (still 02-28 in UTC)  20 kg ¥1810
 *   03-15  issue 2 kg   ¥181 (was ¥172)         18 kg ¥1629
 * Rice in the dry store: 01-05 receipt 50 kg ¥250; 02-15 moved 20 kg to the cooler (¥100 each way).
 */
async function seedHandCase() {
  t = await openSetUpBackend();
  fx = seedStockFixture(t);
  const { beef, rice } = fx.items;
  const { cooler, dry } = fx.areas;
  const post = (moves: TestMove[]) => postStock(t, moves);
  await post([
    {
      itemId: beef,
      areaId: cooler,
      kind: 'receipt',
      qty: 10 * KG,
      value: 800 * YUAN,
      occurredAt: at('2026-01-20T10:00:00'),
    },
    {
      itemId: rice,
      areaId: dry,
      kind: 'receipt',
      qty: 50 * KG,
      value: 250 * YUAN,
      occurredAt: at('2026-01-05T10:00:00'),
    },
  ]);
  await post([{ itemId: beef, areaId: cooler, kind: 'issue', qty: 4 * KG, occurredAt: at('2026-02-10T12:00:00') }]);
  await post([
    {
      itemId: beef,
      areaId: cooler,
      kind: 'waste',
      qty: 1 * KG,
      reason: 'spoiled',
      occurredAt: at('2026-02-28T23:30:00'),
    },
    { itemId: rice, areaId: dry, kind: 'area_out', qty: 20 * KG, occurredAt: at('2026-02-15T09:00:00') },
    { itemId: rice, areaId: cooler, kind: 'area_in', qty: 20 * KG, occurredAt: at('2026-02-15T09:00:00') },
  ]);
  await post([
    {
      itemId: beef,
      areaId: cooler,
      kind: 'receipt',
      qty: 5 * KG,
      value: 460 * YUAN,
      occurredAt: at('2026-03-01T00:30:00'),
    },
  ]);
  await post([{ itemId: beef, areaId: cooler, kind: 'issue', qty: 2 * KG, occurredAt: at('2026-03-15T12:00:00') }]);
  const before = await t.call('reports.summary', { from: '2026-02-01', to: '2026-03-31' });
  await post([
    {
      itemId: beef,
      areaId: cooler,
      kind: 'receipt',
      qty: 10 * KG,
      value: 1000 * YUAN,
      occurredAt: at('2026-02-05T08:00:00'),
    },
  ]);
  return before;
}

describe('period stock summary (进销存)', () => {
  it('adds up whole months, edge days and a back-dated receipt, by hand', async () => {
    const before = await seedHandCase();
    const beefOf = (s: MethodOutput<'reports.summary'>) => pick(s.rows.find((r) => r.code === 'T-BEEF'));
    // Before the back-dated receipt the issues left at ¥80/kg.
    expect(beefOf(before)).toMatchObject({
      opening: [10 * KG, 800 * YUAN],
      usage: [6 * KG, 492 * YUAN],
      waste: [1 * KG, 80 * YUAN],
      closing: [8 * KG, 688 * YUAN],
    });

    // February only: whole month from the monthly totals.
    const feb = await t.call('reports.summary', { from: '2026-02-01', to: '2026-02-28' });
    expect(beefOf(feb)).toEqual({
      opening: [10 * KG, 800 * YUAN],
      receipt: [10 * KG, 1000 * YUAN],
      usage: [4 * KG, 360 * YUAN],
      waste: [1 * KG, 90 * YUAN],
      adjust: [0, 0],
      internal: [0, 0],
      closing: [15 * KG, 1350 * YUAN],
    });
    // Edge days on both sides (02-08..03-10): opening includes the back-dated 02-05 receipt.
    const edges = await t.call('reports.summary', { from: '2026-02-08', to: '2026-03-10' });
    expect(beefOf(edges)).toMatchObject({
      opening: [20 * KG, 1800 * YUAN],
      receipt: [5 * KG, 460 * YUAN],
      usage: [4 * KG, 360 * YUAN],
      waste: [1 * KG, 90 * YUAN],
      closing: [20 * KG, 1810 * YUAN],
    });
    // One day across the time-zone edge: 03-01 local holds the 00:30 receipt.
    const mar1 = await t.call('reports.summary', { from: '2026-03-01', to: '2026-03-01' });
    expect(beefOf(mar1)).toMatchObject({ opening: [15 * KG, 1350 * YUAN], receipt: [5 * KG, 460 * YUAN] });

    // Area moves net out over all areas and show per area.
    const rice = feb.rows.find((r) => r.code === 'T-RICE')!;
    expect([rice.internalQty, rice.internalValue, rice.closingQty]).toEqual([0, 0, 50 * KG]);
    const cooler = await t.call('reports.summary', { from: '2026-02-01', to: '2026-02-28', areaId: fx.areas.cooler });
    expect(cooler.rows.find((r) => r.code === 'T-RICE')).toMatchObject({
      openingQty: 0,
      internalQty: 20 * KG,
      internalValue: 100 * YUAN,
      closingValue: 100 * YUAN,
    });
    // One category (the fixture puts every item in 'test').
    expect(feb.categories).toEqual([
      expect.objectContaining({
        category: 'test',
        items: 2,
        openingValue: 1050 * YUAN,
        closingValue: 1600 * YUAN,
        usageValue: 360 * YUAN,
      }),
    ]);
    expect((await t.call('reports.summary', { from: '2026-02-01', to: '2026-02-28', category: 'none' })).rows).toEqual(
      [],
    );
    const err = await t.fail('reports.summary', { from: '2026-03-01', to: '2026-02-01' });
    expect(err.code).toBe('VALIDATION');
  });

  it('values stock at the end of any day, across month and time-zone edges', async () => {
    await seedHandCase();
    const beefAt = async (day: string) => {
      const r = (await t.call('reports.valuation', { day })).find((x) => x.code === 'T-BEEF');
      return r && [r.qty, r.value];
    };
    expect(await beefAt('2026-01-19')).toBeUndefined();
    expect(await beefAt('2026-01-31')).toEqual([10 * KG, 800 * YUAN]);
    expect(await beefAt('2026-02-09')).toEqual([20 * KG, 1800 * YUAN]);
    expect(await beefAt('2026-02-28')).toEqual([15 * KG, 1350 * YUAN]);
    expect(await beefAt('2026-03-01')).toEqual([20 * KG, 1810 * YUAN]);
    expect(await beefAt('2026-03-31')).toEqual([18 * KG, 1629 * YUAN]);
    // Today it equals the balances kept by posting.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const onHand = await t.call('stock.onHand', { itemId: fx.items.beef });
    expect(await beefAt(today)).toEqual([onHand[0]!.qty, onHand[0]!.value]);
    const dry = await t.call('reports.valuation', { day: '2026-02-28', areaId: fx.areas.dry });
    expect(dry.map((r) => [r.code, r.qty, r.value])).toEqual([['T-RICE', 30 * KG, 150 * YUAN]]);
  });

  it('reports waste by reason and item, a reversal netting out under its own reason', async () => {
    await seedHandCase();
    const { beef, rice } = fx.items;
    const [w] = postStock(t, [
      {
        itemId: rice,
        areaId: fx.areas.dry,
        kind: 'waste',
        qty: 2 * KG,
        reason: 'expired',
        occurredAt: at('2026-03-03T10:00:00'),
      },
    ]);
    postStock(t, [
      {
        itemId: beef,
        areaId: fx.areas.cooler,
        kind: 'waste',
        qty: 1 * KG,
        reason: 'spoiled',
        occurredAt: at('2026-03-20T10:00:00'),
      },
    ]);
    const r = await t.call('reports.waste', { from: '2026-02-01', to: '2026-03-31' });
    expect(r.byReason.map((x) => [x.reason, x.moves, x.value])).toEqual([
      ['spoiled', 2, (90 + 9050 / 100) * YUAN], // 02-28 ¥90; 03-20 1 kg of 18 kg ¥1629 = ¥90.50
      ['expired', 1, 10 * YUAN],
    ]);
    expect(r.byItem.map((x) => [x.code, x.reason, x.qty])).toEqual([
      ['T-BEEF', 'spoiled', 2 * KG],
      ['T-RICE', 'expired', 2 * KG],
    ]);
    await t.call('stock.reverse', { seq: w!.seq, note: 'mistake' });
    const after = await t.call('reports.waste', { from: '2026-02-01', to: '2026-12-31' });
    expect(after.byReason.map((x) => x.reason)).toEqual(['spoiled']);
  });

  it('exports a real XLSX workbook', async () => {
    await seedHandCase();
    const x = await t.call('reports.xlsx', {
      title: '进销存汇总',
      columns: [
        { key: 'code', header: '编码', type: 'text' },
        { key: 'qty', header: '数量', type: 'qty' },
        { key: 'value', header: '金额', type: 'money' },
      ],
      rows: [{ code: 'T-BEEF', qty: 15 * KG, value: 1350 * YUAN }],
      totals: { code: '合计', value: 1350 * YUAN },
    });
    const buf = Buffer.from(x.base64, 'base64');
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(4).values).toEqual([undefined, 'T-BEEF', 15000, 1350]);
  });
});

describe('count variance', () => {
  it('shows book, counted and the value of the posted adjustment of one count', async () => {
    await seedHandCase();
    const db = t.backend.database.sqlite;
    const countId = '01900000-0000-7000-8000-000000000001';
    db.prepare(
      `INSERT INTO stock_counts (id, number, status, scope, blind, started_at, posted_at, note) VALUES (?, 'C-0001', 'posted', '{}', 0, ?, ?, '')`,
    ).run(countId, Date.now(), Date.now());
    const line = db.prepare(
      `INSERT INTO stock_count_lines (id, count_id, item_id, area_id, lot, book_qty, counted_qty) VALUES (?, ?, ?, ?, '', ?, ?)`,
    );
    line.run('l1', countId, fx.items.beef, fx.areas.cooler, 18 * KG, 17 * KG);
    line.run('l2', countId, fx.items.rice, fx.areas.dry, 30 * KG, null);
    // The count's own posting (the counts feature writes these through postMoves with docType 'count').
    postStock(t, [
      {
        itemId: fx.items.beef,
        areaId: fx.areas.cooler,
        kind: 'count_adjust',
        qty: -1 * KG,
        docType: 'count',
        docId: countId,
      },
    ]);
    expect((await t.call('reports.postedCounts', {})).map((c) => [c.number, c.lines])).toEqual([['C-0001', 2]]);
    const rows = await t.call('reports.countVariance', { countId });
    expect(rows.map((r) => [r.code, r.bookQty, r.countedQty, r.varianceQty, r.adjustQty, r.adjustValue])).toEqual([
      ['T-BEEF', 18 * KG, 17 * KG, -1 * KG, -1 * KG, -(1629 * YUAN) / 18],
      ['T-RICE', 30 * KG, null, null, 0, 0],
    ]);
  });
});

/** Independent of the report code: the ledger grouped by day, summed naively. */
function naive(t: TestBackend, from: string, to: string) {
  const rows = t.backend.database.sqlite
    .prepare(
      `SELECT i.code, m.kind, m.day < ? AS before, sum(m.qty) AS qty, sum(m.value) AS value FROM stock_moves m
       JOIN items i ON i.id = m.item_id WHERE m.day <= ? GROUP BY i.code, m.kind, m.day < ?`,
    )
    .all(from, to, from) as { code: string; kind: string; before: number; qty: number; value: number }[];
  const col: Record<string, [string, number]> = {
    receipt: ['receipt', 1],
    return_supplier: ['receipt', 1],
    issue: ['usage', -1],
    sale: ['usage', -1],
    waste: ['waste', -1],
    count_adjust: ['adjust', 1],
    area_in: ['internal', 1],
    area_out: ['internal', 1],
  };
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const o = out.get(r.code) ?? {};
    out.set(r.code, o);
    const [c, s] = r.before ? ['opening', 1] : col[r.kind]!;
    o[`${c}Qty`] = (o[`${c}Qty`] ?? 0) + s * r.qty;
    o[`${c}Value`] = (o[`${c}Value`] ?? 0) + s * r.value;
    o.closingQty = (o.closingQty ?? 0) + r.qty;
    o.closingValue = (o.closingValue ?? 0) + r.value;
  }
  return out;
}

describe('summary = a naive GROUP BY over the ledger (random data)', () => {
  it('matches for random movements (posted out of time order) and random ranges', async () => {
    t = await openSetUpBackend();
    fx = seedStockFixture(t);
    const db = t.backend.database.sqlite;
    db.prepare("UPDATE store SET settings = json_set(settings, '$.negativeStock', 'allow')").run();
    const items = [fx.items.beef, fx.items.rice, fx.items.cups];
    const areas = [fx.areas.cooler, fx.areas.dry];
    const kinds = ['receipt', 'issue', 'sale', 'waste', 'count_adjust', 'return_supplier', 'area_in'] as const;
    const day0 = Date.UTC(2025, 10, 1, 2);
    const moves = fc.sample(
      fc.record({
        item: fc.nat(2),
        area: fc.nat(1),
        kind: fc.nat(kinds.length - 1),
        day: fc.nat(300),
        qty: fc.integer({ min: 1, max: 5000 }),
        value: fc.nat(90_000),
      }),
      { numRuns: 250, seed: 42 },
    );
    for (const m of moves) {
      const kind = kinds[m.kind]!;
      postStock(t, [
        {
          itemId: items[m.item]!,
          areaId: areas[m.area]!,
          kind,
          qty: kind === 'count_adjust' && m.qty % 2 ? -m.qty : m.qty,
          value: kind === 'receipt' ? m.value : undefined,
          occurredAt: new Date(day0 + m.day * 86_400_000 + m.qty * 1000).toISOString(),
        },
      ]);
    }
    const dayArb = fc.nat(330).map((d) => new Date(day0 - 10 * 86_400_000 + d * 86_400_000).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(dayArb, dayArb, async (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const s = await t.call('reports.summary', { from, to });
        const expected = naive(t, from, to);
        for (const r of s.rows) {
          const e = expected.get(r.code)!;
          for (const [k, v] of Object.entries(e))
            expect(r[k as keyof SummaryRow], `${r.code} ${k} ${from}..${to}`).toBe(v);
        }
        expect(s.rows.length).toBe([...expected.values()].filter((e) => Object.values(e).some((v) => v !== 0)).length);
        const val = await t.call('reports.valuation', { day: to });
        for (const v of val)
          expect([v.qty, v.value]).toEqual([expected.get(v.code)!.closingQty, expected.get(v.code)!.closingValue]);
      }),
      { numRuns: 60 },
    );
  });
});
