import { dynamicSql } from '../../db/sql';
import type { Ctx } from '../context';

/** The tables the demo seeds report on: what they added is the difference of their row counts. */
export type SeededTable =
  | 'supplier_items'
  | 'purchase_orders'
  | 'purchase_order_lines'
  | 'receipts'
  | 'receipt_lines'
  | 'supplier_invoices'
  | 'supplier_invoice_lines'
  | 'invoice_claims'
  | 'invoice_claim_lines'
  | 'work_orders'
  | 'work_order_events'
  | 'pm_plans'
  | 'service_vendors'
  | 'fault_codes'
  | 'meter_readings'
  | 'stock_moves';

/** Rows in one of them (a name from the list above, never input, so it may be spliced into the text). */
export function rowsIn(ctx: Pick<Ctx, 'sqlite'>, table: SeededTable): number {
  return dynamicSql<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM ${table}`).get()!.n;
}
