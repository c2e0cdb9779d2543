import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/import-graph';

/** Issue 10, point 7: the day helpers and the "reason codes with defaults" helper each exist once. */
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
const sources = ['src-main', 'src-shared', 'src-renderer/src']
  .flatMap(files)
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
const holding = (pattern: RegExp) => sources.filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')));

describe('one copy of each helper', () => {
  it('does day arithmetic only in src-shared/time.ts', () => {
    // A function of its own that adds days to a 'YYYY-MM-DD' day, or counts the days between two.
    const dayMath = /\b(function|const|let)\s+\w*(addDays|nextDay|daysBetween|dayNumber)\w*\b/;
    expect(holding(dayMath)).toEqual(['src-shared/time.ts']);
    // The milliseconds of a day, turned back into a day: the body every copy had.
    expect(holding(/\+\s*(n\s*\*\s*)?(86_400_000|DAY_MS|DAY)\)\.toISOString\(\)\.slice\(0, 10\)/)).toEqual([]);
  });

  it('keys instants by business day in one place, with one keyer per zone', () => {
    expect(holding(/\b(function|const)\s+(dayKeyer|dayStart)\b/)).toEqual(['src-shared/time.ts']);
    // The store-day caches services kept for themselves (a map of keyers per zone).
    expect(holding(/new Map<string, \(ms: number\) => string>/)).toEqual(['src-shared/time.ts']);
  });

  it('writes and reads the built-in reason codes of every kind through one helper', () => {
    // The built-in names (one waste and one rejection reason stand for all) are written down once.
    expect(holding(/备料损耗|超量送货/)).toEqual(['src-main/services/ops/reason-codes.ts']);
    // Nothing else writes or lists the codes of these kinds by hand (repairs keep their own kinds).
    expect(holding(/INSERT[^;`]*INTO reason_codes[^;`]*'(waste|reject)'/)).toEqual([]);
    expect(holding(/FROM reason_codes WHERE kind = '(waste|reject)'/)).toEqual([]);
  });
});
