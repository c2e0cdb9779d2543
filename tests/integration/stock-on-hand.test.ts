import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { mulDiv } from '../../src-main/services/stock/money-math';
import { onHand } from '../../src-main/services/stock/queries';
import type { Ctx } from '../../src-main/services/context';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { postStock, seedStockFixture, type TestMove } from '../helpers/stock';

let t: TestBackend;
afterEach(() => t?.close());

const N = 3000;
const KG = 1_000_000;

/** A store the size of the benchmark's: 3,000 items with stock in two areas, one of them below zero. */
async function bigStore() {
  t = await openSetUpBackend();
  const fx = seedStockFixture(t);
  const db = t.backend.database.sqlite;
  db.prepare("UPDATE store SET settings = json_set(settings, '$.negativeStock', 'allow')").run();
  const now = Date.now();
  const ins = db.prepare(
    `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'g', 1, 0, 0, ?, ?)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const id = uuidv7();
      ids.push(id);
      ins.run(id, `H-${String(N - i).padStart(5, '0')}`, `物料${i}`, `Item ${i}`, `cat${i % 10}`, now, now);
    }
  })();
  const moves: TestMove[] = ids.flatMap((itemId, i) => [
    { itemId, areaId: fx.areas.dry, kind: 'receipt', qty: 3 * KG + i, value: 70_000 + 13 * i },
    ...(i % 3 ? [] : [{ itemId, areaId: fx.areas.cooler, kind: 'receipt', qty: KG, value: 41_111 } as TestMove]),
    { itemId, areaId: fx.areas.dry, kind: 'issue', qty: 1_234_567 },
  ]);
  moves.push({ itemId: ids[7]!, areaId: fx.areas.cooler, kind: 'issue', qty: 9 * KG });
  postStock(t, moves);
  return { fx, ids, db };
}

const ctxOf = (): Ctx => ({ db: t.backend.database.db, sqlite: t.backend.database.sqlite, now: Date.now() }) as Ctx;

/** Median CPU time of `fn` over interleaved runs (CPU time: other jobs on the machine barely move it). */
function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
}

describe('stock on hand', () => {
  it('values every balance of a 3,000-item store at its item’s average, in item, area and lot order', async () => {
    const { db } = await bigStore();
    const rows = await t.call('stock.onHand', {});
    const costs = new Map(
      (
        db.prepare('SELECT item_id AS itemId, qty, value, last_qty AS lq, last_value AS lv FROM item_costs').all() as {
          itemId: string;
          qty: number;
          value: number;
          lq: number;
          lv: number;
        }[]
      ).map((c) => [c.itemId, c]),
    );
    const balances = db.prepare('SELECT count(*) AS n FROM stock_balances WHERE qty <> 0').get() as { n: number };
    expect(rows).toHaveLength(balances.n);
    expect(rows.length).toBeGreaterThan(N);
    const key = (r: (typeof rows)[number]) => `${r.code}\u0000${r.areaCode}\u0000${r.lot}`;
    expect(rows.map(key)).toEqual(rows.map(key).sort());
    for (const r of rows) {
      const c = costs.get(r.itemId)!;
      const avg = c.qty > 0 ? [c.value, c.qty] : [c.lv, c.lq];
      expect(r.value).toBe(mulDiv(r.qty, avg[0]!, avg[1]!));
      expect(r.negative).toBe(r.qty < 0);
    }
    // An item whose stock is all in one area: that balance is worth exactly the item's stock value.
    const single = rows.filter((r) => rows.filter((x) => x.itemId === r.itemId).length === 1 && r.qty > 0);
    expect(single.length).toBeGreaterThan(1000);
    for (const r of single) expect(r.value).toBe(costs.get(r.itemId)!.value);
    // Item 7 went below zero in the cooler, and below zero overall: valued at its last positive average.
    const below = rows.filter((r) => r.negative);
    expect(below).toEqual([expect.objectContaining({ areaCode: 'COOL', qty: -9 * KG })]);
    expect(below[0]!.value).toBeLessThan(0);
  });

  it('reads its rows in less time than a plain SELECT of the same rows as objects', async () => {
    await bigStore();
    const ctx = ctxOf();
    // What the query alone costs when SQLite's values become one named object per row (the floor the old
    // code started from before copying each row twice more).
    const plain = t.backend.database.sqlite.prepare(
      `SELECT b.item_id AS itemId, i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.category, i.base_unit AS baseUnit,
              b.area_id AS areaId, a.code AS areaCode, b.lot, b.expiry, b.qty,
              coalesce(c.qty, 0) AS cQty, coalesce(c.value, 0) AS cValue, coalesce(c.last_qty, 0) AS lQty,
              coalesce(c.last_value, 0) AS lValue
       FROM stock_balances b JOIN items i ON i.id = b.item_id JOIN storage_areas a ON a.id = b.area_id
       LEFT JOIN item_costs c ON c.item_id = b.item_id WHERE b.qty <> 0 ORDER BY i.code, a.code, b.lot`,
    );
    const service: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 5; i++) {
      onHand(ctx, {});
      plain.all();
    }
    for (let i = 0; i < 15; i++) {
      service.push(cpuMs(() => onHand(ctx, {})));
      floor.push(cpuMs(() => plain.all()));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `stock on hand, ${N} items: ${median(service).toFixed(1)} ms CPU; plain SELECT ${median(floor).toFixed(1)} ms`,
    );
    // Reading arrays and building each answer once takes ~0.7 of the plain SELECT; the row copies took ~1.9.
    expect(median(service)).toBeLessThan(1.2 * median(floor));
  });
});
