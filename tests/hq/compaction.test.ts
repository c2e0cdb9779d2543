import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHqDb, rows } from '../../src-hq/db/client';
import { uuidv7 } from '../../src-main/lib/ids';
import { compactChangeLog } from '../../src-hq/services/master/compaction';
import { deleteMaster, writeMaster } from '../../src-hq/services/master/write';
import type { Change, PullResponse, Refusal } from '../../src-shared/sync/protocol';
import { replicatedTable } from '../../src-shared/sync/tables';
import { DB_KINDS, HQ_MIGRATIONS, stopTestPostgres } from '../helpers/hq-db';
import { startTestHq, type TestHq, type TestStore } from '../helpers/hq';
import { MemoryReplica } from '../helpers/store-replica';

afterAll(stopTestPostgres);

const DAY = 86_400_000;

/**
 * A replica that also checks what a store's foreign keys would: every row a
 * change refers to (an item's unit to its item, a price to its supplier) is
 * already there when the change arrives.
 */
class CheckedReplica extends MemoryReplica {
  readonly orphans: string[] = [];

  override apply(changes: readonly Change[]): void {
    for (const c of changes) {
      const refs = replicatedTable(c.table)?.refs ?? {};
      for (const [col, target] of Object.entries(refs)) {
        const v = c.row[col];
        if (c.op === 'upsert' && typeof v === 'string' && !this.table(target).has(v))
          this.orphans.push(`${c.table}.${col} -> ${target} ${v} (version ${c.version})`);
      }
      super.apply([c]);
    }
  }
}

async function pullAll(store: TestStore, replica: MemoryReplica) {
  let last: PullResponse;
  do {
    const r = await store.pull(replica.cursor, { limit: 9 });
    if (!r.body.ok) throw new Error(`refused: ${(r.body as Refusal).message}`);
    last = r.body;
    replica.apply(last.changes);
    replica.cursor = last.nextCursor;
  } while (last.more);
  return last;
}

const logSize = async (t: TestHq) =>
  (await rows<{ n: number }>(t.hq.ctx.db, sql`SELECT count(*)::int AS n FROM change_log`))[0]!.n;

describe.each(DB_KINDS)('change-log compaction on %s', (kind) => {
  let t: TestHq;
  beforeAll(async () => {
    t = await startTestHq({ kind });
  });
  afterAll(() => t?.close());

  it('drops superseded entries older than the horizon; old-cursor, fresh-cursor and new stores all converge', async () => {
    const now = Date.now();
    let clock = now - 60 * DAY;
    const write = (table: string, row: Record<string, unknown>) =>
      t.hq.ctx.db.transaction((tx) => writeMaster(tx, table, row, (clock += 1000)));
    const remove = (table: string, key: Record<string, unknown>) =>
      t.hq.ctx.db.transaction((tx) => deleteMaster(tx, table, key, (clock += 1000)));

    // Two months ago: a supplier, items, their units and prices; the first store takes them.
    const sup = await write('suppliers', { id: uuidv7(), code: 'SUP-CMP', name: '供应商' });
    const items = [];
    for (let i = 0; i < 6; i++) {
      const it = await write('items', {
        id: uuidv7(),
        code: `CMP-${i}`,
        name_zh: `品${i}`,
        name_en: `Item ${i}`,
        category: 'dry',
        base_unit: 'g',
      });
      await write('item_units', { item_id: it.id, unit: '箱', factor: 1_000_000, purchase: 1, count: 1 });
      await write('supplier_items', {
        id: `si-${i}`,
        supplier_id: sup.id,
        item_id: it.id,
        pack_unit: '箱',
        pack_qty: 1_000_000,
        price: 10_000,
      });
      items.push(it);
    }
    const old = await t.enrolledStore();
    const oldReplica = new CheckedReplica();
    await pullAll(old, oldReplica);

    // Then edits: every item renamed three times, every price changed, an item (with its unit and price) deleted,
    // another deleted and created again under the same key.
    for (let round = 1; round <= 3; round++) {
      for (const it of items) await write('items', { ...it, name_zh: `品-${round}-${String(it.code)}` });
      for (let i = 0; i < items.length; i++)
        await write('supplier_items', {
          id: `si-${i}`,
          supplier_id: sup.id,
          item_id: items[i]!.id,
          pack_unit: '箱',
          pack_qty: 1_000_000,
          price: 10_000 + round * 100,
        });
    }
    await remove('supplier_items', { id: 'si-5' });
    await remove('item_units', { item_id: items[5]!.id, unit: '箱' });
    await remove('items', { id: items[5]!.id });
    await remove('supplier_items', { id: 'si-4' });
    await write('supplier_items', {
      id: 'si-4',
      supplier_id: sup.id,
      item_id: items[4]!.id,
      pack_unit: '箱',
      pack_qty: 2_000_000,
      price: 20_000,
    });

    const fresh = await t.enrolledStore();
    const freshReplica = new CheckedReplica();
    await pullAll(fresh, freshReplica);

    // More old edits after the fresh store's cursor, and a few recent ones (inside the horizon).
    for (const it of items.slice(0, 5)) await write('items', { ...it, name_zh: `品-4-${String(it.code)}` });
    clock = now - DAY;
    await write('items', { ...items[0]!, name_zh: '最近' });
    await write('items', { ...items[0]!, name_zh: '最近 2' });
    await write('items', { ...items[0]!, name_zh: '最近 3' });

    const before = await logSize(t);
    const done = await compactChangeLog(t.hq.ctx.db, { now, horizonMs: 30 * DAY });
    expect(done.ran).toBe(true);
    expect(done.dropped).toBeGreaterThan(before / 3);
    expect(await logSize(t)).toBe(before - done.dropped);
    // The recent history stays: item 0's renames inside the horizon are all still logged.
    const recent = await rows<{ n: number }>(
      t.hq.ctx.db,
      sql`SELECT count(*)::int AS n FROM change_log WHERE tbl = 'items' AND row_key = ${items[0]!.id as string} AND at >= ${now - 2 * DAY}`,
    );
    expect(recent[0]!.n).toBe(3);

    // The old cursor, the fresh one, and a store enrolled after compaction: HQ's checksums equal what each holds.
    const newcomer = await t.enrolledStore();
    const newReplica = new CheckedReplica();
    for (const [store, replica] of [
      [old, oldReplica],
      [fresh, freshReplica],
      [newcomer, newReplica],
    ] as const) {
      const last = await pullAll(store, replica);
      expect(replica.checksums()).toEqual(last.checksums);
      expect(replica.orphans).toEqual([]);
      expect(replica.table('items').has(items[5]!.id as string)).toBe(false);
      expect(replica.table('items').get(items[0]!.id as string)!.name_zh).toBe('最近 3');
      expect(replica.table('supplier_items').get('si-4')!.price).toBe(20_000);
    }

    // Again: nothing more to drop (only first and newest entries are left outside the horizon).
    expect((await compactChangeLog(t.hq.ctx.db, { now, horizonMs: 30 * DAY })).dropped).toBe(0);
  });

  it.runIf(kind === 'postgres')(
    'two HQ processes compacting at once: the middle entries go once, the other process finds nothing to do',
    async () => {
      const at = Date.now() - 90 * DAY;
      const it = await t.hq.ctx.db.transaction((tx) =>
        writeMaster(
          tx,
          'items',
          { id: uuidv7(), code: 'CMP-TWO', name_zh: '二', name_en: 'Two', category: 'dry', base_unit: 'g' },
          at,
        ),
      );
      for (let i = 0; i < 20; i++)
        await t.hq.ctx.db.transaction((tx) => writeMaster(tx, 'items', { ...it, name_en: `Two ${i}` }, at + i));
      const other = await openHqDb({ url: t.db.url!, migrationsFolder: HQ_MIGRATIONS });
      try {
        const [a, b] = await Promise.all([
          compactChangeLog(t.hq.ctx.db, { now: Date.now() }),
          compactChangeLog(other.db, { now: Date.now() }),
        ]);
        // 21 entries for the row: its first and newest stay.
        expect([a.dropped, b.dropped].sort((x, y) => x - y)).toEqual([0, 19]);
      } finally {
        await other.close();
      }
    },
  );
});
