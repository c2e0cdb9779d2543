import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src-hq/db/client';
import { uuidv7 } from '../../src-main/lib/ids';
import { writeMaster } from '../../src-hq/services/master/write';
import { editWorkOrder } from '../../src-hq/services/work-orders/edit';
import type { PullResponse, PushResponse, Refusal } from '../../src-shared/sync/protocol';
import { DB_KINDS, openTestHqDb, stopTestPostgres } from '../helpers/hq-db';
import { startTestHq, TestStore, type TestHq } from '../helpers/hq';
import { MemoryReplica } from '../helpers/store-replica';
import { hlc, upsert, workOrder } from '../helpers/store-rows';

afterAll(stopTestPostgres);

const ok = <T extends PullResponse | PushResponse>(r: { body: T | Refusal }): T => {
  if (!r.body.ok) throw new Error(`refused: ${r.body.code} ${r.body.message}`);
  return r.body;
};

const item = (code: string, o: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  code,
  name_zh: `品-${code}`,
  name_en: `Item ${code}`,
  category: 'dry',
  base_unit: 'g',
  active: 1,
  shelf_life_days: 30,
  lot_tracked: 0,
  ...o,
});

/** Pulls until `more` is false, like a store's worker: each page applied with its cursor. */
async function pullAll(store: TestStore, replica: MemoryReplica, limit = 7) {
  let last: PullResponse;
  let pages = 0;
  do {
    last = ok(await store.pull(replica.cursor, { limit }));
    replica.apply(last.changes);
    replica.cursor = last.nextCursor;
    pages++;
  } while (last.more);
  return { last, pages };
}

describe.each(DB_KINDS)('pull on %s', (kind) => {
  let t: TestHq;
  beforeAll(async () => {
    t = await startTestHq({ kind });
  });
  afterAll(() => t?.close());
  const write = (table: string, row: Record<string, unknown>) =>
    t.hq.ctx.db.transaction((tx) => writeMaster(tx, table, row, Date.now()));

  it('pages the change log after the cursor; the last page carries checksums of exactly what the store holds', async () => {
    const s = await t.enrolledStore();
    const replica = new MemoryReplica();
    const made = [];
    for (let i = 0; i < 20; i++) made.push(await write('items', item(`PG-${i}`)));
    await write('items', { ...made[3]!, name_zh: '改名' });
    const sup = await write('suppliers', { id: uuidv7(), code: 'SUP-PG', name: '供应商' });
    await write('supplier_items', {
      id: uuidv7(),
      supplier_id: sup.id,
      item_id: made[0]!.id,
      pack_unit: '箱',
      pack_qty: 10_000_000,
      price: 1_234_500,
    });
    const { last, pages } = await pullAll(s, replica);
    expect(pages).toBeGreaterThan(2);
    expect(last.checksums).toEqual(replica.checksums());
    expect(replica.table('items').get(made[3]!.id as string)!.name_zh).toBe('改名');
    expect(last.checksums!.items!.count).toBeGreaterThanOrEqual(20);
    // A rerun with nothing new brings nothing, and the same checksums.
    const again = ok(await s.pull(replica.cursor));
    expect(again).toMatchObject({ changes: [], more: false, nextCursor: replica.cursor });
    expect(again.checksums).toEqual(last.checksums);
    // A price change arrives as one change.
    const si = [...replica.table('supplier_items').values()][0]!;
    await write('supplier_items', { ...si, price: 1_300_000 });
    const next = ok(await s.pull(replica.cursor));
    expect(next.changes.map((c) => [c.table, c.row.price])).toEqual([['supplier_items', 1_300_000]]);
  });

  it('sends a store only its own equipment, and tells it when a piece leaves', async () => {
    const a = await t.enrolledStore();
    const b = await t.enrolledStore();
    const ra = new MemoryReplica();
    const rb = new MemoryReplica();
    await pullAll(a, ra);
    await pullAll(b, rb);
    const oven = await write('equipment', {
      id: uuidv7(),
      code: `OVEN-${a.code}`,
      name: '烤箱',
      category: 'oven',
      store_id: a.storeId,
    });
    expect((await pullAll(a, ra)).last.checksums).toEqual(ra.checksums());
    expect((await pullAll(b, rb)).last.checksums).toEqual(rb.checksums());
    expect(ra.table('equipment').has(oven.id as string)).toBe(true);
    expect(rb.table('equipment').size).toBe(0);
    await write('equipment', { ...oven, store_id: b.storeId });
    expect((await pullAll(a, ra)).last.checksums).toEqual(ra.checksums());
    expect((await pullAll(b, rb)).last.checksums).toEqual(rb.checksums());
    expect(ra.table('equipment').size).toBe(0);
    expect(rb.table('equipment').has(oven.id as string)).toBe(true);
  });

  it("speaks a store's own ids for the rows matched at enrollment", async () => {
    const hqItem = await write('items', item('MAP-1'));
    await write('item_units', { item_id: hqItem.id, unit: '袋', factor: 500_000, purchase: 1, count: 1 });
    const { enrollmentCode } = await t.createStore();
    const s = new TestStore(t.client);
    const localId = uuidv7();
    await s.enroll(enrollmentCode, { items: [{ id: localId, code: 'MAP-1', row: { ...hqItem, id: localId } }] });
    await s.openSession();
    const replica = new MemoryReplica();
    const { last } = await pullAll(s, replica, 1000);
    expect(replica.table('items').get(localId)?.code).toBe('MAP-1');
    expect(replica.table('items').has(hqItem.id as string)).toBe(false);
    expect(replica.table('item_units').get(`${localId}\u001f袋`)?.factor).toBe(500_000);
    expect(last.checksums).toEqual(replica.checksums());
  });

  it('refetches a table whole, in pages, when the store found its checksum wrong', async () => {
    const s = await t.enrolledStore();
    const replica = new MemoryReplica();
    const { last } = await pullAll(s, replica, 1000);
    // The store's copy got damaged: it starts the table over.
    replica.table('items').clear();
    let after: string | undefined;
    let pages = 0;
    let page: PullResponse;
    do {
      page = ok(
        await s.pull(replica.cursor, { refetch: ['items'], limit: 6, ...(after ? { refetchAfter: after } : {}) }),
      );
      expect(page.nextCursor).toBe(replica.cursor);
      replica.apply(page.changes);
      after = page.refetchAfter ?? undefined;
      pages++;
    } while (page.more);
    expect(pages).toBeGreaterThan(2);
    expect(page.refetchAfter).toBeNull();
    expect(page.checksums!.items).toEqual(last.checksums!.items);
    expect(replica.checksums().items).toEqual(last.checksums!.items);
    const bad = await s.pull(replica.cursor, { refetch: ['stock_moves'] });
    expect((bad.body as Refusal).code).toBe('BAD_REQUEST');
  });

  it("brings HQ's edit of a work order down with its stamp, and a late older store edit never undoes it", async () => {
    const s = await t.enrolledStore();
    const replica = new MemoryReplica();
    await pullAll(s, replica, 1000);
    const wo = workOrder(s.storeId);
    const before = Date.now() - 5000;
    ok(await s.push([upsert('work_orders', wo, { priority: hlc(before), description: hlc(before) })]));
    await t.hq.ctx.db.transaction((tx) =>
      editWorkOrder(t.hq.ctx, tx, {
        storeId: s.storeId,
        workOrderId: wo.id as string,
        fields: { priority: 'urgent', assignee_user_id: 'tech-9' },
        userId: null,
      }),
    );
    const page = ok(await s.pull(replica.cursor));
    const change = page.changes.find((c) => c.table === 'work_orders')!;
    expect(change.row).toEqual({
      id: wo.id,
      store_id: s.storeId,
      priority: 'urgent',
      assignee_user_id: 'tech-9',
      description: wo.description,
    });
    expect(change.clocks!.priority! > hlc(before)).toBe(true);
    expect(page.changes.some((c) => c.table === 'work_order_events')).toBe(true);
    expect(page.clock >= change.clocks!.priority!).toBe(true);
    // The store edited the priority offline before HQ did; its edit arrives now and loses.
    ok(await s.push([upsert('work_orders', { ...wo, priority: 'low' }, { priority: hlc(before + 1000) })]));
    const [row] = await rows<{ priority: string }>(
      t.hq.ctx.db,
      sql`SELECT priority FROM mirror.work_orders WHERE id = ${wo.id}`,
    );
    expect(row!.priority).toBe('urgent');
  });
});

describe('change-log versions become visible in order (PostgreSQL, concurrent writers)', () => {
  it('never shows a later version while an earlier one is uncommitted', async () => {
    const db = await openTestHqDb('postgres');
    const t = await startTestHq({ kind: 'postgres', db });
    try {
      const s = await t.enrolledStore();
      const replica = new MemoryReplica();
      await pullAll(s, replica, 1000);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let firstWrote!: () => void;
      const wrote = new Promise<void>((r) => (firstWrote = r));
      const slow = t.hq.ctx.db.transaction(async (tx) => {
        await writeMaster(tx, 'items', item('ORD-1'), Date.now());
        firstWrote();
        await held;
      });
      await wrote;
      const fast = t.hq.ctx.db.transaction((tx) => writeMaster(tx, 'items', item('ORD-2'), Date.now()));
      await new Promise((r) => setTimeout(r, 200));
      // Neither is visible: the second waits for the first's lock, so it cannot commit first.
      const during = ok(await s.pull(replica.cursor));
      expect(during.changes).toEqual([]);
      release();
      await Promise.all([slow, fast]);
      const after = ok(await s.pull(replica.cursor));
      expect(after.changes.map((c) => c.row.code)).toEqual(['ORD-1', 'ORD-2']);
    } finally {
      await t.close();
      await db.hq.close();
    }
  });
});
