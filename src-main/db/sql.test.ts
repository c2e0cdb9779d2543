import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dynamicSql, sql } from './sql';

const open: Database.Database[] = [];
function conn() {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER); INSERT INTO t VALUES ('a', 1), ('b', 2)");
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('sql', () => {
  const byId = sql<{ id: string; n: number }, [string]>('SELECT id, n FROM t WHERE id = ?');

  it('prepares once per connection and answers each from its own database', () => {
    const one = conn();
    const two = conn();
    two.exec("UPDATE t SET n = 20 WHERE id = 'b'");
    const spy = vi.spyOn(one, 'prepare');
    expect(byId.get(one, 'b')).toEqual({ id: 'b', n: 2 });
    expect(byId.get(one, 'a')).toEqual({ id: 'a', n: 1 });
    expect(byId.get(two, 'b')).toEqual({ id: 'b', n: 20 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(byId.get(one, 'zz')).toBeUndefined();
  });

  it('runs, lists and iterates', () => {
    const db = conn();
    const add = sql<never, [string, number]>('INSERT INTO t (id, n) VALUES (?, ?)');
    expect(add.run(db, 'c', 3).changes).toBe(1);
    const all = sql<{ id: string }>('SELECT id FROM t ORDER BY id');
    expect(all.all(db).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect([...all.iterate(db)].length).toBe(3);
  });
});

describe('dynamicSql', () => {
  it('reuses a statement by its text and bounds the cache', () => {
    const db = conn();
    const spy = vi.spyOn(db, 'prepare');
    const text = 'SELECT count(*) AS n FROM t WHERE n > ?';
    expect(dynamicSql<{ n: number }, [number]>(db, text).get(1)).toEqual({ n: 1 });
    expect(dynamicSql<{ n: number }, [number]>(db, text).get(0)).toEqual({ n: 2 });
    expect(spy).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 600; i++) dynamicSql(db, `SELECT ${i} AS n`);
    dynamicSql(db, text);
    expect(spy).toHaveBeenCalledTimes(602);
  });
});
