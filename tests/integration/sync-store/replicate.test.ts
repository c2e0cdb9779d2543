import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumOf } from '../../../src-shared/sync/checksum';
import { uuidv7 } from '../../../src-main/lib/ids';
import { CAPTURED_TABLES, sentColumns } from '../../../src-main/sync/columns';
import { toWire } from '../../../src-main/sync/wire';
import { openTestBackend } from '../../helpers/backend';
import { DB_KINDS, stopTestPostgres } from '../../helpers/hq-db';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { seedStockFixture } from '../../helpers/stock';
import { enroll, hqMaster, Line, mirror, openStore, QUIET, row, rows } from './harness';

const item = (id: string, code: string, nameZh: string) => ({
  id,
  code,
  name_zh: nameZh,
  name_en: code,
  category: 'test',
  base_unit: 'g',
  active: 1,
  shelf_life_days: null,
  lot_tracked: 0,
});

afterAll(stopTestPostgres);

describe.each(DB_KINDS)('store <-> HQ replication of every table (HQ on %s)', (kind) => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq({ kind });
  });
  afterAll(() => hq?.close());

  // Seeding the demo year takes half a minute: once is enough (HQ's own tests cover every mirror on both databases).
  it.runIf(kind === 'pglite')(
    'pushes every store-fact table of a demo store: HQ holds exactly what the store holds',
    async () => {
      const line = new Line();
      const t = await openTestBackend({ demo: true, sync: { transport: line.transport, timing: QUIET } });
      try {
        await t.call('session.login', { username: 'admin', secret: '1234' });
        await enroll(t, hq);
        const status = await t.call('sync.now', {});
        expect(status).toMatchObject({ waiting: 0, deadLetters: 0, state: 'idle' });
        const storeId = String(row(t, 'SELECT id FROM store')!.id);
        const sqlite = t.backend.database.sqlite;
        let nonEmpty = 0;
        for (const table of CAPTURED_TABLES) {
          const cols = sentColumns(table);
          const local = sqlite
            .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table.name}"`)
            .safeIntegers(true)
            .all() as Record<string, unknown>[];
          const atHq = await mirror(hq, table.name, storeId);
          expect(atHq.length, table.name).toBe(local.length);
          expect(
            checksumOf(
              atHq.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null]))),
              cols,
            ),
            table.name,
          ).toEqual(
            checksumOf(
              local.map((r) => toWire(r, cols)),
              cols,
            ),
          );
          if (local.length) nonEmpty++;
        }
        expect(nonEmpty).toBeGreaterThan(20);
      } finally {
        t.close();
      }
    },
    180_000,
  );

  it('pulls master data: HQ-owned columns applied, the store’s own kept, ids mapped, nothing echoed back', async () => {
    const line = new Line();
    const t = await openStore(line);
    try {
      const fx = seedStockFixture(t);
      const sqlite = t.backend.database.sqlite;
      // The store's own settings of beef: its storage area, shelf order and reorder levels.
      sqlite
        .prepare('UPDATE items SET storage_area_id = ?, shelf_order = 7, par_level = 5000 WHERE id = ?')
        .run(fx.areas.cooler, fx.items.beef);
      const hqBeef = uuidv7();
      const hqSalt = uuidv7();
      await hqMaster(hq, 'items', item(hqBeef, 'T-BEEF', '肥牛卷'));
      await hqMaster(hq, 'items', item(hqSalt, 'T-SALT', '盐'));
      await enroll(t, hq);
      await t.call('sync.now', {});
      const cursor = Number(row(t, 'SELECT pull_cursor AS c FROM sync_state')!.c);
      expect(cursor).toBeGreaterThan(0);
      // HQ's salt arrived under HQ's id; beef kept its local id.
      expect(row(t, 'SELECT code, name_zh AS n FROM items WHERE id = ?', hqSalt)).toEqual({ code: 'T-SALT', n: '盐' });

      // HQ renames beef and adds a purchase unit for it (under HQ's id: the store gets its own).
      await hqMaster(hq, 'items', { ...item(hqBeef, 'T-BEEF', '雪花肥牛卷'), name_en: 'Marbled beef rolls' });
      await hqMaster(hq, 'item_units', { item_id: hqBeef, unit: '箱', factor: 5_000_000, purchase: 1, count: 0 });
      const after = await t.call('sync.now', {});
      expect(after).toMatchObject({ state: 'idle', deadLetters: 0, waiting: 0 });
      expect(
        row(
          t,
          'SELECT name_zh AS zh, name_en AS en, storage_area_id AS area, shelf_order AS shelf, par_level AS par FROM items WHERE id = ?',
          fx.items.beef,
        ),
      ).toEqual({ zh: '雪花肥牛卷', en: 'Marbled beef rolls', area: fx.areas.cooler, shelf: 7, par: 5000 });
      expect(rows(t, 'SELECT item_id AS i, unit, factor FROM item_units WHERE item_id = ?', fx.items.beef)).toEqual([
        { i: fx.items.beef, unit: '箱', factor: 5_000_000 },
      ]);
      expect(Number(row(t, 'SELECT pull_cursor AS c FROM sync_state')!.c)).toBeGreaterThan(cursor);
      // HQ's changes are not captured as store changes: nothing goes back up.
      expect(row(t, 'SELECT count(*) AS n FROM sync_outbox')!.n).toBe(0);
      line.calls.length = 0;
      await t.call('sync.now', {});
      expect(line.calls).toEqual(['pull']);
    } finally {
      t.close();
    }
  });

  it('refetches a table whose checksum differs from HQ’s: HQ’s values back, an extra row removed and listed', async () => {
    const line = new Line();
    const t = await openStore(line, { ...QUIET, verifyEveryMs: 0 });
    try {
      const fx = seedStockFixture(t);
      await enroll(t, hq);
      await t.call('sync.now', {});
      const sqlite = t.backend.database.sqlite;
      // Someone edits the database behind the app's back: a name changed, a row HQ never heard of.
      sqlite.prepare("UPDATE items SET name_zh = '被改过' WHERE id = ?").run(fx.items.rice);
      const stray = uuidv7();
      sqlite
        .prepare(
          `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, created_at, updated_at)
           VALUES (?, 'STRAY', '来历不明', 'Stray', 'test', 'g', 1, 0, 0, 0, 0)`,
        )
        .run(stray);
      const status = await t.call('sync.now', {});
      expect(status.state).toBe('idle');
      expect(row(t, 'SELECT name_zh AS n FROM items WHERE id = ?', fx.items.rice)).toEqual({ n: '大米' });
      expect(row(t, 'SELECT id FROM items WHERE id = ?', stray)).toBeUndefined();
      const letters = await t.call('sync.deadLetters', { limit: 10 });
      expect(letters).toEqual([
        expect.objectContaining({ direction: 'down', table: 'items', rowId: stray, op: 'removed' }),
      ]);
      expect(JSON.parse(letters[0]!.data)).toMatchObject({ code: 'STRAY', name_zh: '来历不明' });
      expect(line.calls.filter((c) => c === 'pull').length).toBeGreaterThan(2);
      // In step again: the next check finds nothing to refetch.
      line.calls.length = 0;
      await t.call('sync.now', {});
      expect(line.calls).toEqual(['pull']);
    } finally {
      t.close();
    }
  });
});
