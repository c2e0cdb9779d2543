import { afterAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../src-main/services/context';
import { reverseMove } from '../../../src-main/services/stock/post';
import { SUMMARY_COLUMNS } from '../../../src-shared/api/methods/reports';
import type { MethodOutput } from '../../../src-shared/api';
import { chainSummary } from '../../../src-hq/services/chain/summary';
import { chainWaste } from '../../../src-hq/services/chain/waste';
import { chainStock } from '../../../src-hq/services/chain/stock';
import { foldAll } from '../../../src-hq/services/chain/fold';
import type { TestBackend } from '../../helpers/backend';
import { DB_KINDS, stopTestPostgres } from '../../helpers/hq-db';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { postStock, seedStockFixture, type StockFixture, type TestMove } from '../../helpers/stock';
import { enroll, Line, openStore, row } from '../sync-store/harness';

afterAll(stopTestPostgres);

const KG = 1_000_000;
const YUAN = 10_000;
const MONTHS = ['2026-08', '2026-09', '2026-10'] as const;
const LAST_DAY: Record<string, string> = { '2026-08': '31', '2026-09': '30', '2026-10': '31' };
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:30:00+08:00`).getTime();

/** A small deterministic generator (mulberry32): each store gets its own, repeatable, month of business. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Three months of a store's business through the ledger service: receipts,
 * usage, sales, waste under several reasons, transfers both ways with
 * variances, count adjustments, moves between areas, returns to the
 * supplier, on every item (the lot-tracked fish by lot).
 */
function business(fx: StockFixture, seed: number, months: readonly string[]): TestMove[] {
  const r = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const moves: TestMove[] = [];
  const items = [fx.items.beef, fx.items.rice, fx.items.cups, fx.items.fish];
  for (const month of months) {
    for (const itemId of items) {
      const lot = itemId === fx.items.fish ? { lot: `L${month}`, expiry: `${month}-28` } : {};
      const area = itemId === fx.items.rice ? fx.areas.dry : fx.areas.cooler;
      const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
      const base = { itemId, areaId: area, ...lot };
      moves.push({
        ...base,
        kind: 'receipt',
        qty: int(20, 40) * KG,
        value: int(700, 1900) * YUAN + int(0, 9999),
        occurredAt: at(day(int(1, 3)), 9),
      });
      for (let i = 0; i < 4; i++) {
        const kind = (['issue', 'sale', 'maintenance', 'issue'] as const)[i]!;
        moves.push({ ...base, kind, qty: int(1, 3) * KG + int(0, 999), occurredAt: at(day(int(4, 27)), int(8, 22)) });
      }
      moves.push({
        ...base,
        kind: 'waste',
        qty: int(100, 900) * 1000,
        reason: ['spoiled', 'expired', 'prep'][int(0, 2)]!,
        occurredAt: at(day(int(5, 25)), 23),
      });
      moves.push({ ...base, kind: 'transfer_out', qty: int(1, 2) * KG, occurredAt: at(day(int(5, 25)), 11) });
      moves.push({
        ...base,
        kind: 'transfer_in',
        qty: int(1, 2) * KG,
        value: int(50, 200) * YUAN + int(0, 99),
        occurredAt: at(day(int(5, 25)), 12),
      });
      moves.push({
        ...base,
        kind: 'transfer_variance',
        qty: -int(10, 90) * 1000,
        value: -int(1, 9) * YUAN - int(0, 99),
        occurredAt: at(day(int(5, 25)), 12),
      });
      moves.push({
        ...base,
        kind: 'count_adjust',
        qty: (r() < 0.5 ? -1 : 1) * int(10, 500) * 1000,
        occurredAt: at(day(28), 20),
      });
      if (itemId === fx.items.beef) {
        moves.push({ ...base, kind: 'area_out', qty: 2 * KG, occurredAt: at(day(15), 10) });
        moves.push({ ...base, kind: 'area_in', areaId: fx.areas.dry, qty: 2 * KG, occurredAt: at(day(15), 10) });
        moves.push({ ...base, kind: 'return_supplier', qty: KG / 2, occurredAt: at(day(16), 10) });
      }
    }
  }
  return moves.sort((a, b) => Number(a.occurredAt) - Number(b.occurredAt));
}

type SummaryRow = MethodOutput<'reports.summary'>['rows'][number];
const figureKeys = SUMMARY_COLUMNS.flatMap((c) => [`${c}Qty`, `${c}Value`] as const);
type Figured = { [K in (typeof figureKeys)[number]]: number };
const figuresOf = (r: Figured) => Object.fromEntries(figureKeys.map((k) => [k, r[k]]));
const valuesOf = (r: Figured) => Object.fromEntries(SUMMARY_COLUMNS.map((c) => [`${c}Value`, r[`${c}Value`]]));
const sumValues = (rows: readonly Figured[]) =>
  Object.fromEntries(SUMMARY_COLUMNS.map((c) => [`${c}Value`, rows.reduce((a, r) => a + r[`${c}Value`], 0)]));

interface Enrolled {
  t: TestBackend;
  fx: StockFixture;
  hqStoreId: string;
}

describe.each(DB_KINDS)('the cross-store period summary (HQ on %s)', (kind) => {
  it("equals the sum of the stores' own summaries to the cent, month by month, after repricing and reversals", async () => {
    const hq: TestHq = await startTestHq({ kind });
    const stores: Enrolled[] = [];
    try {
      for (let s = 0; s < 3; s++) {
        const t = await openStore(new Line());
        const fx = seedStockFixture(t);
        // Two months before enrollment (they arrive as the catch-up), one after (as live batches).
        postStock(t, business(fx, 11 + s, MONTHS.slice(0, 2)));
        await enroll(t, hq, `CH-${s + 1}`);
        // Enrollment keeps the store's own id as its id at HQ: the mirrors are keyed by it.
        const hqStoreId = String(row(t, 'SELECT id FROM store')!.id);
        expect((await t.call('sync.now', {})).waiting).toBe(0);
        postStock(t, business(fx, 101 + s, MONTHS.slice(2)));
        // A receipt back-dated into the first month: the store reprices every later row of beef,
        // and those rows reach HQ as updates of rows it already holds.
        postStock(t, [
          {
            itemId: fx.items.beef,
            areaId: fx.areas.cooler,
            kind: 'receipt',
            qty: 7 * KG,
            value: (3000 + s) * YUAN + 17,
            occurredAt: at('2026-08-02', 7),
          },
        ]);
        // A waste entry reversed: it must net out under its own reason, at HQ as at the store.
        const waste = row(t, "SELECT seq FROM stock_moves WHERE kind = 'waste' ORDER BY seq LIMIT 1") as {
          seq: number;
        };
        const ctx = systemContext({
          ...t.backend.database,
          host: t.backend.host,
          log: t.backend.log,
          client: 'test',
          now: Date.now(),
          user: null,
          locale: 'en',
        });
        t.backend.database.sqlite.transaction(() => reverseMove(ctx, waste.seq, 'entered twice'))();
        expect(await t.call('sync.now', {})).toMatchObject({ waiting: 0, deadLetters: 0 });
        stores.push({ t, fx, hqStoreId });
      }
      const ids = stores.map((s) => s.hqStoreId);
      const q = hq.hq.ctx.db;
      // The push queues the ledger's changes; HQ's tick folds them into the totals. Up to date now:
      await foldAll(q);
      const now = new Date();
      const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
      for (const month of [...MONTHS, current]) {
        const from = `${month}-01`;
        const to = `${month}-${LAST_DAY[month] ?? '28'}`;
        const local: SummaryRow[][] = [];
        for (const s of stores) {
          const own = await s.t.call('reports.summary', { from, to });
          local.push(own.rows);
          const atHq = await chainSummary(q, [s.hqStoreId], { month, items: true });
          // Item by item, every column, quantity and money: the store's figures exactly.
          expect(Object.fromEntries(atHq.items.map((r) => [r.code, figuresOf(r)])), `${month} items`).toEqual(
            Object.fromEntries(own.rows.map((r) => [r.code, figuresOf(r)])),
          );
          expect(valuesOf(atHq.stores[0]!), `${month} store total`).toEqual(sumValues(own.rows));

          const ownWaste = await s.t.call('reports.waste', { from, to });
          const hqWaste = await chainWaste(q, [s.hqStoreId], { month });
          expect(hqWaste.reasons.map((r) => ({ ...r })).sort((a, b) => (a.reason < b.reason ? -1 : 1))).toEqual(
            ownWaste.byReason
              .map((r) => ({
                reason: r.reason,
                nameZh: r.nameZh,
                nameEn: r.nameEn,
                moves: r.moves,
                value: r.value,
              }))
              .sort((a, b) => (a.reason < b.reason ? -1 : 1)),
          );
        }
        // The chain: the stores added up, per store, per item and in total.
        const chain = await chainSummary(q, ids, { month, items: true });
        expect(chain.stores.map(valuesOf)).toEqual(local.map(sumValues));
        expect(valuesOf(chain.total)).toEqual(sumValues(local.flat()));
        // A category (every fixture item is in 'test') takes the item totals' path to the same figures.
        const cat = await chainSummary(q, ids, { month, category: 'test' });
        expect(cat.stores.map(valuesOf)).toEqual(local.map(sumValues));
        expect((await chainWaste(q, ids, { month, category: 'test' })).reasons).toEqual(
          (await chainWaste(q, ids, { month })).reasons,
        );
        expect((await chainSummary(q, ids, { month, category: 'none' })).total.closingValue).toBe(0);
        const byCode = new Map<string, Record<string, number>>();
        for (const r of local.flat()) {
          const acc = byCode.get(r.code) ?? Object.fromEntries(figureKeys.map((k) => [k, 0]));
          for (const k of figureKeys) acc[k]! += r[k];
          byCode.set(r.code, acc);
        }
        expect(Object.fromEntries(chain.items.map((r) => [r.code, figuresOf(r)]))).toEqual(Object.fromEntries(byCode));
      }
      // Stock on hand: each store's cell is its own valuation today, the chain's the sum.
      const stock = await chainStock(q, ids, { cells: true });
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      for (const [i, s] of stores.entries()) {
        const own = await s.t.call('reports.valuation', { day: today });
        for (const r of own) {
          const item = stock.items.find((x) => x.code === r.code)!;
          const cell = item.cells.find(([idx]) => stock.stores[idx]!.id === s.hqStoreId);
          expect([cell?.[1], cell?.[2]], `${r.code} at store ${i + 1}`).toEqual([r.qty, r.value]);
        }
      }
    } finally {
      for (const s of stores) s.t.close();
      await hq.close();
    }
  }, 240_000);
});
