import type { stockBalances, stockMoves } from '../../db/schema';
import { sql, type Conn } from '../../db/sql';

export interface Shortfall {
  /** The store day the balance first falls below zero, and how far. */
  day: string;
  qty: number;
}

const keyMovesFrom = sql<
  Pick<typeof stockMoves.$inferSelect, 'qty' | 'day'>,
  [itemId: string, from: number, areaId: string, lot: string]
>(
  `SELECT qty, day FROM stock_moves WHERE item_id = ? AND occurred_at >= ? AND area_id = ? AND lot = ?
   ORDER BY occurred_at, seq`,
);
const balanceOf = sql<Pick<typeof stockBalances.$inferSelect, 'qty'>, [itemId: string, areaId: string, lot: string]>(
  'SELECT qty FROM stock_balances WHERE item_id = ? AND area_id = ? AND lot = ?',
);

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
  conn: Conn,
  key: { itemId: string; areaId: string; lot: string },
  from: number,
): Shortfall | null {
  const rows = keyMovesFrom.all(conn, key.itemId, from, key.areaId, key.lot);
  const now = balanceOf.get(conn, key.itemId, key.areaId, key.lot)?.qty ?? 0;
  let run = rows.reduce((s, r) => s - r.qty, now);
  for (const r of rows) {
    run += r.qty;
    if (run < 0) return { day: r.day, qty: run };
  }
  return null;
}
