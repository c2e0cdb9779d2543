import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/import-graph';

/**
 * The write path's one data-access style (issue 10, points 3 and 7): the
 * api, receiving, audit, auth and system code runs SQL only through
 * db/sql.ts's named statements or drizzle's query builder, and work no one
 * called gets its context from systemContext instead of a hand-built copy.
 */
const ROOTS = [
  'src-main/api',
  'src-main/services/receiving',
  'src-main/services/audit',
  'src-main/services/auth',
  'src-main/services/system',
  'src-main/services/context.ts',
  'src-main/backend.ts',
];

function sourcesUnder(path: string): string[] {
  if (statSync(join(ROOT, path)).isFile()) return [path];
  return readdirSync(join(ROOT, path)).flatMap((f) => sourcesUnder(`${path}/${f}`));
}

const sources = ROOTS.flatMap(sourcesUnder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('the write path’s data access', () => {
  it('prepares no statement by hand (a handler’s prepare phase is not SQL)', () => {
    const prepares = sources.filter((f) => /\.prepare\((?!ctxFor\(\))/.test(read(f)));
    expect(prepares).toEqual([]);
  });

  it('casts no query result', () => {
    const casts = sources.flatMap((f) =>
      [...read(f).matchAll(/\.(get|all|pluck)\([^()]*\) as (?!const\b)/g)].map((m) => `${f}: ${m[0]}`),
    );
    expect(casts).toEqual([]);
  });

  it('builds a context for work no one called in one place (systemContext)', () => {
    // A hand-built Ctx spells out every member; the only places allowed to are dispatch (a caller's) and systemContext.
    const builders = [...ROOTS, 'src-main/services', 'src-main/tools', 'src-main/app', 'src-main/host']
      .flatMap(sourcesUnder)
      .filter((f, i, all) => f.endsWith('.ts') && !f.endsWith('.test.ts') && all.indexOf(f) === i)
      .filter((f) => /sessionTokenHash:\s*null/.test(read(f)));
    expect(builders).toEqual(['src-main/services/context.ts']);
  });
});
