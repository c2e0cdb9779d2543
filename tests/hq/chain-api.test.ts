import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src-hq/db/client';
import { createHqUser } from '../../src-hq/services/auth/users';
import { foldAll } from '../../src-hq/services/chain/fold';
import { narrowed } from '../../src-hq/services/chain/scope';
import type { ChainDashboardDto, ChainExpiringDto, ChainStockDto } from '../../src-shared/hq-api/methods/chain';
import type { HqRole } from '../../src-shared/hq-api/roles';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { HqApiClient, startTestHq, type TestHq, type TestStore } from '../helpers/hq';
import { del, stockMove, upsert } from '../helpers/store-rows';

afterAll(stopTestPostgres);

const PASSWORD = 'correct horse 9';
const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

describe.each(DB_KINDS)("HQ's chain views on %s", (kind) => {
  let t: TestHq;
  let a: TestStore;
  let b: TestStore;
  beforeAll(async () => {
    t = await startTestHq({ kind });
    a = await t.enrolledStore();
    b = await t.enrolledStore();
  });
  afterAll(() => t?.close());

  async function signedIn(role: HqRole): Promise<HqApiClient> {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    await createHqUser(t.hq.ctx.db, { username, displayName: role, role, password: PASSWORD }, Date.now());
    const c = new HqApiClient(t.url);
    await c.call('session.login', { username, password: PASSWORD });
    return c;
  }

  /** The running totals next to the same sums taken over the mirrored ledger itself. */
  async function totalsAgainstLedger() {
    const q = t.hq.ctx.db;
    await foldAll(q);
    const kept = await rows(
      q,
      sql`SELECT store_id, item_id, qty, value FROM chain_item_balances WHERE qty <> 0 OR value <> 0 ORDER BY 1, 2`,
    );
    const summed = await rows(
      q,
      sql`SELECT store_id, item_id, sum(qty)::bigint AS qty, sum(value)::bigint AS value FROM mirror.stock_moves
          GROUP BY 1, 2 HAVING sum(qty) <> 0 OR sum(value) <> 0 ORDER BY 1, 2`,
    );
    const keptMonths = await rows(
      q,
      sql`SELECT month, store_id, item_id, kind, sum(qty)::bigint AS qty, sum(value)::bigint AS value FROM chain_item_monthly GROUP BY 1, 2, 3, 4 HAVING sum(qty) <> 0 OR sum(value) <> 0 ORDER BY 1, 2, 3, 4`,
    );
    const summedMonths = await rows(
      q,
      sql`SELECT substr(day, 1, 7) AS month, store_id, item_id, kind, sum(qty)::bigint AS qty, sum(value)::bigint AS value
          FROM mirror.stock_moves GROUP BY 1, 2, 3, 4 HAVING sum(qty) <> 0 OR sum(value) <> 0 ORDER BY 1, 2, 3, 4`,
    );
    return { kept: [kept, keptMonths], summed: [summed, summedMonths] };
  }

  it('keeps its running totals equal to the mirrored ledger through new rows, repriced rows, redeliveries and deletes', async () => {
    const day = `${month}-01`;
    const occurred = Date.parse(`${day}T04:00:00Z`);
    const first = stockMove({ item_id: 'rice', day, occurred_at: occurred, qty: 10_000_000, value: 500_000 });
    const issue = stockMove({
      item_id: 'rice',
      day,
      occurred_at: occurred,
      kind: 'issue',
      qty: -2_000_000,
      value: -100_000,
    });
    const lot = stockMove({
      item_id: 'fish',
      day,
      occurred_at: occurred,
      qty: 3_000_000,
      value: 900_000,
      lot: 'F1',
      expiry: `${month}-02`,
    });
    expect(
      (await a.push([upsert('stock_moves', first), upsert('stock_moves', issue), upsert('stock_moves', lot)])).body.ok,
    ).toBe(true);
    expect((await b.push([upsert('stock_moves', { ...first, id: `${first.id}b` })])).body.ok).toBe(true);
    // The store repriced the issue and sent it again; then the receipt arrives twice (a lost answer).
    expect(
      (await a.push([upsert('stock_moves', { ...issue, value: -120_000 }), upsert('stock_moves', first)])).body.ok,
    ).toBe(true);
    let check = await totalsAgainstLedger();
    expect(check.kept).toEqual(check.summed);
    expect(check.summed[0]).toHaveLength(3);
    expect((await a.push([del('stock_moves', { id: lot.id! })])).body.ok).toBe(true);
    check = await totalsAgainstLedger();
    expect(check.kept).toEqual(check.summed);

    const admin = await signedIn('admin');
    const stock = await admin.call<ChainStockDto>('chain.stock', {});
    const rice = stock.items.find((i) => i.itemId === 'rice')!;
    expect([rice.qty, rice.value, rice.holding]).toEqual([18_000_000, 880_000, 2]);
    // Picking one store narrows the columns and the totals to it.
    const onlyB = await admin.call<ChainStockDto>('chain.stock', { storeIds: [b.storeId] });
    expect(onlyB.stores.map((s) => s.id)).toEqual([b.storeId]);
    expect(onlyB.items.map((i) => [i.itemId, i.qty, i.cells])).toEqual([
      ['rice', 10_000_000, [[0, 10_000_000, 500_000]]],
    ]);
  });

  it('lists lots expiring in the window by each store’s today, and ranks the stores with their sync health', async () => {
    const admin = await signedIn('admin');
    const soon = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
    const lot = stockMove({ item_id: 'milk', lot: 'M1', expiry: soon, qty: 4_000, value: 40_000, day: `${month}-01` });
    // Store B's own row: its time zone decides its "today".
    const storeRow = {
      id: b.storeId,
      code: b.code,
      name: 'B',
      address: '',
      timezone: 'Asia/Shanghai',
      currency: 'CNY',
      created_at: 0,
      updated_at: 0,
    };
    expect((await b.push([upsert('store', storeRow), upsert('stock_moves', lot)])).body.ok).toBe(true);
    await foldAll(t.hq.ctx.db);
    const week = await admin.call<ChainExpiringDto>('chain.expiring', {});
    expect(week.days).toBe(7);
    expect(week.lots.find((l) => l.itemId === 'milk')).toMatchObject({
      storeId: b.storeId,
      lot: 'M1',
      daysLeft: 2,
      qty: 4_000,
      value: 40_000,
    });
    const oneDay = await admin.call<ChainExpiringDto>('chain.expiring', { days: 1 });
    expect(oneDay.lots.find((l) => l.itemId === 'milk')).toBeUndefined();

    const dash = await admin.call<ChainDashboardDto>('chain.dashboard', { month });
    const ids = new Set(dash.stores.map((s) => s.id));
    expect(ids.has(a.storeId) && ids.has(b.storeId)).toBe(true);
    const storeB = dash.stores.find((s) => s.id === b.storeId)!;
    expect(storeB.stockValue).toBe(540_000);
    expect(storeB.lastContactAt).not.toBeNull();
    expect(dash.trend).toHaveLength(12);
    expect(dash.trend.at(-1)!.value).toBe(dash.stores.reduce((s, x) => s + x.stockValue, 0));
  });

  it('lets admins, operations and viewers read the chain views, not the maintenance team; a bad month is a field error', async () => {
    for (const role of ['admin', 'operations', 'viewer'] as const) {
      const c = await signedIn(role);
      expect((await c.raw('chain.summary', { month })).body.ok, role).toBe(true);
    }
    const tech = await signedIn('maintenance');
    for (const m of ['chain.dashboard', 'chain.stock', 'chain.expiring', 'chain.summary', 'chain.waste']) {
      expect((await tech.raw(m, { month })).body.error?.code, m).toBe('FORBIDDEN');
    }
    const viewer = await signedIn('viewer');
    const bad = await viewer.raw('chain.summary', { month: '2026-13' });
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'month' }] });
  });

  it('shows a scoped user only the stores of their scope, even when they pick another', async () => {
    const admin = await signedIn('admin');
    const username = `one-store-${Math.random().toString(36).slice(2, 8)}`;
    const user = await admin.call<{ id: string }>('users.create', {
      username,
      displayName: 'one store',
      role: 'operations',
      password: PASSWORD,
    });
    await admin.call('users.setScope', { id: user.id, scope: { kind: 'stores', storeIds: [a.storeId] } });
    const c = new HqApiClient(t.url);
    await c.call('session.login', { username, password: PASSWORD });
    const dash = await c.call<{ stores: { id: string }[] }>('chain.dashboard', { month });
    expect(dash.stores.map((s) => s.id)).toEqual([a.storeId]);
    const picked = await c.call<{ stores: { id: string }[] }>('chain.summary', { month, stores: [b.storeId] });
    expect(picked.stores.map((s) => s.id)).not.toContain(b.storeId);
    const all = await c.call<{ stores: { id: string }[] }>('chain.summary', { month });
    expect(all.stores.map((s) => s.id)).toEqual([a.storeId]);
  });
});

describe('the stores a chain view reads', () => {
  it('are the scope narrowed by the pick; a pick outside the scope is dropped', () => {
    expect(narrowed(['s1', 's2', 's3'], undefined)).toEqual(['s1', 's2', 's3']);
    expect(narrowed(['s1', 's2', 's3'], ['s3', 's9'])).toEqual(['s3']);
    expect(narrowed(['s1'], ['s9'])).toEqual([]);
  });
});
