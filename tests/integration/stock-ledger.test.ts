import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MOVE_KINDS, type MoveKind } from '../../src-shared/stock-kinds';
import { applyMove, emptyCost, moveValue } from '../../src-main/services/stock/costing';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { failStock, postStock, seedStockFixture, type StockFixture, type TestMove } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

const KG = 1_000_000;
const YUAN = 10_000;
const iso = (s: string) => new Date(s).toISOString();

async function setUp() {
  t = await openSetUpBackend();
  fx = seedStockFixture(t);
}

describe('stock posting', () => {
  it('keeps balances and moving-average cost in the same transaction as the movement', async () => {
    await setUp();
    const { beef } = fx.items;
    const { cooler } = fx.areas;
    postStock(t, [
      { itemId: beef, areaId: cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN },
      { itemId: beef, areaId: cooler, kind: 'receipt', qty: 5 * KG, value: 460 * YUAN },
    ]);
    const [issued] = postStock(t, [{ itemId: beef, areaId: cooler, kind: 'issue', qty: 6 * KG }]);
    expect(issued).toMatchObject({ qty: -6 * KG, value: -504 * YUAN });
    const onHand = await t.call('stock.onHand', { itemId: beef });
    expect(onHand).toEqual([
      expect.objectContaining({ qty: 9 * KG, value: 756 * YUAN, areaCode: 'COOL', negative: false }),
    ]);
  });

  it('refuses to go below zero by default, naming the item and what is available, and writes nothing', async () => {
    await setUp();
    const { rice } = fx.items;
    postStock(t, [{ itemId: rice, areaId: fx.areas.dry, kind: 'receipt', qty: 2 * KG, value: 10 * YUAN }]);
    const err = failStock(t, [
      { itemId: rice, areaId: fx.areas.dry, kind: 'issue', qty: 1 * KG },
      { itemId: rice, areaId: fx.areas.dry, kind: 'waste', qty: 1.5 * KG, reason: 'spoiled' },
    ]);
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      'Not enough T-RICE in stock: 1000 g available, 1500 g requested. Count it, or receive it first.',
    );
    expect(err.fields?.[0]?.path).toBe('moves.1.qty');
    expect((await t.call('stock.onHand', { itemId: rice }))[0]!.qty).toBe(2 * KG);
    expect((await t.call('stock.moves', { itemId: rice })).rows).toHaveLength(1);
  });

  it('rejects absurd quantities, a receipt without cost, a lot-tracked receipt without lot, and a future time', async () => {
    await setUp();
    const base = { itemId: fx.items.beef, areaId: fx.areas.cooler };
    const codeOf = async (m: object) => failStock(t, [m as TestMove]).fields?.[0]?.path;
    expect(await codeOf({ ...base, kind: 'issue', qty: -5 })).toBe('moves.0.qty');
    expect(await codeOf({ ...base, kind: 'receipt', qty: 10 ** 12, value: 1 })).toBe('moves.0.qty');
    expect(await codeOf({ ...base, kind: 'receipt', qty: 1000 })).toBe('moves.0.value');
    expect(await codeOf({ ...base, itemId: fx.items.fish, kind: 'receipt', qty: 1000, value: 1 })).toBe('moves.0.lot');
    expect(await codeOf({ ...base, kind: 'receipt', qty: 1000, value: 1, occurredAt: iso('2099-01-01') })).toBe(
      'moves.0.occurredAt',
    );
    expect((await t.call('stock.moves', {})).rows).toHaveLength(0);
  });

  it('reprices later issues when a receipt is back-dated before them', async () => {
    await setUp();
    const { beef } = fx.items;
    const a = fx.areas.cooler;
    const post = (m: object) => postStock(t, [{ itemId: beef, areaId: a, ...m } as never]);
    await post({ kind: 'receipt', qty: 10 * KG, value: 100 * YUAN, occurredAt: iso('2026-05-01T02:00:00Z') }); // ¥10/kg
    await post({ kind: 'issue', qty: 5 * KG, occurredAt: iso('2026-06-01T02:00:00Z') }); // ¥50 at ¥10/kg
    await post({ kind: 'issue', qty: 5 * KG, occurredAt: iso('2026-08-01T02:00:00Z') }); // ¥50
    // A receipt of 10 kg at ¥30/kg, forgotten in May: the average from then on is ¥20/kg.
    await post({ kind: 'receipt', qty: 10 * KG, value: 300 * YUAN, occurredAt: iso('2026-05-15T02:00:00Z') });
    const rows = (await t.call('stock.moves', { itemId: beef })).rows;
    const issues = rows.filter((r) => r.kind === 'issue').map((r) => r.value);
    expect(issues).toEqual([-100 * YUAN, -100 * YUAN]);
    const [left] = await t.call('stock.onHand', { itemId: beef });
    expect(left).toMatchObject({ qty: 10 * KG, value: 200 * YUAN });
  });

  it('reverses a movement exactly, once', async () => {
    await setUp();
    const { cups } = fx.items;
    const [r] = postStock(t, [{ itemId: cups, areaId: fx.areas.dry, kind: 'receipt', qty: 100_000, value: 50 * YUAN }]);
    const rev = await t.call('stock.reverse', { seq: r!.seq, note: 'wrong supplier' });
    expect(rev).toMatchObject({ qty: -100_000, value: -50 * YUAN, kind: 'receipt' });
    expect((await t.fail('stock.reverse', { seq: r!.seq, note: 'again' })).code).toBe('CONFLICT');
    expect(await t.call('stock.onHand', { itemId: cups })).toEqual([]);
    const page = await t.call('stock.moves', { itemId: cups });
    expect(page.rows.find((x) => x.seq === r!.seq)?.reversed).toBe(true);
  });

  it('pages movement history newest first with a keyset cursor', async () => {
    await setUp();
    const moves = Array.from({ length: 25 }, (_, i) => ({
      itemId: fx.items.rice,
      areaId: fx.areas.dry,
      kind: 'receipt' as const,
      qty: 1000,
      value: 10,
      occurredAt: iso(`2026-03-${String(i + 1).padStart(2, '0')}T04:00:00Z`),
    }));
    postStock(t, moves);
    const p1 = await t.call('stock.moves', { limit: 10 });
    const p2 = await t.call('stock.moves', { limit: 10, after: p1.next });
    const p3 = await t.call('stock.moves', { limit: 10, after: p2.next });
    const days = [...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.occurredAt.slice(0, 10));
    expect(days).toHaveLength(25);
    expect(days[0]).toBe('2026-03-25');
    expect(days[24]).toBe('2026-03-01');
    expect(p3.next).toBeNull();
    const march10 = await t.call('stock.moves', { from: '2026-03-10', to: '2026-03-12' });
    expect(march10.rows).toHaveLength(3);
  });
});

type Op =
  | { t: 'in'; item: number; area: number; qty: number; value: number; day: number }
  | { t: 'out'; kind: MoveKind; item: number; area: number; qty: number; day: number }
  | { t: 'adj'; item: number; area: number; qty: number; day: number }
  | { t: 'rev'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('in' as const),
    item: fc.nat(2),
    area: fc.nat(1),
    qty: fc.integer({ min: 1, max: 50_000 }),
    value: fc.integer({ min: 0, max: 900_000 }),
    day: fc.nat(60),
  }),
  fc.record({
    t: fc.constant('out' as const),
    kind: fc.constantFrom<MoveKind>('issue', 'waste', 'sale', 'transfer_out'),
    item: fc.nat(2),
    area: fc.nat(1),
    qty: fc.integer({ min: 1, max: 30_000 }),
    day: fc.nat(60),
  }),
  fc.record({
    t: fc.constant('adj' as const),
    item: fc.nat(2),
    area: fc.nat(1),
    qty: fc.integer({ min: -20_000, max: 20_000 }).filter((q) => q !== 0),
    day: fc.nat(60),
  }),
  fc.record({ t: fc.constant('rev' as const), pick: fc.nat(1000) }),
);

describe('ledger invariants (property-based)', () => {
  it('balances, costs and daily/monthly totals always equal a full recomputation from the ledger', async () => {
    await setUp();
    const items = [fx.items.beef, fx.items.rice, fx.items.cups];
    const areas = [fx.areas.cooler, fx.areas.dry];
    const sqlite = t.backend.database.sqlite;
    sqlite.prepare("UPDATE store SET settings = json_set(settings, '$.negativeStock', 'allow')").run();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        run++;
        for (const op of ops) {
          const at = (day: number) => new Date(Date.UTC(2026, 0, 1, 3) + day * 86_400_000 + run).toISOString();
          if (op.t === 'rev') {
            const seqs = sqlite
              .prepare(
                'SELECT seq FROM stock_moves WHERE reverses_seq IS NULL AND seq NOT IN (SELECT reverses_seq FROM stock_moves WHERE reverses_seq IS NOT NULL)',
              )
              .all() as { seq: number }[];
            if (seqs.length) await t.call('stock.reverse', { seq: seqs[op.pick % seqs.length]!.seq, note: 'test' });
            continue;
          }
          const base = { itemId: items[op.item]!, areaId: areas[op.area]!, occurredAt: at(op.day) };
          const move =
            op.t === 'in'
              ? { ...base, kind: 'receipt' as const, qty: op.qty, value: op.value }
              : op.t === 'out'
                ? { ...base, kind: op.kind, qty: op.qty }
                : { ...base, kind: 'count_adjust' as const, qty: op.qty };
          postStock(t, [move]);
        }
        // Balances = sum of the ledger.
        const diffBal = sqlite
          .prepare(
            `SELECT count(*) AS n FROM (SELECT item_id, area_id, lot, sum(qty) AS q FROM stock_moves GROUP BY 1, 2, 3) l
             LEFT JOIN stock_balances b USING (item_id, area_id, lot) WHERE coalesce(b.qty, 0) <> l.q`,
          )
          .get() as { n: number };
        expect(diffBal.n).toBe(0);
        // Daily and monthly totals = sums of the ledger.
        for (const [table, key] of [
          ['stock_daily', 'day'],
          ['stock_monthly', 'substr(day, 1, 7)'],
        ] as const) {
          const d = sqlite
            .prepare(
              `SELECT count(*) AS n FROM (SELECT item_id, area_id, ${key} AS k, kind, sum(qty) AS q, sum(value) AS v, count(*) AS c FROM stock_moves GROUP BY 1, 2, 3, 4) l
               LEFT JOIN ${table} a ON a.item_id = l.item_id AND a.area_id = l.area_id AND a.${table === 'stock_daily' ? 'day' : 'month'} = l.k AND a.kind = l.kind
               WHERE a.qty IS NULL OR a.qty <> l.q OR a.value <> l.v OR a.moves <> l.c`,
            )
            .get() as { n: number };
          expect(d.n, table).toBe(0);
        }
        // Costs and every movement's value = a replay of the whole ledger in time order.
        for (const itemId of items) {
          const rows = sqlite
            .prepare(
              'SELECT seq, kind, qty, value, reverses_seq AS rev FROM stock_moves WHERE item_id = ? ORDER BY occurred_at, seq',
            )
            .all(itemId) as { seq: number; kind: MoveKind; qty: number; value: number; rev: number | null }[];
          const s = emptyCost();
          const values = new Map<number, number>();
          for (const r of rows) {
            const v =
              r.rev !== null
                ? 0 - values.get(r.rev)!
                : moveValue(s, {
                    kind: r.kind,
                    qty: r.qty,
                    value: r.value,
                    fixedValue: r.qty > 0 && MOVE_KINDS[r.kind].valued === 'input',
                  });
            expect(r.value, `seq ${r.seq}`).toBe(v);
            values.set(r.seq, v);
            applyMove(s, r.qty, v);
          }
          const c = sqlite.prepare('SELECT qty, value FROM item_costs WHERE item_id = ?').get(itemId) as
            { qty: number; value: number } | undefined;
          expect(c?.qty ?? 0).toBe(s.qty);
          expect(c?.value ?? 0).toBe(s.value);
        }
      }),
      { numRuns: 40 },
    );
  });
});
