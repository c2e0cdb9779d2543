import type { Ctx } from '../context';
import { dayStart } from '../stock/day';
import { storeRow } from '../store/settings';
import { addDays } from './periods';
import { byCode, itemInfo, type TotalsFilter } from './totals';

interface WasteAgg {
  itemId: string;
  reason: string;
  reasonZh: string | null;
  reasonEn: string | null;
  moves: number;
  qty: number;
  value: number;
}

/**
 * Waste by reason and by item for business days `from`..`to`, aggregated in
 * SQL over the (kind, occurred_at) index: waste is a few percent of the
 * ledger. A reversal counts against the reason of the row it reverses, so a
 * corrected entry nets out under its own reason instead of a "reversal" line.
 */
export function wasteReport(ctx: Ctx, input: TotalsFilter & { from: string; to: string }) {
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const where = ["m.kind = 'waste'", 'm.occurred_at >= ?', 'm.occurred_at < ?'];
  const args: unknown[] = [dayStart(input.from, tz), dayStart(addDays(input.to, 1), tz)];
  if (input.areaId) {
    where.push('m.area_id = ?');
    args.push(input.areaId);
  }
  if (input.category) {
    where.push('m.item_id IN (SELECT id FROM items WHERE category = ?)');
    args.push(input.category);
  }
  const rows = ctx.sqlite
    .prepare(
      `SELECT w.itemId, w.reason, rc.name_zh AS reasonZh, rc.name_en AS reasonEn, w.moves, w.qty, w.value FROM (
         SELECT m.item_id AS itemId, coalesce(o.reason, m.reason) AS reason,
                sum(CASE WHEN m.reverses_seq IS NULL THEN 1 ELSE -1 END) AS moves,
                -sum(m.qty) AS qty, -sum(m.value) AS value
         FROM stock_moves m LEFT JOIN stock_moves o ON o.seq = m.reverses_seq
         WHERE ${where.join(' AND ')}
         GROUP BY m.item_id, coalesce(o.reason, m.reason)
       ) w LEFT JOIN reason_codes rc ON rc.kind = 'waste' AND rc.code = w.reason
       WHERE w.moves <> 0 OR w.qty <> 0 OR w.value <> 0`,
    )
    .all(...args) as WasteAgg[];
  const info = itemInfo(ctx, input.category);
  const byItem = [];
  const reasons = new Map<
    string,
    { reason: string; nameZh: string; nameEn: string; moves: number; items: number; value: number }
  >();
  for (const r of rows) {
    const item = info.get(r.itemId);
    if (!item) continue;
    const reasonZh = r.reasonZh ?? r.reason;
    const reasonEn = r.reasonEn ?? r.reason;
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
