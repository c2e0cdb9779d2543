import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { columnName, insertText, selectList } from './schema-sql';
import { sql, type SqlRow } from './sql';

const gadgets = sqliteTable('gadgets', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  inService: integer('in_service', { mode: 'boolean' }).notNull(),
  lastSeenAt: integer('last_seen_at'),
});
type Gadget = typeof gadgets.$inferSelect;

const open: Database.Database[] = [];
function conn() {
  const db = new Database(':memory:');
  db.exec(
    'CREATE TABLE gadgets (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, in_service INTEGER NOT NULL, last_seen_at INTEGER)',
  );
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('the schema as hand-written SQL sees it', () => {
  const insert = sql<never, [SqlRow<Gadget>]>(insertText(gadgets));
  const byId = sql<SqlRow<Gadget>, [string]>(`SELECT ${selectList(gadgets)} FROM gadgets WHERE id = ?`);

  it('writes and reads a whole row under the schema property names, booleans as 0 or 1', () => {
    const db = conn();
    insert.run(db, { id: 'g1', displayName: 'Fryer', inService: 1, lastSeenAt: null });
    expect(byId.get(db, 'g1')).toEqual({ id: 'g1', displayName: 'Fryer', inService: 1, lastSeenAt: null });
    // drizzle reads the same row with its own mapping: the same keys, the boolean as a boolean.
    const viaDrizzle = drizzle(db).select().from(gadgets).where(eq(gadgets.id, 'g1')).get();
    expect(Object.keys(viaDrizzle!).sort()).toEqual(Object.keys(byId.get(db, 'g1')!).sort());
    expect(viaDrizzle!.inService).toBe(true);
  });

  it('names only the columns asked for, with a table alias', () => {
    expect(selectList(gadgets, { alias: 'g', only: ['id', 'lastSeenAt'] })).toBe('g.id, g.last_seen_at AS lastSeenAt');
    expect(columnName(gadgets, 'inService')).toBe('in_service');
  });
});
