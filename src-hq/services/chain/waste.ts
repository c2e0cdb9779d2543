import { sql } from 'drizzle-orm';
import { translate } from '../../../src-shared/i18n';
import { TRANSFER_VARIANCE_REASON } from '../../../src-main/services/reports/waste';
import { rows, type Q } from '../../db/client';
import { anyStore } from './scope';

interface WasteCell {
  storeId: string;
  reason: string;
  nameZh: string | null;
  nameEn: string | null;
  moves: number;
  qty: number;
  value: number;
}

/**
 * Waste by reason for a month across stores, as the store's waste report
 * counts it: a reversal under the reason of the row it reverses (the running
 * totals keep it so), what transfers lacked on arrival under "transfer
 * variance", losses positive. From the per-store totals; for one category
 * from the item totals.
 */
export async function chainWaste(q: Q, storeIds: readonly string[], f: { month: string; category?: string | null }) {
  const source = f.category
    ? sql`(SELECT * FROM chain_item_monthly WHERE item_id IN (SELECT id FROM items WHERE category = ${f.category}))`
    : sql`chain_store_monthly`;
  const cells = await rows<WasteCell>(
    q,
    sql`SELECT w.store_id AS "storeId", w.reason, rc.name_zh AS "nameZh", rc.name_en AS "nameEn",
               w.moves, w.qty, w.value
        FROM (
          SELECT store_id, reason, sum(moves)::bigint AS moves, -sum(qty)::bigint AS qty, -sum(value)::bigint AS value
          FROM ${source} t
          WHERE month = ${f.month} AND store_id = ${anyStore(storeIds)} AND kind IN ('waste', 'transfer_variance')
          GROUP BY 1, 2
          HAVING sum(moves) <> 0 OR sum(qty) <> 0 OR sum(value) <> 0
        ) w LEFT JOIN reason_codes rc ON rc.kind = 'waste' AND rc.code = w.reason`,
  );
  const named = cells.map((c) => {
    const variance = c.reason === TRANSFER_VARIANCE_REASON;
    return {
      ...c,
      nameZh: variance ? translate('zh-CN', 'reports.waste.transferVariance') : (c.nameZh ?? c.reason),
      nameEn: variance ? translate('en', 'reports.waste.transferVariance') : (c.nameEn ?? c.reason),
    };
  });
  const reasons = new Map<string, { reason: string; nameZh: string; nameEn: string; moves: number; value: number }>();
  for (const c of named) {
    let r = reasons.get(c.reason);
    if (!r) reasons.set(c.reason, (r = { reason: c.reason, nameZh: c.nameZh, nameEn: c.nameEn, moves: 0, value: 0 }));
    r.moves += c.moves;
    r.value += c.value;
  }
  return {
    month: f.month,
    reasons: [...reasons.values()].sort((a, b) => b.value - a.value || (a.reason < b.reason ? -1 : 1)),
    cells: named
      .map(({ storeId, reason, moves, value }) => ({ storeId, reason, moves, value }))
      .sort((a, b) => (a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : b.value - a.value)),
  };
}
