import { replicatedTable } from '../../src-shared/sync/tables';
import { sql } from '../db/sql';
import { AppError } from './app-error';
import type { Ctx } from './context';

/**
 * Once the store is enrolled, HQ owns the master data's shared fields (the
 * registry's `hqOwned` columns: an item's names, unit and category, a
 * supplier's contact details...). An edit here would be overwritten by the
 * next pull, so it is refused with HQ's name; the store's own fields (par
 * levels, storage area, shelf order) stay editable.
 */
const enrolledWith = sql<{ hq: string | null }>(
  'SELECT hq_name AS hq FROM sync_state WHERE id = 1 AND enrolled_at IS NOT NULL',
);

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const norm = (v: unknown) =>
  v === undefined || v === null
    ? null
    : typeof v === 'boolean'
      ? Number(v)
      : typeof v === 'object'
        ? JSON.stringify(v)
        : v;

/** Refuses a change of any HQ-owned field between `before` and `after` (camelCase rows as the services hold them). */
export function refuseHqOwnedEdits(
  ctx: Ctx,
  table: 'items' | 'suppliers',
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  what: string,
): void {
  const hq = enrolledWith.get(ctx.sqlite);
  if (!hq) return;
  const changed = (replicatedTable(table)?.hqOwned ?? [])
    .map(camel)
    .filter((f) => f in after && norm(before[f]) !== norm(after[f]));
  if (!changed.length) return;
  const name = hq.hq ?? 'HQ';
  throw new AppError(
    'CONFLICT',
    'error.sync.hqOwned',
    { what, hq: name },
    changed.map((path) => ({ path, key: 'error.sync.hqOwnedField', params: { hq: name } })),
  );
}
