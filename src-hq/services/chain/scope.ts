import { sql, type SQL } from 'drizzle-orm';
import { rows, type Q } from '../../db/client';

/**
 * The stores a chain view reads: those the caller may see, narrowed by the
 * stores the caller picked (a pick outside the scope is dropped, not an
 * error: a saved filter may name a store that left the caller's region).
 */
export function narrowed(scope: readonly string[], picked?: readonly string[] | null): string[] {
  if (!picked?.length) return [...scope];
  const allowed = new Set(scope);
  return picked.filter((id) => allowed.has(id));
}

/**
 * `= ${anyStore(ids)}`: one text[] parameter, whatever the number of stores
 * (drizzle would spread a JS array into one parameter per element). Store
 * ids are UUIDs: a comma never occurs in one.
 */
export function anyStore(ids: readonly string[]): SQL {
  return sql`ANY(string_to_array(${ids.join(',')}, ','))`;
}

export interface StoreLabel {
  id: string;
  code: string;
  name: string;
  /** The store's region in Chinese and in English ('' when it has none). */
  region: string;
  regionEn: string;
  timezone: string;
}

/** Code, name, region and (from the store's own row, when it has arrived) time zone of these stores, in code order. */
export async function storeLabels(q: Q, ids: readonly string[]): Promise<StoreLabel[]> {
  return rows<StoreLabel>(
    q,
    sql`SELECT s.id, s.code, s.name, coalesce(r.name_zh, '') AS region, coalesce(r.name_en, '') AS "regionEn",
               coalesce(m.timezone, 'UTC') AS timezone
        FROM stores s LEFT JOIN regions r ON r.id = s.region_id
        LEFT JOIN LATERAL (SELECT timezone FROM mirror.store WHERE store_id = s.id LIMIT 1) m ON true
        WHERE s.id = ${anyStore(ids)} ORDER BY s.code`,
  );
}
