import { eq } from 'drizzle-orm';
import { dayKeyer } from '../../../src-shared/time';
import { stockCounts, type stockBalances } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { activeAreas } from '../ops/pickers';
import { latestMoveSeq } from '../stock/queries';
import { storeRow } from '../store/settings';
import { parseScope, type StoredScope } from './header';

export interface StartInput {
  areaIds: string[];
  categories: string[];
  blind: boolean;
  note: string;
}

function checkScope(ctx: Ctx, input: StartInput): { id: string; code: string }[] {
  const areas = activeAreas.all(ctx.sqlite);
  const known = new Set(areas.map((a) => a.id));
  input.areaIds.forEach((id, i) => {
    if (!known.has(id)) {
      throw new AppError('VALIDATION', 'counts.error.area', undefined, [
        { path: `areaIds.${i}`, key: 'counts.error.area' },
      ]);
    }
  });
  const cats = new Set(knownCategories.all(ctx.sqlite).map((r) => r.code));
  input.categories.forEach((c, i) => {
    if (!cats.has(c)) {
      throw new AppError('VALIDATION', 'counts.error.category', { category: c }, [
        { path: `categories.${i}`, key: 'counts.error.category', params: { category: c } },
      ]);
    }
  });
  return input.areaIds.length ? areas.filter((a) => input.areaIds.includes(a.id)) : areas;
}

const knownCategories = sql<{ code: string }>(
  'SELECT DISTINCT category AS code FROM items UNION SELECT code FROM item_categories',
);
/** The highest running number of the day's counts (PD-YYYYMMDD-NN). */
const lastNumberOfDay = sql<{ n: number | null }, [from: number, prefix: string]>(
  "SELECT max(CAST(substr(number, ?) AS INTEGER)) AS n FROM stock_counts WHERE number LIKE ? || '%'",
);
const insertLine = sql<
  never,
  [id: string, countId: string, itemId: string, areaId: string, lot: string, bookQty: number]
>(
  `INSERT INTO stock_count_lines (id, count_id, item_id, area_id, lot, book_qty, entry, recount)
   VALUES (?, ?, ?, ?, ?, ?, '', 0)`,
);

/** Two open counts on the same area would each adjust the same stock: refuse the second. */
function checkOverlap(ctx: Ctx, areas: { id: string; code: string }[]): void {
  const open = ctx.db
    .select({ number: stockCounts.number, scope: stockCounts.scope })
    .from(stockCounts)
    .where(eq(stockCounts.status, 'open'))
    .all();
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
  const n = lastNumberOfDay.get(ctx.sqlite, prefix.length + 1, prefix)!.n ?? 0;
  return prefix + String(n + 1).padStart(2, '0');
}

/**
 * The lines in scope: every balance row (the book, frozen now), plus active
 * items whose home is an area in scope but that have no stock there at book 0,
 * so stock found on the shelf can be counted. Lot-tracked items need a lot to
 * be received, so they are only counted where the book has them.
 */
const linesInScope = sql<
  Pick<typeof stockBalances.$inferSelect, 'itemId' | 'areaId' | 'lot' | 'qty'>,
  [{ areas: string; hasCats: number; cats: string }]
>(`
  SELECT b.item_id AS itemId, b.area_id AS areaId, b.lot, b.qty FROM stock_balances b JOIN items i ON i.id = b.item_id
   WHERE (b.qty <> 0 OR i.active = 1)
     AND b.area_id IN (SELECT value FROM json_each(@areas))
     AND (@hasCats = 0 OR i.category IN (SELECT value FROM json_each(@cats)))
  UNION ALL
  SELECT i.id, i.storage_area_id, '', 0 FROM items i
   WHERE i.active = 1 AND i.lot_tracked = 0
     AND i.storage_area_id IN (SELECT value FROM json_each(@areas))
     AND (@hasCats = 0 OR i.category IN (SELECT value FROM json_each(@cats)))
     AND NOT EXISTS (SELECT 1 FROM stock_balances b WHERE b.item_id = i.id AND b.area_id = i.storage_area_id)`);

export function startCount(ctx: Ctx, input: StartInput) {
  const areas = checkScope(ctx, input);
  checkOverlap(ctx, areas);
  const startSeq = latestMoveSeq.get(ctx.sqlite)!.seq;
  const candidates = linesInScope.all(ctx.sqlite, {
    areas: JSON.stringify(areas.map((a) => a.id)),
    hasCats: input.categories.length,
    cats: JSON.stringify(input.categories),
  });
  if (!candidates.length) throw new AppError('VALIDATION', 'counts.error.empty');

  const id = uuidv7(ctx.now);
  const number = nextNumber(ctx);
  const scope: StoredScope = { areaIds: input.areaIds, categories: input.categories, startSeq };
  ctx.db
    .insert(stockCounts)
    .values({
      id,
      number,
      status: 'open',
      scope: JSON.stringify(scope),
      blind: input.blind,
      startedAt: ctx.now,
      startedBy: ctx.user?.id ?? null,
      note: input.note,
    })
    .run();
  // A count has thousands of lines: one prepared INSERT for all, not a query built per line.
  for (const c of candidates) insertLine.run(ctx.sqlite, uuidv7(ctx.now), id, c.itemId, c.areaId, c.lot, c.qty);
  ctx.changed({
    table: 'stock_counts',
    id,
    op: 'insert',
    values: { number, scope, blind: input.blind, lines: candidates.length },
  });
  return { id, number, lines: candidates.length };
}
