import type { Ctx } from '../context';
import { storeDay } from '../store/store-day';

/**
 * PO-2026-0001 / RC-2026-0001: the year of the store's business day and a
 * running number within it. Writes are serialised (one immediate transaction
 * each), so max + 1 cannot be taken twice.
 */
export function nextNumber(ctx: Ctx, table: 'purchase_orders' | 'receipts', prefix: 'PO' | 'RC'): string {
  const head = `${prefix}-${storeDay(ctx).slice(0, 4)}-`;
  const r = ctx.sqlite
    .prepare(`SELECT max(CAST(substr(number, ?) AS INTEGER)) AS n FROM ${table} WHERE number LIKE ? || '%'`)
    .get(head.length + 1, head) as { n: number | null };
  return head + String((r.n ?? 0) + 1).padStart(4, '0');
}
