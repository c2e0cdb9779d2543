import { sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { storesInScope } from '../services/scope/scope';
import type { HqCall } from './handler-types';

/**
 * The stores this caller may see: every chain view takes this one list. The
 * condition is the same `storesInScope` the store lists and the dispatch's
 * per-store check use, so a chain view never counts a store the caller could
 * not open.
 */
export async function storeIdsInScope(call: HqCall): Promise<string[]> {
  const found = await rows<{ id: string }>(
    call.q,
    sql`SELECT id FROM stores WHERE ${storesInScope(call.user)} ORDER BY code`,
  );
  return found.map((r) => r.id);
}
