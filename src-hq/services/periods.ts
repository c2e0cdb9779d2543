import { asc } from 'drizzle-orm';
import type { Q } from '../db/client';
import { closedPeriods } from '../db/schema';

/**
 * HQ closes a month for the chain ('*') or one store. Nothing a store sends
 * later is refused for it: entries dated in a closed month are stored and
 * flagged late (sync_late_entries), for accounting to look at.
 */
export async function closePeriod(q: Q, month: string, storeId: string | null, userId: string | null, now: number) {
  await q
    .insert(closedPeriods)
    .values({ scope: storeId ?? '*', month, closedAt: now, closedBy: userId })
    .onConflictDoNothing();
}

export async function listPeriods(q: Q) {
  const found = await q.select().from(closedPeriods).orderBy(asc(closedPeriods.month), asc(closedPeriods.scope));
  return found.map((p) => ({ scope: p.scope, month: p.month, closedAt: new Date(p.closedAt).toISOString() }));
}
