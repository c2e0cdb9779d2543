import type { MoveKind } from '../../../src-shared/stock-kinds';
import { applyMove, emptyCost, hasGivenValue, moveValue, type CostState } from './costing';
import type { StockStatements } from './statements';

interface ReplayRow {
  seq: number;
  kind: MoveKind;
  qty: number;
  value: number;
  reversesSeq: number | null;
  areaId: string;
  day: string;
  occurredAt: number;
}

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
export function replayItem(st: StockStatements, itemId: string, from: number): ReplayResult {
  const before = st.sumBefore.get(itemId, from) as { qty: number; value: number; n: number };
  let rows: ReplayRow[];
  let state: CostState;
  if (before.qty > 0 || before.n === 0) {
    state = {
      qty: before.qty,
      value: before.value,
      lastQty: Math.max(before.qty, 0),
      lastValue: before.qty > 0 ? before.value : 0,
    };
    rows = st.movesFrom.all(itemId, from) as ReplayRow[];
  } else {
    // The last positive average before `from` is not known from a sum: replay from the end of the
    // last closed month (its saved state), or the whole history. Closed months are never rewritten.
    const snap = st.snapshotFor.get(itemId) as (CostState & { endsAt: number }) | undefined;
    if (snap && from < snap.endsAt) throw new Error(`replay of ${itemId} from ${from} reaches into a closed month`);
    state = snap ? { qty: snap.qty, value: snap.value, lastQty: snap.lastQty, lastValue: snap.lastValue } : emptyCost();
    rows = st.movesFrom.all(itemId, snap?.endsAt ?? 0) as ReplayRow[];
  }
  const newValues = new Map<number, number>();
  let changed = 0;
  let last = { occurredAt: 0, seq: 0 };
  for (const row of rows) {
    let value: number;
    if (row.reversesSeq !== null) {
      const original = newValues.get(row.reversesSeq) ?? (st.valueOf.get(row.reversesSeq) as { value: number }).value;
      value = 0 - original;
    } else {
      const fixedValue = hasGivenValue(row.kind, row.qty);
      value = moveValue(state, { kind: row.kind, qty: row.qty, value: row.value, fixedValue });
    }
    newValues.set(row.seq, value);
    if (value !== row.value) {
      const delta = value - row.value;
      st.setValue.run(value, row.seq);
      st.daily.run(itemId, row.areaId, row.day, row.kind, 0, delta, 0);
      st.monthly.run(itemId, row.areaId, row.day.slice(0, 7), row.kind, 0, delta, 0);
      changed++;
    }
    applyMove(state, row.qty, value);
    last = row;
  }
  return { state, lastOccurredAt: last.occurredAt, lastSeq: last.seq, changed };
}
