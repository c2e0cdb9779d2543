import type { itemCosts, items } from '../db/schema';
import { sql, type Conn } from '../db/sql';
import { replayItem } from '../services/stock/replay';

const sampleItems = sql<Pick<typeof items.$inferSelect, 'id'>, [n: number]>(
  'SELECT id FROM items ORDER BY random() LIMIT ?',
);
const storedCost = sql<Pick<typeof itemCosts.$inferSelect, 'qty' | 'value' | 'lastSeq'>, [itemId: string]>(
  'SELECT qty, value, last_seq AS lastSeq FROM item_costs WHERE item_id = ?',
);
/** Balances (lot '') of one item that differ from the sum of its ledger rows per area. */
const balancesOffLedger = sql<{ n: number }, [itemId: string, itemId: string]>(
  `SELECT count(*) AS n FROM (SELECT area_id, sum(qty) AS q FROM stock_moves WHERE item_id = ? GROUP BY area_id) l
   LEFT JOIN stock_balances b ON b.item_id = ? AND b.area_id = l.area_id AND b.lot = '' WHERE coalesce(b.qty, 0) <> l.q`,
);
/** Daily or monthly totals of one item that differ from its ledger rows grouped the same way. */
const totalsOffLedger = (table: 'stock_daily' | 'stock_monthly', col: 'day' | 'month', key: string) =>
  sql<{ n: number }, [itemId: string, itemId: string]>(
    `SELECT count(*) AS n FROM (SELECT area_id, ${key} AS k, kind, sum(qty) AS q, sum(value) AS v, count(*) AS c
       FROM stock_moves WHERE item_id = ? GROUP BY 1, 2, 3) l
     LEFT JOIN ${table} a ON a.item_id = ? AND a.area_id = l.area_id AND a.${col} = l.k AND a.kind = l.kind
     WHERE a.qty IS NULL OR a.qty <> l.q OR a.value <> l.v OR a.moves <> l.c`,
  );
const TOTALS = [
  ['stock_daily', totalsOffLedger('stock_daily', 'day', 'day')],
  ['stock_monthly', totalsOffLedger('stock_monthly', 'month', 'substr(day, 1, 7)')],
] as const;

/**
 * Checks a sample of items against the posting path's own rules: the real
 * costing replay (the one postMoves runs after a back-dated movement) over
 * each item's whole history must change no value and land on the stored
 * item cost; balances and daily/monthly totals must equal the ledger's sums.
 */
export function verifySample(sqlite: Conn, sample: number): { items: number; problems: string[] } {
  const ids = sampleItems.all(sqlite, sample).map((r) => r.id);
  const problems: string[] = [];
  for (const id of ids) {
    const res = sqlite.transaction(() => replayItem(sqlite, id, 0))();
    if (res.changed) problems.push(`${id}: replay changed ${res.changed} values`);
    const c = storedCost.get(sqlite, id);
    if (!c || c.qty !== res.state.qty || c.value !== res.state.value || c.lastSeq !== res.lastSeq)
      problems.push(`${id}: item cost ${JSON.stringify(c)} vs replay ${JSON.stringify(res.state)}`);
    const bal = balancesOffLedger.get(sqlite, id, id)!;
    if (bal.n) problems.push(`${id}: ${bal.n} balances differ from the ledger`);
    for (const [table, offLedger] of TOTALS) {
      const d = offLedger.get(sqlite, id, id)!;
      if (d.n) problems.push(`${id}: ${d.n} ${table} rows differ from the ledger`);
    }
  }
  return { items: ids.length, problems };
}
