import { eq, sql, type SQL } from 'drizzle-orm';
import type { HqScopeKind } from '../../../src-shared/hq-api/scope';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { hqUserScopeRegions, stores } from '../../db/schema';

/** Who asks, as far as scope goes: the lists themselves stay in the database and are read by subquery. */
export interface ScopedUser {
  id: string;
  scope: HqScopeKind;
}

/**
 * The condition "this row of `stores` is in the user's scope", for lists and
 * for the check below: one definition, so a list never shows a store the
 * check would refuse, nor hides one it would allow.
 */
export function storesInScope(user: ScopedUser | null): SQL {
  if (!user || user.scope === 'chain') return sql`true`;
  if (user.scope === 'regions') {
    return sql`${stores.regionId} IN (SELECT region_id FROM hq_user_scope_regions WHERE user_id = ${user.id})`;
  }
  return sql`${stores.id} IN (SELECT store_id FROM hq_user_scope_stores WHERE user_id = ${user.id})`;
}

/**
 * The one scope check every HQ method naming a store goes through (the
 * dispatch calls it with the key its contract declares): a store outside the
 * caller's scope is refused with a message naming it; no store (the method
 * then acts on every store) needs the whole chain.
 */
export async function assertStoreInScope(
  q: Q,
  user: ScopedUser,
  storeId: string | null,
  /** The input field that named the store, for the form to point at. */
  field?: string,
): Promise<void> {
  if (user.scope === 'chain') return;
  if (storeId === null) throw new HqApiError('FORBIDDEN', 'hq.scope.wholeChain');
  const [row] = await q
    .select({ code: stores.code, name: stores.name, inScope: sql<boolean>`${storesInScope(user)}` })
    .from(stores)
    .where(eq(stores.id, storeId));
  // A store that does not exist is the method's own NOT_FOUND, in its own words.
  if (row && !row.inScope) {
    const params = { store: `${row.code} ${row.name}` };
    throw new HqApiError(
      'FORBIDDEN',
      'hq.scope.outside',
      params,
      field ? [{ path: field, key: 'hq.scope.outside', params }] : undefined,
    );
  }
}

/** Whole-chain settings (regions) and chain-wide actions. */
export function assertWholeChain(user: ScopedUser | null): void {
  if (user && user.scope !== 'chain') throw new HqApiError('FORBIDDEN', 'hq.scope.wholeChain');
}

/**
 * Where a user may put a store (a new one, or one moved): a regional user
 * only into one of their regions, so nobody creates or moves a store out of
 * their own sight; a user with a list of stores creates none.
 */
export async function assertRegionInScope(q: Q, user: ScopedUser | null, regionId: string | null): Promise<void> {
  if (!user || user.scope === 'chain') return;
  if (user.scope === 'stores') throw new HqApiError('FORBIDDEN', 'hq.scope.wholeChain');
  const mine = await q
    .select({ id: hqUserScopeRegions.regionId })
    .from(hqUserScopeRegions)
    .where(eq(hqUserScopeRegions.userId, user.id));
  if (regionId === null || !mine.some((r) => r.id === regionId)) {
    throw new HqApiError('FORBIDDEN', 'hq.scope.region', undefined, [{ path: 'regionId', key: 'hq.scope.region' }]);
  }
}
