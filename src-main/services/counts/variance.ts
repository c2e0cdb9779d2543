import { MONEY_SCALE } from '../../../src-shared/quantity';
import type { itemCosts, stockMoves } from '../../db/schema';
import { sql, type Conn } from '../../db/sql';
import { mulDiv } from '../stock/money-math';

/** An item's moving average as value per qty (both integers), or null when it never had a cost. */
export interface Average {
  value: number;
  qty: number;
}

type CostRow = Pick<typeof itemCosts.$inferSelect, 'itemId' | 'qty' | 'value' | 'lastQty' | 'lastValue'>;
type Move = typeof stockMoves.$inferSelect;

function average(r: CostRow | undefined): Average | null {
  if (!r) return null;
  if (r.qty > 0) return { value: r.value, qty: r.qty };
  // Stock at or below zero: the average from when it was last positive (what costing itself uses).
  if (r.lastQty > 0) return { value: r.lastValue, qty: r.lastQty };
  return null;
}

const COST_COLS = 'item_id AS itemId, qty, value, last_qty AS lastQty, last_value AS lastValue';
const costsOfCountItems = sql<CostRow, [countId: string]>(
  `SELECT ${COST_COLS} FROM item_costs WHERE item_id IN (SELECT item_id FROM stock_count_lines WHERE count_id = ?)`,
);
const costOfItem = sql<CostRow, [itemId: string]>(`SELECT ${COST_COLS} FROM item_costs WHERE item_id = ?`);

/** Averages of every item in a count, in one query. */
export function countAverages(sqlite: Conn, countId: string): Map<string, Average | null> {
  return new Map(costsOfCountItems.all(sqlite, countId).map((r) => [r.itemId, average(r)]));
}

export function itemAverage(sqlite: Conn, itemId: string): Average | null {
  return average(costOfItem.get(sqlite, itemId));
}

export function valueAt(qty: number, avg: Average | null | undefined): number {
  return avg ? mulDiv(qty, avg.value, avg.qty) : 0;
}

export interface MoveDuring {
  at: number;
  qty: number;
}

/** Ledger rows after `seq`, leaving out one count's own adjustments. */
const movesAfter = sql<MoveDuring & Pick<Move, 'itemId' | 'areaId' | 'lot'>, [seq: number, countId: string]>(
  `SELECT item_id AS itemId, area_id AS areaId, lot, occurred_at AS at, qty FROM stock_moves
   WHERE seq > ? AND NOT (doc_type = 'count' AND doc_id = ?)`,
);
const netOfLineAfter = sql<
  Pick<Move, 'qty'>,
  [itemId: string, until: number, seq: number, areaId: string, lot: string, countId: string]
>(
  `SELECT coalesce(sum(qty), 0) AS qty FROM stock_moves
   WHERE item_id = ? AND occurred_at <= ? AND seq > ? AND area_id = ? AND lot = ?
     AND NOT (doc_type = 'count' AND doc_id = ?)`,
);

const lineKey = (itemId: string, areaId: string, lot: string) => `${itemId}\u0000${areaId}\u0000${lot}`;

/**
 * Ledger rows posted after the count started (seq past the frozen book), per
 * item/area/lot, leaving out the count's own adjustments. One range scan on the
 * primary key: a count is hours, not months, of movements.
 */
export function movesDuring(sqlite: Conn, countId: string, startSeq: number) {
  const rows = movesAfter.all(sqlite, startSeq, countId);
  const map = new Map<string, MoveDuring[]>();
  for (const r of rows) {
    const k = lineKey(r.itemId, r.areaId, r.lot);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push({ at: r.at, qty: r.qty });
  }
  return {
    /** Net quantity that moved before `until` (null = up to now). */
    net(itemId: string, areaId: string, lot: string, until: number | null): number {
      let sum = 0;
      for (const m of map.get(lineKey(itemId, areaId, lot)) ?? []) if (until === null || m.at <= until) sum += m.qty;
      return sum;
    },
  };
}

/** The same net for one line, through the item/time index (saving a line must stay in milliseconds). */
export function netDuringForLine(
  sqlite: Conn,
  line: { countId: string; itemId: string; areaId: string; lot: string },
  startSeq: number,
  until: number,
): number {
  return netOfLineAfter.get(sqlite, line.itemId, until, startSeq, line.areaId, line.lot, line.countId)!.qty;
}

export interface RecountLimits {
  recountPercent: number;
  /** Whole currency units. */
  recountValue: number;
}

/**
 * A line needs a recount when its variance passes either store limit: a share
 * of the expected quantity, or a value. Stock found where the book says none
 * (expected 0) always passes the share: worth a second look.
 */
export function needsRecount(expected: number, variance: number, varianceValue: number, lim: RecountLimits): boolean {
  if (variance === 0) return false;
  const overShare = expected === 0 || Math.abs(variance) * 100 > lim.recountPercent * Math.abs(expected);
  const overValue = Math.abs(varianceValue) > lim.recountValue * MONEY_SCALE;
  return overShare || overValue;
}
