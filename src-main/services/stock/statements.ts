import type Database from 'better-sqlite3';

/** The statements of the posting path, prepared once per connection: posting runs thousands per second. */
const SQL = {
  item: 'SELECT id, code, active, lot_tracked AS lotTracked, base_unit AS baseUnit FROM items WHERE id = ?',
  area: 'SELECT id, active FROM storage_areas WHERE id = ?',
  cost: 'SELECT qty, value, last_qty AS lastQty, last_value AS lastValue, last_occurred_at AS lastOccurredAt FROM item_costs WHERE item_id = ?',
  saveCost: `INSERT INTO item_costs (item_id, qty, value, last_qty, last_value, last_occurred_at, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(item_id) DO UPDATE SET qty = excluded.qty, value = excluded.value, last_qty = excluded.last_qty,
         last_value = excluded.last_value, last_occurred_at = excluded.last_occurred_at, last_seq = excluded.last_seq`,
  insertMove: `INSERT INTO stock_moves (id, item_id, area_id, kind, qty, value, lot, expiry, occurred_at, day, posted_at, user_id,
         reason, doc_type, doc_id, reverses_seq, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  balance: `INSERT INTO stock_balances (item_id, area_id, lot, expiry, qty, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(item_id, area_id, lot) DO UPDATE SET qty = qty + excluded.qty,
         expiry = coalesce(excluded.expiry, expiry), updated_at = excluded.updated_at
       RETURNING qty`,
  daily: `INSERT INTO stock_daily (item_id, area_id, day, kind, qty, value, moves) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(item_id, area_id, day, kind) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value,
         moves = moves + excluded.moves`,
  monthly: `INSERT INTO stock_monthly (item_id, area_id, month, kind, qty, value, moves) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(item_id, area_id, month, kind) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value,
         moves = moves + excluded.moves`,
  moveBySeq:
    'SELECT seq, item_id AS itemId, area_id AS areaId, kind, qty, value, lot, expiry, reverses_seq AS reversesSeq FROM stock_moves WHERE seq = ?',
  reversalOf: 'SELECT seq FROM stock_moves WHERE reverses_seq = ?',
  sumBefore:
    'SELECT coalesce(sum(qty), 0) AS qty, coalesce(sum(value), 0) AS value, count(*) AS n FROM stock_moves WHERE item_id = ? AND occurred_at < ?',
  movesFrom: `SELECT seq, kind, qty, value, reverses_seq AS reversesSeq, area_id AS areaId, day, occurred_at AS occurredAt
       FROM stock_moves WHERE item_id = ? AND occurred_at >= ? ORDER BY occurred_at, seq`,
  keyMovesFrom: `SELECT qty, day FROM stock_moves WHERE item_id = ? AND occurred_at >= ? AND area_id = ? AND lot = ?
       ORDER BY occurred_at, seq`,
  balanceOf: 'SELECT qty FROM stock_balances WHERE item_id = ? AND area_id = ? AND lot = ?',
  lastClosed: "SELECT month, ends_at AS endsAt FROM stock_periods WHERE status = 'closed' ORDER BY month DESC LIMIT 1",
  snapshotFor: `SELECT s.qty, s.value, s.last_qty AS lastQty, s.last_value AS lastValue, p.ends_at AS endsAt
       FROM stock_period_costs s JOIN stock_periods p ON p.month = s.month
       WHERE s.item_id = ? AND p.status = 'closed' ORDER BY s.month DESC LIMIT 1`,
  setValue: 'UPDATE stock_moves SET value = ? WHERE seq = ?',
  valueOf: 'SELECT value FROM stock_moves WHERE seq = ?',
} as const;

export type StockStatements = { [K in keyof typeof SQL]: Database.Statement };
const cache = new WeakMap<Database.Database, StockStatements>();

export function stockStatements(db: Database.Database): StockStatements {
  let s = cache.get(db);
  if (!s) {
    s = Object.fromEntries(Object.entries(SQL).map(([k, q]) => [k, db.prepare(q)])) as StockStatements;
    cache.set(db, s);
  }
  return s;
}
