import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/import-graph';

/**
 * One data-access style (issue 10, point 3) in the repairs and device
 * services: statements named at module level through db/sql.ts (or drizzle's
 * query builder), never prepared inline or through a private cache, and their
 * rows typed by the statement rather than cast where they are read.
 */
const FOLDERS = ['src-main/services/repairs', 'src-main/services/devices', 'src-main/devices'];

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(`${dir}/${e.name}`)
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')
        ? [`${dir}/${e.name}`]
        : [],
  );

function offending(pattern: RegExp): string[] {
  return FOLDERS.flatMap(sources).flatMap((f) =>
    readFileSync(join(ROOT, f), 'utf8')
      .split('\n')
      .flatMap((line, n) => (pattern.test(line) ? [`${f}:${n + 1}: ${line.trim()}`] : [])),
  );
}

describe('data access in the repairs and device services', () => {
  it('prepares no statement inline and keeps no statement cache of its own', () => {
    expect(offending(/\.prepare\(|\bprep\(/)).toEqual([]);
  });

  it('casts no query result: the statement carries its row type', () => {
    expect(offending(/\.(get|all)\([^()]*\)\s+as\s/)).toEqual([]);
  });
});
