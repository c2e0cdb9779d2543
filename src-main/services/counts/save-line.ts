import { parseCountEntry, type EntryError } from '../../../src-shared/count-entry';
import type { CountLineDto } from '../../../src-shared/api/methods/counts';
import type { MessageKey } from '../../../src-shared/i18n';
import { formatQty } from '../../../src-shared/quantity';
import { eq } from 'drizzle-orm';
import { items, stockCountLines, storageAreas } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { storeSettings } from '../store/settings';
import { loadCount } from './header';
import { LINE_SELECT, evaluate, toLineDto, unitsOfItem, type LineSqlRow } from './lines';
import { itemAverage, netDuringForLine } from './variance';
import { MAX_ENTRY_QTY } from '../../../src-shared/count-entry';

export interface SaveLineInput {
  countId: string;
  lineId?: string | null;
  itemId?: string | null;
  areaId?: string | null;
  lot: string;
  entry: string;
}

const lineById = sql<LineSqlRow, [lineId: string, countId: string]>(`${LINE_SELECT} WHERE l.id = ? AND l.count_id = ?`);
/** A scanner names the item and area (and lot) instead of the line. */
const lineByKey = sql<LineSqlRow, [countId: string, itemId: string, areaId: string, lot: string]>(
  `${LINE_SELECT} WHERE l.count_id = ? AND l.item_id = ? AND l.area_id = ? AND l.lot = ?`,
);

function entryError(e: EntryError): AppError {
  const [key, params]: [MessageKey, Record<string, string | number>] =
    e.code === 'unit'
      ? ['counts.error.unit', { unit: e.unit, known: e.known.join(' ') }]
      : e.code === 'negative'
        ? ['counts.error.negative', {}]
        : e.code === 'tooLarge'
          ? ['counts.error.tooLarge', { max: formatQty(MAX_ENTRY_QTY) }]
          : ['counts.error.syntax', { text: e.code === 'syntax' ? e.text : '' }];
  return new AppError('VALIDATION', key, params, [{ path: 'entry', key, params }]);
}

/** Names the item and area a scanner asked for, when they are not in the count. */
function notInCount(ctx: Ctx, number: string, itemId: string, areaId: string, lot: string): AppError {
  const item = ctx.db.select({ code: items.code }).from(items).where(eq(items.id, itemId)).get();
  const area = ctx.db.select({ code: storageAreas.code }).from(storageAreas).where(eq(storageAreas.id, areaId)).get();
  const params = { number, item: item?.code ?? itemId, area: area?.code ?? areaId, lot: lot || '-' };
  return new AppError('NOT_FOUND', 'counts.error.notInCount', params, [
    { path: 'itemId', key: 'counts.error.notInCount', params },
  ]);
}

/**
 * Saves one count line: a few lookups by key, the parse, and one UPDATE by
 * primary key. Nothing about the rest of the count is recomputed, so the
 * clerk's Enter stays instant on a 5,000-line count.
 */
export function saveLine(ctx: Ctx, input: SaveLineInput): CountLineDto {
  const count = loadCount(ctx.db, input.countId, true);
  const row = input.lineId
    ? lineById.get(ctx.sqlite, input.lineId, count.id)
    : lineByKey.get(ctx.sqlite, count.id, input.itemId ?? '', input.areaId ?? '', input.lot);
  if (!row) {
    if (input.lineId) {
      throw new AppError('NOT_FOUND', 'counts.error.lineNotInCount', { number: count.number }, [
        { path: 'lineId', key: 'counts.error.lineNotInCount', params: { number: count.number } },
      ]);
    }
    throw notInCount(ctx, count.number, input.itemId!, input.areaId!, input.lot);
  }

  const units = unitsOfItem(ctx.sqlite, row.itemId);
  const text = input.entry.trim();
  let counted: number | null = null;
  if (text) {
    const parsed = parseCountEntry(text, row.baseUnit, units);
    if (!parsed.ok) throw entryError(parsed.error);
    counted = parsed.qty;
  }
  const before = { countedQty: row.countedQty, entry: row.entry };
  const updated: LineSqlRow = {
    ...row,
    countedQty: counted,
    entry: counted === null ? '' : text,
    countedAt: counted === null ? null : ctx.now,
    countedBy: counted === null ? null : (ctx.user?.displayName ?? null),
  };
  const net = netDuringForLine(ctx.sqlite, { countId: count.id, ...row }, count.scope.startSeq, ctx.now);
  const e = evaluate(updated, net, itemAverage(ctx.sqlite, row.itemId), storeSettings(ctx.db));
  ctx.db
    .update(stockCountLines)
    .set({
      countedQty: counted,
      entry: updated.entry,
      countedAt: updated.countedAt,
      countedBy: counted === null ? null : (ctx.user?.id ?? null),
      recount: e.recount,
    })
    .where(eq(stockCountLines.id, row.id))
    .run();
  ctx.changed({
    table: 'stock_count_lines',
    id: row.id,
    op: 'update',
    values: { countedQty: counted, entry: updated.entry },
    before,
  });
  return toLineDto(updated, units, e, count.blind);
}
