import type { StockStatements } from './statements';

export interface Shortfall {
  /** The store day the balance first falls below zero, and how far. */
  day: string;
  qty: number;
}

/**
 * The first moment from `from` on at which one item/area/lot balance is below
 * zero, walking the ledger in time order; null when it never is. The balance
 * kept by posting is the end of that walk, so only the rows from `from` on are
 * read (the item-and-time index finds them).
 *
 * A balance that is fine today can still have been negative in the past: an
 * outbound movement dated before later ones takes from stock that those later
 * ones had already used (the demo's spare parts once left −411 ml of
 * disinfectant in a past month's opening). Checking only today's balance
 * misses that; this walk does not.
 */
export function firstShortfall(
  st: StockStatements,
  key: { itemId: string; areaId: string; lot: string },
  from: number,
): Shortfall | null {
  const rows = st.keyMovesFrom.all(key.itemId, from, key.areaId, key.lot) as { qty: number; day: string }[];
  const now = (st.balanceOf.get(key.itemId, key.areaId, key.lot) as { qty: number } | undefined)?.qty ?? 0;
  let run = rows.reduce((s, r) => s - r.qty, now);
  for (const r of rows) {
    run += r.qty;
    if (run < 0) return { day: r.day, qty: run };
  }
  return null;
}
