import { translate } from '../../src-shared/i18n';
import { replicatedTable, type MasterTable } from '../../src-shared/sync/tables';
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

/** HQ's name when this store is enrolled (null before enrollment). */
export function enrolledHq(ctx: Ctx): string | null {
  const hq = enrolledWith.get(ctx.sqlite);
  return hq ? (hq.hq ?? 'HQ') : null;
}

/**
 * Refuses adding, removing or changing a row of master data HQ owns whole
 * (the catalogue itself: items and suppliers, their units, barcodes and
 * supplier lines, categories, reason and fault codes, service vendors, label
 * layouts). A row made here would have no twin at HQ and be missing from
 * every other store; one removed here would come back with the next pull.
 */
export function refuseHqOwnedRows(ctx: Ctx, table: MasterTable, what: string): void {
  const hq = enrolledHq(ctx);
  if (!hq) return;
  throw new AppError('CONFLICT', 'error.sync.hqOwnedRows', {
    hq,
    what,
    table: translate(ctx.locale, `sync.table.${table}`),
  });
}

/** Refuses a change of any HQ-owned field between `before` and `after` (camelCase rows as the services hold them). */
export function refuseHqOwnedEdits(
  ctx: Ctx,
  table: 'items' | 'suppliers' | 'equipment',
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  what: string,
): void {
  const name = enrolledHq(ctx);
  if (!name) return;
  const changed = (replicatedTable(table)?.hqOwned ?? [])
    .map(camel)
    .filter((f) => f in after && norm(before[f]) !== norm(after[f]));
  if (!changed.length) return;
  throw new AppError(
    'CONFLICT',
    'error.sync.hqOwned',
    { what, hq: name },
    changed.map((path) => ({ path, key: 'error.sync.hqOwnedField', params: { hq: name } })),
  );
}
