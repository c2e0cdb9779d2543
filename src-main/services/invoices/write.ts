import type { InvoiceDto, InvoiceInput } from '../../../src-shared/api/methods/invoices';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { getInvoice } from './read';
import { invoiceRecord, refuseTransition } from './records';
import { resolveHeader, resolveLines, resolveTotals, type ResolvedHeader, type ResolvedLine } from './resolve';

function writeLines(ctx: Ctx, invoiceId: string, lines: readonly ResolvedLine[]): void {
  const ins = ctx.sqlite.prepare(
    `INSERT INTO supplier_invoice_lines (id, invoice_id, line_no, item_id, supplier_code, description, entry_qty, unit,
       unit_factor, qty, unit_price, line_total, tax_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, n) =>
    ins.run(
      uuidv7(ctx.now),
      invoiceId,
      n + 1,
      l.itemId,
      l.supplierCode,
      l.description,
      l.entryQty,
      l.unit,
      l.unitFactor,
      l.qty,
      l.unitPrice,
      l.lineTotal,
      l.taxRate,
    ),
  );
}

/** Lines as text for the audit log: short enough to read, exact enough to compare. */
const auditLines = (lines: readonly ResolvedLine[]) =>
  lines
    .map(
      (l) =>
        `${l.itemId ?? l.supplierCode ?? l.description} ${l.entryQty}${l.unit} @${l.unitPrice} =${l.lineTotal} t${l.taxRate}`,
    )
    .join('; ');

/** Writes a new draft invoice from checked header and lines; returns its id. */
export function insertInvoice(
  ctx: Ctx,
  h: ResolvedHeader,
  lines: readonly ResolvedLine[],
  totals: { net: number; tax: number; gross: number },
  source: 'manual' | 'import',
): string {
  const id = uuidv7(ctx.now);
  ctx.sqlite
    .prepare(
      `INSERT INTO supplier_invoices (id, number, supplier_id, invoice_day, due_day, po_id, receipt_id, status, source,
         net, tax, gross, note, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      h.number,
      h.supplierId,
      h.invoiceDay,
      h.dueDay,
      h.poId,
      h.receiptId,
      source,
      totals.net,
      totals.tax,
      totals.gross,
      h.note,
      ctx.now,
      ctx.user?.id ?? null,
      ctx.now,
    );
  writeLines(ctx, id, lines);
  ctx.changed({
    table: 'supplier_invoices',
    id,
    op: 'insert',
    values: { ...h, ...totals, source, lines: auditLines(lines) },
  });
  return id;
}

export function createInvoice(ctx: Ctx, i: InvoiceInput): InvoiceDto {
  const h = resolveHeader(ctx, i, null);
  const lines = resolveLines(ctx, h.supplierId, h.poId, i.lines);
  const id = insertInvoice(ctx, h, lines, resolveTotals(i, lines), 'manual');
  return getInvoice(ctx, { id });
}

/**
 * A draft or a matched invoice can be corrected (a typing error found by the
 * match): header and lines are replaced, the match is dropped and the
 * invoice is a draft again. Once disputed or approved it is a record.
 */
export function updateInvoice(ctx: Ctx, i: InvoiceInput & { id: string }): InvoiceDto {
  const before = invoiceRecord(ctx, i.id);
  if (before.status !== 'draft' && before.status !== 'matched') refuseTransition(ctx, before, 'edit');
  const h = resolveHeader(ctx, i, i.id);
  const lines = resolveLines(ctx, h.supplierId, h.poId, i.lines);
  const totals = resolveTotals(i, lines);
  ctx.sqlite
    .prepare(
      `UPDATE supplier_invoices SET number = ?, supplier_id = ?, invoice_day = ?, due_day = ?, po_id = ?, receipt_id = ?,
         status = 'draft', net = ?, tax = ?, gross = ?, note = ?, match_result = NULL, matched_at = NULL,
         matched_by = NULL, updated_at = ? WHERE id = ?`,
    )
    .run(
      h.number,
      h.supplierId,
      h.invoiceDay,
      h.dueDay,
      h.poId,
      h.receiptId,
      totals.net,
      totals.tax,
      totals.gross,
      h.note,
      ctx.now,
      i.id,
    );
  ctx.sqlite.prepare('DELETE FROM supplier_invoice_lines WHERE invoice_id = ?').run(i.id);
  writeLines(ctx, i.id, lines);
  ctx.changed({
    table: 'supplier_invoices',
    id: i.id,
    op: 'update',
    values: { ...h, ...totals, status: 'draft', lines: auditLines(lines) },
    before: {
      number: before.number,
      supplierId: before.supplierId,
      poId: before.poId,
      receiptId: before.receiptId,
      status: before.status,
      net: before.net,
      tax: before.tax,
      gross: before.gross,
    },
  });
  return getInvoice(ctx, { id: i.id });
}

/**
 * An invoice entered by mistake goes while it is a draft. A matched one is the
 * store's agreement that it is right, the step before payment: it is first
 * corrected (which makes it a draft again, audited), never deleted outright.
 * Disputed and approved ones are records.
 */
export function removeInvoice(ctx: Ctx, i: { id: string }): { ok: true } {
  const before = invoiceRecord(ctx, i.id);
  if (before.status === 'matched') {
    throw new AppError('CONFLICT', 'security.invoice.removeMatched', { number: before.number });
  }
  if (before.status !== 'draft') refuseTransition(ctx, before, 'remove');
  ctx.sqlite.prepare('DELETE FROM supplier_invoice_lines WHERE invoice_id = ?').run(i.id);
  ctx.sqlite.prepare('DELETE FROM supplier_invoices WHERE id = ?').run(i.id);
  ctx.changed({
    table: 'supplier_invoices',
    id: i.id,
    op: 'delete',
    before: { number: before.number, supplierId: before.supplierId, gross: before.gross, status: before.status },
  });
  return { ok: true };
}
