import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceVendors } from '../../src-hq/db/schema';
import { rows } from '../../src-hq/db/client';
import { DEMO_STORES, startDemo } from '../../src-hq/tools/demo';
import { startTestHq, type TestHq } from '../helpers/hq';

const STORE_MIGRATIONS = resolve(__dirname, '../../drizzle');
const DAYS = 21;
const DAY = 86_400_000;

/** What HQ holds of every store's facts: counts per table, and the span of the ledger per store. */
async function factsAtHq(hq: TestHq) {
  const q = hq.hq.ctx.db;
  return {
    moves: await rows<{ code: string; n: number; first: number; last: number; waste: number; weeks: number }>(
      q,
      sql`SELECT s.code, count(*)::int AS n, min(m.occurred_at)::float8 AS first, max(m.occurred_at)::float8 AS last,
                 count(*) FILTER (WHERE m.kind = 'waste')::int AS waste,
                 count(DISTINCT floor(m.occurred_at / (7 * ${DAY})))::int AS weeks
          FROM mirror.stock_moves m JOIN stores s ON s.id = m.store_id GROUP BY s.code ORDER BY s.code`,
    ),
    workOrders: await rows<{ code: string; n: number }>(
      q,
      sql`SELECT s.code, count(*)::int AS n FROM mirror.work_orders w JOIN stores s ON s.id = w.store_id GROUP BY s.code ORDER BY s.code`,
    ),
    total: await rows<{ n: number }>(
      q,
      sql`SELECT (SELECT count(*) FROM mirror.stock_moves) + (SELECT count(*) FROM mirror.work_orders)
               + (SELECT count(*) FROM mirror.work_order_events) + (SELECT count(*) FROM change_log) AS n`,
    ),
    stores: await rows<{ code: string; status: string }>(q, sql`SELECT code, status FROM stores ORDER BY code`),
  };
}

describe('npm run hq -- --demo: the demo chain with its stores’ history', () => {
  let hq: TestHq;
  let work: string;

  beforeAll(async () => {
    hq = await startTestHq({ kind: 'pglite' });
    work = mkdtempSync(join(tmpdir(), 'hq-demo-'));
  });
  afterAll(async () => {
    await hq?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('has each seeded store push its own history through sync, leaves one to enroll, and adds nothing the second time', async () => {
    const opts = { hqUrl: hq.url, workDir: work, storeMigrations: STORE_MIGRATIONS, days: DAYS };
    const first = await startDemo(hq.hq.ctx, opts);
    const facts = await factsAtHq(hq);
    const seeded: string[] = DEMO_STORES.filter((s) => s.seed !== null).map((s) => s.code);
    const open: string[] = DEMO_STORES.filter((s) => s.seed === null).map((s) => s.code);

    // Seeded stores are enrolled (by the real protocol) and hold their ledger spread over the period.
    const now = Date.now();
    expect(facts.moves.map((m) => m.code).sort()).toEqual([...seeded].sort());
    for (const m of facts.moves) {
      expect(m.n, m.code).toBeGreaterThan(100);
      expect(m.first, m.code).toBeLessThan(now - (DAYS - 5) * DAY);
      expect(m.last, m.code).toBeGreaterThan(now - 5 * DAY);
      expect(m.weeks, m.code).toBeGreaterThanOrEqual(3);
    }
    expect(facts.workOrders.map((w) => w.code).sort()).toEqual([...seeded].sort());
    // Each store its own seed: their histories differ.
    expect(new Set(facts.moves.map((m) => `${m.n}/${m.waste}`)).size).toBe(seeded.length);
    for (const s of facts.stores) expect(s.status, s.code).toBe(open.includes(s.code) ? 'pending' : 'active');
    // The unenrolled store is shown with a code to enroll a real store with; the temporary stores are gone.
    for (const s of first.stores) {
      if (open.includes(s.code)) expect(s.enrollmentCode, s.code).toMatch(/\S{6,}/);
      else expect(s.enrollmentCode, s.code).toBeNull();
    }
    expect(readdirSync(work)).toEqual([]);
    // Every master row id the demo writes has the shape stores require of ids (a store's repair
    // pickers refused the vendor 'demo-vendor-cool' once it arrived).
    const vendorIds = await hq.hq.ctx.db.select({ id: serviceVendors.id }).from(serviceVendors);
    expect(vendorIds.length).toBeGreaterThan(0);
    for (const v of vendorIds)
      expect(v.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // A second start: nothing added, and quickly.
    const t0 = Date.now();
    await startDemo(hq.hq.ctx, opts);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect((await factsAtHq(hq)).total).toEqual(facts.total);
  }, 180_000);
});
