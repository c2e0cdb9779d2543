import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { dayKeyer } from '../../../src-shared/time';
import { storeRow } from '../store/settings';
import { parseScope, type StoredScope } from './header';

export interface StartInput {
  areaIds: string[];
  categories: string[];
  blind: boolean;
  note: string;
}

function checkScope(ctx: Ctx, input: StartInput): { id: string; code: string }[] {
  const areas = ctx.sqlite
    .prepare('SELECT id, code FROM storage_areas WHERE active = 1 ORDER BY sort_order, code')
    .all() as {
    id: string;
    code: string;
  }[];
  const known = new Set(areas.map((a) => a.id));
  input.areaIds.forEach((id, i) => {
    if (!known.has(id)) {
      throw new AppError('VALIDATION', 'counts.error.area', undefined, [
        { path: `areaIds.${i}`, key: 'counts.error.area' },
      ]);
    }
  });
  const cats = new Set(
    (
      ctx.sqlite.prepare('SELECT DISTINCT category AS c FROM items UNION SELECT code FROM item_categories').all() as {
        c: string;
      }[]
    ).map((r) => r.c),
  );
  input.categories.forEach((c, i) => {
    if (!cats.has(c)) {
      throw new AppError('VALIDATION', 'counts.error.category', { category: c }, [
        { path: `categories.${i}`, key: 'counts.error.category', params: { category: c } },
      ]);
    }
  });
  return input.areaIds.length ? areas.filter((a) => input.areaIds.includes(a.id)) : areas;
}

/** Two open counts on the same area would each adjust the same stock: refuse the second. */
function checkOverlap(ctx: Ctx, areas: { id: string; code: string }[]): void {
  const open = ctx.sqlite.prepare("SELECT number, scope FROM stock_counts WHERE status = 'open'").all() as {
    number: string;
    scope: string;
  }[];
  for (const c of open) {
    const scope = parseScope(c.scope);
    const clash = scope.areaIds.length ? areas.find((a) => scope.areaIds.includes(a.id)) : areas[0];
    if (clash) throw new AppError('CONFLICT', 'counts.error.overlap', { number: c.number, area: clash.code });
  }
}

/** PD-20261127-01: the store's business day and the day's running number. */
function nextNumber(ctx: Ctx): string {
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const prefix = `PD-${dayKeyer(tz)(ctx.now).replaceAll('-', '')}-`;
  const r = ctx.sqlite
    .prepare("SELECT max(CAST(substr(number, ?) AS INTEGER)) AS n FROM stock_counts WHERE number LIKE ? || '%'")
    .get(prefix.length + 1, prefix) as { n: number | null };
  return prefix + String((r.n ?? 0) + 1).padStart(2, '0');
}

/**
 * The lines in scope: every balance row (the book, frozen now), plus active
 * items whose home is an area in scope but that have no stock there at book 0,
 * so stock found on the shelf can be counted. Lot-tracked items need a lot to
 * be received, so they are only counted where the book has them.
 */
const SCOPE_SQL = `
  SELECT b.item_id AS itemId, b.area_id AS areaId, b.lot, b.qty FROM stock_balances b JOIN items i ON i.id = b.item_id
   WHERE (b.qty <> 0 OR i.active = 1)
     AND b.area_id IN (SELECT value FROM json_each(@areas))
     AND (@hasCats = 0 OR i.category IN (SELECT value FROM json_each(@cats)))
  UNION ALL
  SELECT i.id, i.storage_area_id, '', 0 FROM items i
   WHERE i.active = 1 AND i.lot_tracked = 0
     AND i.storage_area_id IN (SELECT value FROM json_each(@areas))
     AND (@hasCats = 0 OR i.category IN (SELECT value FROM json_each(@cats)))
     AND NOT EXISTS (SELECT 1 FROM stock_balances b WHERE b.item_id = i.id AND b.area_id = i.storage_area_id)`;

export function startCount(ctx: Ctx, input: StartInput) {
  const areas = checkScope(ctx, input);
  checkOverlap(ctx, areas);
  const startSeq = (ctx.sqlite.prepare('SELECT coalesce(max(seq), 0) AS s FROM stock_moves').get() as { s: number }).s;
  const candidates = ctx.sqlite.prepare(SCOPE_SQL).all({
    areas: JSON.stringify(areas.map((a) => a.id)),
    hasCats: input.categories.length,
    cats: JSON.stringify(input.categories),
  }) as {
    itemId: string;
    areaId: string;
    lot: string;
    qty: number;
  }[];
  if (!candidates.length) throw new AppError('VALIDATION', 'counts.error.empty');

  const id = uuidv7(ctx.now);
  const number = nextNumber(ctx);
  const scope: StoredScope = { areaIds: input.areaIds, categories: input.categories, startSeq };
  ctx.sqlite
    .prepare(
      "INSERT INTO stock_counts (id, number, status, scope, blind, started_at, started_by, note) VALUES (?, ?, 'open', ?, ?, ?, ?, ?)",
    )
    .run(id, number, JSON.stringify(scope), input.blind ? 1 : 0, ctx.now, ctx.user?.id ?? null, input.note);
  const insert = ctx.sqlite.prepare(
    "INSERT INTO stock_count_lines (id, count_id, item_id, area_id, lot, book_qty, entry, recount) VALUES (?, ?, ?, ?, ?, ?, '', 0)",
  );
  for (const c of candidates) insert.run(uuidv7(ctx.now), id, c.itemId, c.areaId, c.lot, c.qty);
  ctx.changed({
    table: 'stock_counts',
    id,
    op: 'insert',
    values: { number, scope, blind: input.blind, lines: candidates.length },
  });
  return { id, number, lines: candidates.length };
}
