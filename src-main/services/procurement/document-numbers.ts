import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { storeDay } from '../store/store-day';

/** The highest running number after `head` ('PO-2026-') in one table's numbers. */
const highest = (table: string) =>
  sql<{ n: number | null }, [number, string]>(
    `SELECT max(CAST(substr(number, ?) AS INTEGER)) AS n FROM ${table} WHERE number LIKE ? || '%'`,
  );
const HIGHEST = {
  purchase_orders: highest('purchase_orders'),
  receipts: highest('receipts'),
  invoice_claims: highest('invoice_claims'),
};

/**
 * PO-2026-0001 / RC-2026-0001 / CL-2026-0001: the year of the store's
 * business day and a running number within it. Writes are serialised (one
 * immediate transaction each), so max + 1 cannot be taken twice.
 */
export function nextNumber(ctx: Ctx, table: keyof typeof HIGHEST, prefix: 'PO' | 'RC' | 'CL'): string {
  const head = `${prefix}-${storeDay(ctx).slice(0, 4)}-`;
  const r = HIGHEST[table].get(ctx.sqlite, head.length + 1, head);
  return head + String((r?.n ?? 0) + 1).padStart(4, '0');
}
