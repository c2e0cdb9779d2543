import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { replicatedTable } from '../../src-shared/sync/tables';

/**
 * A replicated row's `updated_at` moves only with a value HQ keeps. The outbox
 * triggers send a row when such a value changes, never for `updated_at` alone
 * (src-main/sync/triggers.ts), so a write of store-only columns (a password,
 * a sign-in's counters, the store's settings) that stamped the row would leave
 * HQ's copy with an older `updated_at` than the store's for good.
 */
export function stampIfReplicated<T extends SQLiteTable, V extends Record<string, unknown>>(
  table: T,
  before: Record<string, unknown>,
  values: V,
  now: number,
): V & { updatedAt?: number } {
  const omit = new Set(replicatedTable(getTableName(table))?.omit ?? []);
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const news = Object.entries(values).some(
    ([key, v]) => columns[key] && !omit.has(columns[key].name) && key !== 'updatedAt' && !Object.is(before[key], v),
  );
  return news ? { ...values, updatedAt: now } : values;
}
