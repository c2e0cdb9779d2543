import { dayKeyer } from '../stock/day';
import { storeRow } from '../store/settings';
import type { Ctx } from '../context';

/** The store's business day now ('YYYY-MM-DD'), in its time zone. */
export function storeDay(ctx: Ctx, at: number = ctx.now): string {
  return dayKeyer(storeRow(ctx.db)?.timezone ?? 'UTC')(at);
}

const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

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

/** Display names of users by id, for "created by" columns. */
export function userName(ctx: Ctx, id: string | null): string | null {
  if (!id) return null;
  const r = ctx.sqlite.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(id) as { n: string } | undefined;
  return r?.n ?? null;
}
