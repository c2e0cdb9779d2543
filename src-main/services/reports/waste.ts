import { translate } from '../../../src-shared/i18n';
import type { reasonCodes, stockMoves } from '../../db/schema';
import { dynamicSql } from '../../db/sql';
import type { Ctx } from '../context';
import { addDays, dayStart } from '../../../src-shared/time';
import { storeRow } from '../store/settings';
import { byCode, itemInfo, type TotalsFilter } from './totals';

type Reason = typeof reasonCodes.$inferSelect;
/** Waste of one item under one reason: net movements, and quantity and value as positive losses. */
type WasteAgg = Pick<typeof stockMoves.$inferSelect, 'itemId' | 'reason' | 'qty' | 'value'> & {
  reasonZh: Reason['nameZh'] | null;
  reasonEn: Reason['nameEn'] | null;
  moves: number;
};

/** The reason transfer variances are reported under: they carry the receiver's note, not a code (and ':' is never in one). */
export const TRANSFER_VARIANCE_REASON = 'kind:transfer_variance';

/**
 * Waste by reason and by item for business days `from`..`to`, aggregated in
 * SQL over the (kind, occurred_at) index: waste is a few percent of the
 * ledger. A reversal counts against the reason of the row it reverses, so a
 * corrected entry nets out under its own reason instead of a "reversal" line.
 * What transfers lacked on arrival is a loss too: it is listed under its own
 * reason, "transfer variance".
 */
export function wasteReport(ctx: Ctx, input: TotalsFilter & { from: string; to: string }) {
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const where = ["m.kind IN ('waste', 'transfer_variance')", 'm.occurred_at >= ?', 'm.occurred_at < ?'];
  const args: (string | number)[] = [dayStart(input.from, tz), dayStart(addDays(input.to, 1), tz)];
  if (input.areaId) {
    where.push('m.area_id = ?');
    args.push(input.areaId);
  }
  if (input.category) {
    where.push('m.item_id IN (SELECT id FROM items WHERE category = ?)');
    args.push(input.category);
  }
  const rows = dynamicSql<WasteAgg>(
    ctx.sqlite,
    `SELECT w.itemId, w.reason, rc.name_zh AS reasonZh, rc.name_en AS reasonEn, w.moves, w.qty, w.value FROM (
         SELECT m.item_id AS itemId,
                CASE m.kind WHEN 'transfer_variance' THEN '${TRANSFER_VARIANCE_REASON}' ELSE coalesce(o.reason, m.reason) END
                  AS reason,
                sum(CASE WHEN m.reverses_seq IS NULL THEN 1 ELSE -1 END) AS moves,
                -sum(m.qty) AS qty, -sum(m.value) AS value
         FROM stock_moves m LEFT JOIN stock_moves o ON o.seq = m.reverses_seq
         WHERE ${where.join(' AND ')}
         GROUP BY 1, 2
       ) w LEFT JOIN reason_codes rc ON rc.kind = 'waste' AND rc.code = w.reason
       WHERE w.moves <> 0 OR w.qty <> 0 OR w.value <> 0`,
  ).all(...args);
  const info = itemInfo(ctx, input.category);
  const byItem = [];
  const reasons = new Map<
    string,
    { reason: string; nameZh: string; nameEn: string; moves: number; items: number; value: number }
  >();
  for (const r of rows) {
    const item = info.get(r.itemId);
    if (!item) continue;
    const variance = r.reason === TRANSFER_VARIANCE_REASON;
    const reasonZh = variance ? translate('zh-CN', 'reports.waste.transferVariance') : (r.reasonZh ?? r.reason);
    const reasonEn = variance ? translate('en', 'reports.waste.transferVariance') : (r.reasonEn ?? r.reason);
    byItem.push({ ...item, reason: r.reason, reasonZh, reasonEn, moves: r.moves, qty: r.qty, value: r.value });
    let g = reasons.get(r.reason);
    if (!g)
      reasons.set(
        r.reason,
        (g = { reason: r.reason, nameZh: reasonZh, nameEn: reasonEn, moves: 0, items: 0, value: 0 }),
      );
    g.moves += r.moves;
    g.items += 1;
    g.value += r.value;
  }
  byItem.sort((a, b) => byCode(a, b) || (a.reason < b.reason ? -1 : 1));
  return { byItem, byReason: [...reasons.values()].sort((a, b) => b.value - a.value) };
}
