import type { InvoiceLineDto, InvoiceStatus } from '../../../src-shared/api/methods/invoices';
import { translate } from '../../../src-shared/i18n';
import { AppError } from '../app-error';
import type { Ctx } from '../context';

/** An invoice row as stored. */
export interface InvoiceRecord {
  id: string;
  number: string;
  supplierId: string;
  invoiceDay: string;
  dueDay: string | null;
  poId: string | null;
  receiptId: string | null;
  status: InvoiceStatus;
  source: 'manual' | 'import';
  net: number;
  tax: number;
  gross: number;
  note: string;
  matchResult: string | null;
  matchedAt: number | null;
  matchedBy: string | null;
  approvedAmount: number | null;
  approvedAt: number | null;
  approvedBy: string | null;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
}

const COLUMNS = `id, number, supplier_id AS supplierId, invoice_day AS invoiceDay, due_day AS dueDay, po_id AS poId,
  receipt_id AS receiptId, status, source, net, tax, gross, note, match_result AS matchResult,
  matched_at AS matchedAt, matched_by AS matchedBy, approved_amount AS approvedAmount, approved_at AS approvedAt,
  approved_by AS approvedBy, created_at AS createdAt, created_by AS createdBy, updated_at AS updatedAt`;

export function invoiceRecord(ctx: Ctx, id: string): InvoiceRecord {
  const r = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM supplier_invoices WHERE id = ?`).get(id) as
    InvoiceRecord | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'invoices.error.notFound');
  return r;
}

const LINES = `SELECT l.id, l.line_no AS lineNo, l.item_id AS itemId, i.code AS itemCode,
  coalesce(i.name_zh, '') AS nameZh, coalesce(i.name_en, '') AS nameEn, i.base_unit AS baseUnit,
  l.supplier_code AS supplierCode, l.description, l.entry_qty AS entryQty, l.unit, l.unit_factor AS unitFactor,
  l.qty, l.unit_price AS unitPrice, l.line_total AS lineTotal, l.tax_rate AS taxRate
  FROM supplier_invoice_lines l LEFT JOIN items i ON i.id = l.item_id`;

export function invoiceLines(ctx: Ctx, invoiceId: string): InvoiceLineDto[] {
  return ctx.sqlite.prepare(`${LINES} WHERE l.invoice_id = ? ORDER BY l.line_no`).all(invoiceId) as InvoiceLineDto[];
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
