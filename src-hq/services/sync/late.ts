import { inArray } from 'drizzle-orm';
import type { Q } from '../../db/client';
import { closedPeriods } from '../../db/schema';
import type { ValidEntry } from './entries';

/** Months HQ has closed for this store ('*' rows close them for every store). */
export async function closedMonths(q: Q, storeId: string): Promise<Set<string>> {
  const found = await q
    .select({ month: closedPeriods.month })
    .from(closedPeriods)
    .where(inArray(closedPeriods.scope, ['*', storeId]));
  return new Set(found.map((f) => f.month));
}

/** The closed month an entry is dated in, or null: such an entry is stored like any other and flagged late. */
export function lateMonth(e: ValidEntry, closed: ReadonlySet<string>): string | null {
  if (e.op !== 'upsert' || !e.table.periodColumn || closed.size === 0) return null;
  const v = e.row[e.table.periodColumn];
  if (typeof v !== 'string' || !/^\d{4}-\d{2}/.test(v)) return null;
  const month = v.slice(0, 7);
  return closed.has(month) ? month : null;
}
