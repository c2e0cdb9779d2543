import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HybridClock } from '../../src-shared/sync/hlc';
import type { Change, PullResponse } from '../../src-shared/sync/protocol';
import * as schema from '../db/schema';
import { applyPage } from './pull';
import { syncStateOf } from './state';

const MIGRATIONS = resolve(__dirname, '../../drizzle');
const NOW = Date.UTC(2026, 11, 1);

/** A migrated store database that logs each statement it runs while `log` is on. */
function store() {
  const ran: string[] = [];
  const on = { log: false };
  const sqlite = new Database(':memory:', { verbose: (s) => on.log && ran.push(String(s)) });
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle(sqlite, { schema }), { migrationsFolder: MIGRATIONS });
  return { sqlite, ran, on };
}

const item = (i: number, name = `Item ${i}`): Change => ({
  version: i + 1,
  table: 'items',
  op: 'upsert',
  row: {
    id: `item-${i}`,
    code: `C${i}`,
    name_zh: `商品 ${i}`,
    name_en: name,
    category: 'dry',
    base_unit: 'g',
    active: 1,
    shelf_life_days: null,
    lot_tracked: 0,
  },
});

let db: ReturnType<typeof store>;
let cursor = 0;
beforeEach(() => {
  db = store();
  cursor = 0;
});
afterEach(() => db.sqlite.close());

function apply(changes: Change[]) {
  const page: PullResponse = {
    ok: true,
    changes,
    nextCursor: cursor + changes.length,
    more: false,
    clock: new HybridClock('hq', () => NOW).now(),
    hqTime: NOW,
  };
  const out = applyPage(db.sqlite, page, { fromCursor: cursor, clock: new HybridClock('st', () => NOW), now: NOW });
  cursor = page.nextCursor;
  return out;
}

const deadLetters = () =>
  db.sqlite.prepare("SELECT tbl, row_id AS rowId, reason FROM sync_dead_letters WHERE direction = 'down'").all();

describe('applying a page of HQ changes', () => {
  it('takes about one statement per change: no look-up and no savepoint per row', () => {
    const n = 500;
    db.on.log = true;
    expect(apply(Array.from({ length: n }, (_, i) => item(i)))).toEqual({ applied: n, deadLetters: 0 });
    const inserts = db.ran.length;
    db.ran.length = 0;
    expect(apply(Array.from({ length: n }, (_, i) => item(i, `Renamed ${i}`)))).toEqual({
      applied: n,
      deadLetters: 0,
    });
    const updates = db.ran.length;
    db.on.log = false;
    // Before: SAVEPOINT, SELECT, INSERT or UPDATE, RELEASE for every change (4 per row).
    expect(inserts).toBeLessThan(n * 1.1);
    expect(updates).toBeLessThan(n * 1.1);
    expect(db.sqlite.prepare("SELECT name_en FROM items WHERE id = 'item-7'").get()).toEqual({ name_en: 'Renamed 7' });
    expect(syncStateOf(db.sqlite).pullCursor).toBe(2 * n);
  });

  it('writes only HQ-owned columns into an existing row: the store’s own stay, updated_at moves', () => {
    apply([item(1)]);
    db.sqlite.prepare("UPDATE items SET par_level = 5000, shelf_order = 3, updated_at = 1 WHERE id = 'item-1'").run();
    apply([item(1, 'Changed')]);
    expect(
      db.sqlite
        .prepare("SELECT name_en, par_level, shelf_order, created_at, updated_at FROM items WHERE id = 'item-1'")
        .get(),
    ).toEqual({ name_en: 'Changed', par_level: 5000, shelf_order: 3, created_at: NOW, updated_at: NOW });
  });

  it('turns the one change that cannot be applied into a dead letter with its reason; the rest go in', () => {
    const orphan: Change = {
      version: 9,
      table: 'item_units',
      op: 'upsert',
      row: { item_id: 'not-here', unit: 'box', factor: 1000, purchase: 1, count: 0 },
    };
    const clash = { ...item(3), row: { ...item(3).row, id: 'item-3b' } }; // same code as item-3
    const unknown: Change = { version: 10, table: 'no_such_table', op: 'upsert', row: { id: 'x' } };
    const out = apply([item(1), orphan, item(2), item(3), clash, unknown, item(4)]);
    expect(out).toEqual({ applied: 4, deadLetters: 3 });
    expect(db.sqlite.prepare('SELECT id FROM items ORDER BY id').pluck().all()).toEqual([
      'item-1',
      'item-2',
      'item-3',
      'item-4',
    ]);
    expect(deadLetters()).toEqual([
      {
        tbl: 'item_units',
        rowId: 'not-here\u001fbox',
        reason: 'a row this item_units row refers to is not at this store',
      },
      { tbl: 'items', rowId: 'item-3b', reason: expect.stringContaining('it clashes with a row of this store') },
      {
        tbl: 'no_such_table',
        rowId: '?',
        reason: "this app does not know HQ's table no_such_table: update the app",
      },
    ]);
    expect(syncStateOf(db.sqlite).pullCursor).toBe(7);
  });

  it('inserts a new row HQ sent without a column this store needs as a dead letter saying which', () => {
    const partial: Change = { ...item(5), row: { id: 'item-5', code: 'C5', name_en: 'x' } };
    expect(apply([partial])).toEqual({ applied: 0, deadLetters: 1 });
    expect(deadLetters()).toEqual([
      { tbl: 'items', rowId: 'item-5', reason: expect.stringMatching(/^HQ sent a new items row without /) },
    ]);
  });
});
