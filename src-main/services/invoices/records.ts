import { eq } from 'drizzle-orm';
import type { InvoiceLineDto, InvoiceStatus } from '../../../src-shared/api/methods/invoices';
import { translate } from '../../../src-shared/i18n';
import { supplierInvoices, type items, type supplierInvoiceLines } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import type { RawKind, RawMatch } from './match';

/** An invoice row as stored. */
export type InvoiceRecord = typeof supplierInvoices.$inferSelect;
type InvoiceLine = typeof supplierInvoiceLines.$inferSelect;
type Item = typeof items.$inferSelect;

/**
 * The match kept on the invoice, as this app wrote it (match.ts's RawMatch,
 * serialised by storeMatch): JSON the app alone writes, so it is read back
 * as that shape rather than checked field by field.
 */
export const storedMatch = (rec: Pick<InvoiceRecord, 'matchResult'>): RawMatch | null =>
  rec.matchResult === null ? null : (JSON.parse(rec.matchResult) as RawMatch);

/** A claim line's reasons as createClaim wrote them: the match's kinds without their amounts. */
export const storedReasons = (json: string) => JSON.parse(json) as Pick<RawKind, 'kind' | 'text' | 'params'>[];

export function invoiceRecord(ctx: Ctx, id: string): InvoiceRecord {
  const r = ctx.db.select().from(supplierInvoices).where(eq(supplierInvoices.id, id)).get();
  if (!r) throw new AppError('NOT_FOUND', 'invoices.error.notFound');
  return r;
}

/** A line with the item it names, if the store knows it. */
type LineRow = Pick<
  InvoiceLine,
  | 'id'
  | 'lineNo'
  | 'itemId'
  | 'supplierCode'
  | 'description'
  | 'entryQty'
  | 'unit'
  | 'unitFactor'
  | 'qty'
  | 'unitPrice'
  | 'lineTotal'
  | 'taxRate'
> & {
  itemCode: Item['code'] | null;
  nameZh: Item['nameZh'];
  nameEn: Item['nameEn'];
  baseUnit: Item['baseUnit'] | null;
};

const linesOfInvoice = sql<LineRow, [string]>(
  `SELECT l.id, l.line_no AS lineNo, l.item_id AS itemId, i.code AS itemCode,
     coalesce(i.name_zh, '') AS nameZh, coalesce(i.name_en, '') AS nameEn, i.base_unit AS baseUnit,
     l.supplier_code AS supplierCode, l.description, l.entry_qty AS entryQty, l.unit, l.unit_factor AS unitFactor,
     l.qty, l.unit_price AS unitPrice, l.line_total AS lineTotal, l.tax_rate AS taxRate
   FROM supplier_invoice_lines l LEFT JOIN items i ON i.id = l.item_id
   WHERE l.invoice_id = ? ORDER BY l.line_no`,
);

export function invoiceLines(ctx: Ctx, invoiceId: string): InvoiceLineDto[] {
  return linesOfInvoice.all(ctx.sqlite, invoiceId);
}

export const invoiceStatusText = (ctx: Ctx, s: InvoiceStatus) => translate(ctx.locale, `invoices.status.${s}`);

/** An action the invoice's status does not allow, named in the caller's language. */
export function refuseTransition(
  ctx: Ctx,
  inv: { number: string; status: InvoiceStatus },
  action: 'match' | 'claim' | 'approve' | 'edit' | 'remove',
): never {
  throw new AppError('CONFLICT', 'invoices.error.transition', {
    number: inv.number,
    status: invoiceStatusText(ctx, inv.status),
    action: translate(ctx.locale, `invoices.action.${action}`),
  });
}
