import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { gridSql, type GridColumnSql } from './grid-sql';

const COLS: Record<string, GridColumnSql> = {
  code: { expr: 't.code', kind: 'text' },
  qty: { expr: 't.qty', kind: 'number', scale: 1000 },
};

function run(req: Parameters<typeof gridSql>[1]): string[] {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE t (code TEXT, qty INTEGER);
    INSERT INTO t VALUES ('A-1', 1000), ('a_2', 2500), ('B%3', NULL), ('C-4', 5000), ('', 0);`);
  const q = gridSql(COLS, req, 't.code');
  return (db.prepare(`SELECT code FROM t ${q.where} ${q.orderBy}`).all(...q.params) as { code: string }[]).map(
    (r) => r.code,
  );
}

describe('grid filters and sorts in SQL', () => {
  it('matches text case-insensitively, with LIKE wildcards taken literally', () => {
    expect(run({ sort: [], filters: { code: { filterType: 'text', type: 'contains', filter: 'a' } } })).toEqual([
      'A-1',
      'a_2',
    ]);
    expect(run({ sort: [], filters: { code: { filterType: 'text', type: 'contains', filter: '_' } } })).toEqual([
      'a_2',
    ]);
    expect(run({ sort: [], filters: { code: { filterType: 'text', type: 'startsWith', filter: 'b%' } } })).toEqual([
      'B%3',
    ]);
    expect(run({ sort: [], filters: { code: { filterType: 'text', type: 'blank' } } })).toEqual(['']);
  });

  it('scales numbers the way they are shown (2.5 shown = 2500 stored) and handles null', () => {
    const f = (type: string, filter: number, filterTo?: number) =>
      run({ sort: [], filters: { qty: { filterType: 'number', type: type as 'equals', filter, filterTo } } });
    expect(f('equals', 2.5)).toEqual(['a_2']);
    expect(f('greaterThan', 1)).toEqual(['C-4', 'a_2']);
    expect(f('inRange', 1, 2.5)).toEqual(['A-1', 'a_2']);
    expect(f('notEqual', 1)).toEqual(['', 'B%3', 'C-4', 'a_2']);
  });

  it('combines conditions and sorts with a tie-break', () => {
    const rows = run({
      sort: [{ colId: 'qty', sort: 'desc' }],
      filters: {
        code: {
          filterType: 'text',
          operator: 'OR',
          conditions: [
            { filterType: 'text', type: 'startsWith', filter: 'A' },
            { filterType: 'text', type: 'startsWith', filter: 'C' },
          ],
        },
      },
    });
    expect(rows).toEqual(['C-4', 'a_2', 'A-1']);
  });

  it('refuses unknown columns and filters of the wrong kind instead of building SQL from them', () => {
    expect(() => run({ sort: [{ colId: 'code; DROP TABLE t', sort: 'asc' }], filters: {} })).toThrow(
      'error.grid.column',
    );
    expect(() => run({ sort: [], filters: { qty: { filterType: 'text', type: 'contains', filter: 'x' } } })).toThrow(
      'error.grid.column',
    );
  });
});
