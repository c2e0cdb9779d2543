import type Database from 'better-sqlite3';
import { MONEY_SCALE } from '../../../src-shared/quantity';
import { mulDiv } from '../stock/money-math';

/** An item's moving average as value per qty (both integers), or null when it never had a cost. */
export interface Average {
  value: number;
  qty: number;
}

interface CostRow {
  itemId: string;
  qty: number;
  value: number;
  lastQty: number;
  lastValue: number;
}

function average(r: CostRow | undefined): Average | null {
  if (!r) return null;
  if (r.qty > 0) return { value: r.value, qty: r.qty };
  // Stock at or below zero: the average from when it was last positive (what costing itself uses).
  if (r.lastQty > 0) return { value: r.lastValue, qty: r.lastQty };
  return null;
}

const COST_COLS = 'item_id AS itemId, qty, value, last_qty AS lastQty, last_value AS lastValue';

/** Averages of every item in a count, in one query. */
export function countAverages(sqlite: Database.Database, countId: string): Map<string, Average | null> {
  const rows = sqlite
    .prepare(
      `SELECT ${COST_COLS} FROM item_costs WHERE item_id IN (SELECT item_id FROM stock_count_lines WHERE count_id = ?)`,
    )
    .all(countId) as CostRow[];
  return new Map(rows.map((r) => [r.itemId, average(r)]));
}

export function itemAverage(sqlite: Database.Database, itemId: string): Average | null {
  return average(sqlite.prepare(`SELECT ${COST_COLS} FROM item_costs WHERE item_id = ?`).get(itemId) as CostRow);
}

export function valueAt(qty: number, avg: Average | null | undefined): number {
  return avg ? mulDiv(qty, avg.value, avg.qty) : 0;
}

export interface MoveDuring {
  at: number;
  qty: number;
}

const lineKey = (itemId: string, areaId: string, lot: string) => `${itemId}\u0000${areaId}\u0000${lot}`;

/**
 * Ledger rows posted after the count started (seq past the frozen book), per
 * item/area/lot, leaving out the count's own adjustments. One range scan on the
 * primary key: a count is hours, not months, of movements.
 */
export function movesDuring(sqlite: Database.Database, countId: string, startSeq: number) {
  const rows = sqlite
    .prepare(
      `SELECT item_id AS itemId, area_id AS areaId, lot, occurred_at AS at, qty FROM stock_moves
        WHERE seq > ? AND NOT (doc_type = 'count' AND doc_id = ?)`,
    )
    .all(startSeq, countId) as (MoveDuring & { itemId: string; areaId: string; lot: string })[];
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
  sqlite: Database.Database,
  line: { countId: string; itemId: string; areaId: string; lot: string },
  startSeq: number,
  until: number,
): number {
  const r = sqlite
    .prepare(
      `SELECT coalesce(sum(qty), 0) AS qty FROM stock_moves
        WHERE item_id = ? AND occurred_at <= ? AND seq > ? AND area_id = ? AND lot = ?
          AND NOT (doc_type = 'count' AND doc_id = ?)`,
    )
    .get(line.itemId, until, startSeq, line.areaId, line.lot, line.countId) as { qty: number };
  return r.qty;
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
