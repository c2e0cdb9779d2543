import { toIso } from '../../../src-shared/time';
import type { stockCountLines, stockCounts, stockMoves } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { itemInfo } from './totals';

type Line = typeof stockCountLines.$inferSelect;
type Move = typeof stockMoves.$inferSelect;

const postedCountsNewestFirst = sql<
  Pick<typeof stockCounts.$inferSelect, 'id' | 'number' | 'postedAt'> & { lines: number }
>(
  `SELECT c.id, c.number, c.posted_at AS postedAt,
          (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id) AS lines
   FROM stock_counts c WHERE c.status = 'posted' ORDER BY c.posted_at DESC, c.number DESC`,
);
const linesWithArea = sql<
  Pick<Line, 'itemId' | 'areaId' | 'lot' | 'bookQty' | 'countedQty'> & { lineId: Line['id']; areaCode: string },
  [countId: string]
>(
  `SELECT l.id AS lineId, l.item_id AS itemId, l.area_id AS areaId, coalesce(a.code, '') AS areaCode, l.lot,
          l.book_qty AS bookQty, l.counted_qty AS countedQty
   FROM stock_count_lines l LEFT JOIN storage_areas a ON a.id = l.area_id
   WHERE l.count_id = ?`,
);
/** What a count's posting booked per item, area and lot. */
const adjustmentsOf = sql<Pick<Move, 'itemId' | 'areaId' | 'lot' | 'qty' | 'value'>, [countId: string]>(
  `SELECT item_id AS itemId, area_id AS areaId, lot, sum(qty) AS qty, sum(value) AS value FROM stock_moves
   WHERE doc_type = 'count' AND doc_id = ? AND kind = 'count_adjust' GROUP BY item_id, area_id, lot`,
);

/** Posted stocktakes, newest first. */
export function postedCounts(ctx: Ctx) {
  return postedCountsNewestFirst.all(ctx.sqlite).map((r) => ({ ...r, postedAt: toIso(r.postedAt) }));
}

/**
 * The lines of one posted count: book (frozen at the start), counted and the
 * variance in quantity; the money comes from the count_adjust movements the
 * posting wrote (doc_type 'count', doc_id = the count), which also carry any
 * movement made while the count was open, so they are what the books changed by.
 */
export function countVariance(ctx: Ctx, input: { countId: string }) {
  const lines = linesWithArea.all(ctx.sqlite, input.countId);
  const adjust = new Map<string, { qty: number; value: number }>();
  for (const m of adjustmentsOf.all(ctx.sqlite, input.countId)) adjust.set(`${m.itemId}|${m.areaId}|${m.lot}`, m);
  const info = itemInfo(ctx);
  const out = [];
  for (const l of lines) {
    const item = info.get(l.itemId);
    if (!item) continue;
    const a = adjust.get(`${l.itemId}|${l.areaId}|${l.lot}`);
    out.push({
      ...item,
      lineId: l.lineId,
      areaCode: l.areaCode,
      lot: l.lot,
      bookQty: l.bookQty,
      countedQty: l.countedQty,
      varianceQty: l.countedQty === null ? null : l.countedQty - l.bookQty,
      adjustQty: a?.qty ?? 0,
      adjustValue: a?.value ?? 0,
    });
  }
  return out.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : x.areaCode < y.areaCode ? -1 : 1));
}
