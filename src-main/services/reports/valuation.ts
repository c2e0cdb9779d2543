import type { Ctx } from '../context';
import { coverThrough } from './covers';
import { byCode, itemInfo, kindTotals, type TotalsFilter } from './totals';

/**
 * Quantity and value on hand at the end of business day `day`. The value of
 * stock is exactly the sum of its movements' values (see costing.ts), so this
 * is the sum of the monthly totals before that month plus the daily totals of
 * its days up to `day`.
 */
export function valuationAt(ctx: Ctx, input: TotalsFilter & { day: string }) {
  const totals = kindTotals(ctx, [coverThrough(input.day)], input);
  const info = itemInfo(ctx, input.category);
  const sums = new Map<string, { qty: number; value: number }>();
  for (const t of totals) {
    const s = sums.get(t.itemId);
    if (s) {
      s.qty += t.qty;
      s.value += t.value;
    } else sums.set(t.itemId, { qty: t.qty, value: t.value });
  }
  const rows = [];
  for (const [itemId, s] of sums) {
    const item = info.get(itemId);
    if (item && (s.qty !== 0 || s.value !== 0)) rows.push({ ...item, qty: s.qty, value: s.value });
  }
  return rows.sort(byCode);
}
