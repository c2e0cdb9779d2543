import type { MoveKind } from '../../../src-shared/stock-kinds';
import type { stockMoves, stockPeriodCosts, stockPeriods } from '../../db/schema';
import { sql, type Conn } from '../../db/sql';
import { applyMove, emptyCost, hasGivenValue, moveValue, type CostState } from './costing';
import { addToTotals } from './running-totals';

type Move = typeof stockMoves.$inferSelect;
type ReplayRow = Pick<Move, 'seq' | 'qty' | 'value' | 'reversesSeq' | 'areaId' | 'day' | 'occurredAt'> & {
  kind: MoveKind;
};

const sumBefore = sql<{ qty: number; value: number; n: number }, [itemId: string, before: number]>(
  `SELECT coalesce(sum(qty), 0) AS qty, coalesce(sum(value), 0) AS value, count(*) AS n
   FROM stock_moves WHERE item_id = ? AND occurred_at < ?`,
);
const movesFrom = sql<ReplayRow, [itemId: string, from: number]>(
  `SELECT seq, kind, qty, value, reverses_seq AS reversesSeq, area_id AS areaId, day, occurred_at AS occurredAt
   FROM stock_moves WHERE item_id = ? AND occurred_at >= ? ORDER BY occurred_at, seq`,
);
/** The item's cost state saved at the end of the last closed month (stock_period_costs). */
const closedMonthState = sql<
  Pick<typeof stockPeriodCosts.$inferSelect, 'qty' | 'value' | 'lastQty' | 'lastValue'> &
    Pick<typeof stockPeriods.$inferSelect, 'endsAt'>,
  [itemId: string]
>(
  `SELECT s.qty, s.value, s.last_qty AS lastQty, s.last_value AS lastValue, p.ends_at AS endsAt
   FROM stock_period_costs s JOIN stock_periods p ON p.month = s.month
   WHERE s.item_id = ? AND p.status = 'closed' ORDER BY s.month DESC LIMIT 1`,
);
const setMoveValue = sql<never, [value: number, seq: number]>('UPDATE stock_moves SET value = ? WHERE seq = ?');
/** The value a movement carries now (after any replay in this transaction). */
export const valueOfMove = sql<Pick<Move, 'value'>, [seq: number]>('SELECT value FROM stock_moves WHERE seq = ?');

export interface ReplayResult {
  state: CostState;
  lastOccurredAt: number;
  lastSeq: number;
  /** Rows whose value changed. */
  changed: number;
}

/**
 * Recomputes the values of one item's movements from `from` on, after a
 * back-dated movement landed before them: only this item, only rows at or
 * after that time, in the same transaction, synchronously (never a background
 * job that can get stuck). Daily and monthly totals get the value deltas.
 */
export function replayItem(conn: Conn, itemId: string, from: number): ReplayResult {
  const before = sumBefore.get(conn, itemId, from)!;
  let rows: ReplayRow[];
  let state: CostState;
  if (before.qty > 0 || before.n === 0) {
    state = {
      qty: before.qty,
      value: before.value,
      lastQty: Math.max(before.qty, 0),
      lastValue: before.qty > 0 ? before.value : 0,
    };
    rows = movesFrom.all(conn, itemId, from);
  } else {
    // The last positive average before `from` is not known from a sum: replay from the end of the
    // last closed month (its saved state), or the whole history. Closed months are never rewritten.
    const snap = closedMonthState.get(conn, itemId);
    if (snap && from < snap.endsAt) throw new Error(`replay of ${itemId} from ${from} reaches into a closed month`);
    state = snap ? { qty: snap.qty, value: snap.value, lastQty: snap.lastQty, lastValue: snap.lastValue } : emptyCost();
    rows = movesFrom.all(conn, itemId, snap?.endsAt ?? 0);
  }
  const newValues = new Map<number, number>();
  let changed = 0;
  let last = { occurredAt: 0, seq: 0 };
  for (const row of rows) {
    let value: number;
    if (row.reversesSeq !== null) {
      const original = newValues.get(row.reversesSeq) ?? valueOfMove.get(conn, row.reversesSeq)!.value;
      value = 0 - original;
    } else {
      const fixedValue = hasGivenValue(row.kind, row.qty);
      value = moveValue(state, { kind: row.kind, qty: row.qty, value: row.value, fixedValue });
    }
    newValues.set(row.seq, value);
    if (value !== row.value) {
      const delta = value - row.value;
      setMoveValue.run(conn, value, row.seq);
      addToTotals(conn, itemId, row.areaId, row.day, row.kind, 0, delta, 0);
      changed++;
    }
    applyMove(state, row.qty, value);
    last = row;
  }
  return { state, lastOccurredAt: last.occurredAt, lastSeq: last.seq, changed };
}
