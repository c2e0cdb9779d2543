import { sql, type Conn } from '../../db/sql';

type TotalsParams = [
  itemId: string,
  areaId: string,
  key: string,
  kind: string,
  qty: number,
  value: number,
  moves: number,
];

const addToDaily = sql<never, TotalsParams>(
  `INSERT INTO stock_daily (item_id, area_id, day, kind, qty, value, moves) VALUES (?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT(item_id, area_id, day, kind) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value,
     moves = moves + excluded.moves`,
);
const addToMonthly = sql<never, TotalsParams>(
  `INSERT INTO stock_monthly (item_id, area_id, month, kind, qty, value, moves) VALUES (?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT(item_id, area_id, month, kind) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value,
     moves = moves + excluded.moves`,
);

/**
 * `addToTotals` with its two statements looked up once, for a loop over many
 * movements on one connection (the posting path).
 */
export function totalsAdder(
  conn: Conn,
): (itemId: string, areaId: string, day: string, kind: string, qty: number, value: number, moves: number) => void {
  const daily = addToDaily.prepared(conn);
  const monthly = addToMonthly.prepared(conn);
  return (itemId, areaId, day, kind, qty, value, moves) => {
    daily.run(itemId, areaId, day, kind, qty, value, moves);
    monthly.run(itemId, areaId, day.slice(0, 7), kind, qty, value, moves);
  };
}

/**
 * Adds a movement to the daily and monthly totals every report reads, in the
 * caller's transaction; a costing replay adds only a value correction
 * (qty 0, moves 0). `day` is the movement's business day.
 */
export function addToTotals(
  conn: Conn,
  itemId: string,
  areaId: string,
  day: string,
  kind: string,
  qty: number,
  value: number,
  moves: number,
): void {
  addToDaily.run(conn, itemId, areaId, day, kind, qty, value, moves);
  addToMonthly.run(conn, itemId, areaId, day.slice(0, 7), kind, qty, value, moves);
}
