import { afterEach, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { postStock, seedStockFixture } from '../helpers/stock';

let t: TestBackend;
afterEach(() => t?.close());

const N = 5000;

/**
 * A 5,000-line count works end to end in one batch. The time it takes is a
 * benchmark figure (npm run bench, docs/benchmarks.md), not asserted here:
 * a timed assertion would fail on a busy CI machine without a real regression.
 */
it('posts a 5,000-line count in one batch', async () => {
  t = await openSetUpBackend();
  const fx = seedStockFixture(t);
  const db = t.backend.database.sqlite;
  const now = Date.now();
  const ins = db.prepare(
    `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'bulk', 'g', 1, 0, ?, ?, ?)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const id = uuidv7();
      ids.push(id);
      ins.run(id, `B-${String(i).padStart(5, '0')}`, `物料${i}`, `Item ${i}`, i % 50, now, now);
    }
  })();
  postStock(
    t,
    ids.map((itemId, i) => ({
      itemId,
      areaId: fx.areas.dry,
      kind: 'receipt' as const,
      qty: 1_000_000 + i,
      value: 50_000 + i,
    })),
  );
  const c = await t.call('counts.start', { areaIds: [fx.areas.dry], categories: ['bulk'] });
  expect(c.lines).toBe(N);
  const { lines } = await t.call('counts.get', { id: c.id });

  const saves: number[] = [];
  for (const l of lines.slice(0, 50)) {
    const t0 = performance.now();
    await t.call('counts.saveLine', { countId: c.id, lineId: l.id, entry: '0.9kg' });
    saves.push(performance.now() - t0);
  }
  // The rest counted straight in the table: only the post is being measured.
  db.prepare(
    "UPDATE stock_count_lines SET counted_qty = 990000, entry = '990 g', counted_at = ? WHERE counted_qty IS NULL",
  ).run(Date.now());

  const t0 = performance.now();
  const totals = await t.call('counts.post', { id: c.id });
  const postMs = performance.now() - t0;
  saves.sort((a, b) => a - b);
  console.log(
    `5,000-line post: ${postMs.toFixed(0)} ms; saveLine median ${saves[25]!.toFixed(2)} ms, max ${saves[49]!.toFixed(2)} ms`,
  );
  expect(totals.adjustments).toBe(N);
  expect((await t.call('stock.moves', { docType: 'count', docId: c.id, limit: 500 })).rows).toHaveLength(500);
}, 60_000);
