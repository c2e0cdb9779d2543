import { eq, sql } from 'drizzle-orm';
import type { HqContext } from '../../context';
import { stores } from '../../db/schema';
import type { SyncRefusal } from '../sync/refusal';

/**
 * What the store list shows of a store's sync health. A refused push counts
 * as a refused batch; any refusal of a request HQ could tie to the store
 * becomes its "last refusal".
 */
export async function recordRefusal(ctx: HqContext, storeId: string, path: string, r: SyncRefusal): Promise<void> {
  const at = ctx.now();
  await ctx.db
    .update(stores)
    .set({
      lastRefusal: { code: r.code, message: r.message, at },
      refusedCount: path === 'push' ? sql`${stores.refusedCount} + 1` : stores.refusedCount,
      lastContactAt: at,
    })
    .where(eq(stores.id, storeId));
}
