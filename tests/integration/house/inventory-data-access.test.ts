import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/import-graph';

/**
 * The inventory side's one data-access style (issue 10, point 3): SQL only
 * through db/sql.ts's named statements (or dynamicSql for text built from
 * whitelisted fragments) and drizzle's query builder; rows typed from the
 * drizzle schema instead of cast to hand-written copies of it. The tools
 * (benchmarks, the data generator) are held to the same rule: where they
 * write millions of rows they keep hand-written SQL, through the same helpers.
 */
const FOLDERS = [
  'src-main/services/stock',
  'src-main/services/ops',
  'src-main/services/counts',
  'src-main/services/reports',
  'src-main/services/items',
  'src-main/services/demo',
  'src-main/services/store',
  'src-main/services/prefs',
  'src-main/services/users',
  'src-main/services/uploads',
  'src-main/tools',
];
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );
const sources = [...FOLDERS.flatMap(files), 'src-main/services/grid-sql.ts'].filter((f) => !f.endsWith('.test.ts'));
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('the inventory side’s data access', () => {
  it('prepares no statement by hand', () => {
    expect(sources.length).toBeGreaterThan(90);
    expect(sources.filter((f) => /\.prepare\(/.test(read(f)))).toEqual([]);
  });

  it('keeps no bundle of statements beside the helper (stock/statements.ts is gone)', () => {
    expect(existsSync(join(ROOT, 'src-main/services/stock/statements.ts'))).toBe(false);
    expect(files('src-main').filter((f) => /\bstockStatements\b/.test(read(f)))).toEqual([]);
  });

  it('casts no query result to a row type: only the arrays raw() hands back, which a row type cannot say', () => {
    // `.get(...) as X`, `.all(...) as X`, also across lines and behind a `!`.
    const resultCast = /\.(get|all|iterate|pluck|raw)\((?:[^()]|\([^()]*\))*\)!?\s*\)?\s*as\s+(?!const\b)[\w{[]+/g;
    const casts = sources.flatMap((f) =>
      [...read(f).matchAll(resultCast)].map((m) => `${f.split('/').pop()}: ${m[0].replace(/\s+/g, ' ')}`),
    );
    expect(casts.sort()).toEqual(['queries.ts: .all(...args) as unknown', 'totals.ts: .all(...args) as unknown']);
  });
});
