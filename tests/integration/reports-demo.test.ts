import { afterEach, describe, expect, it } from 'vitest';
import { systemContext, type Ctx } from '../../src-main/services/context';
import { seedDemoMovements } from '../../src-main/services/demo/demo-movements';
import { openTestBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
afterEach(() => t?.close());

function ctxOf(t: TestBackend): Ctx {
  return systemContext({
    ...t.backend.database,
    host: t.backend.host,
    log: t.backend.log,
    client: 'test',
    locale: 'en',
  });
}

describe('demo year of movements', () => {
  it('posts a year through postMoves once, and the reports agree with the balances', async () => {
    // `--demo` seeds the year through postMoves; seeding again posts nothing.
    t = await openTestBackend({ demo: true });
    const sqlite = t.backend.database.sqlite;
    expect(t.backend.demo!.inserted.stock_moves).toBeGreaterThan(10_000);
    expect(sqlite.transaction(() => seedDemoMovements(ctxOf(t)))()).toBe(0);

    const kinds = sqlite.prepare('SELECT kind, count(*) AS n FROM stock_moves GROUP BY kind').all() as {
      kind: string;
      n: number;
    }[];
    // Spare parts for the demo's repair tickets are maintenance issues.
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'count_adjust',
      'issue',
      'maintenance',
      'receipt',
      'sale',
      'waste',
    ]);
    const first = (sqlite.prepare('SELECT min(day) AS d FROM stock_moves').get() as { d: string }).d;
    // The store refuses negative stock, so no shelf may ever have held less than nothing, at any moment.
    const below = sqlite
      .prepare(
        `SELECT i.code, r.day, r.run FROM (
           SELECT item_id, day, sum(qty) OVER (PARTITION BY item_id, area_id, lot ORDER BY occurred_at, seq) AS run
           FROM stock_moves) r JOIN items i ON i.id = r.item_id
         WHERE r.run < 0 LIMIT 5`,
      )
      .all();
    expect(below).toEqual([]);

    await t.call('session.login', { username: 'manager', secret: '2345' });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const summary = await t.call('reports.summary', { from: first, to: today });
    const onHand = await t.call('stock.onHand', {});
    const byItem = new Map<string, { qty: number; value: number }>();
    for (const b of onHand) {
      const s = byItem.get(b.itemId) ?? { qty: 0, value: 0 };
      byItem.set(b.itemId, { qty: s.qty + b.qty, value: s.value + b.value });
    }
    for (const r of summary.rows) {
      expect(r.openingQty).toBe(0);
      expect([r.closingQty, r.closingValue]).toEqual([
        byItem.get(r.itemId)?.qty ?? 0,
        byItem.get(r.itemId)?.value ?? 0,
      ]);
    }
    const counts = await t.call('reports.postedCounts', {});
    expect(counts.length).toBeGreaterThanOrEqual(11);
    const lines = await t.call('reports.countVariance', { countId: counts[0]!.id });
    expect(lines.some((l) => l.adjustQty !== 0 && l.adjustQty === l.varianceQty && l.adjustValue !== 0)).toBe(true);
    const waste = await t.call('reports.waste', { from: first, to: today });
    expect(waste.byReason.length).toBeGreaterThan(3);
  });
});
