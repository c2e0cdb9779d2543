import { eq } from 'drizzle-orm';
import type { InvoiceDto, InvoiceInput } from '../../../src-shared/api/methods/invoices';
import { supplierInvoiceLines, supplierInvoices } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { getInvoice } from './read';
import { invoiceRecord, refuseTransition } from './records';
import { resolveHeader, resolveLines, resolveTotals, type ResolvedHeader, type ResolvedLine } from './resolve';

function writeLines(ctx: Ctx, invoiceId: string, lines: readonly ResolvedLine[]): void {
  if (!lines.length) return;
  ctx.db
    .insert(supplierInvoiceLines)
    .values(lines.map((l, n) => ({ ...l, id: uuidv7(ctx.now), invoiceId, lineNo: n + 1 })))
    .run();
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
  ctx.db
    .insert(supplierInvoices)
    .values({
      ...h,
      ...totals,
      id,
      status: 'draft',
      source,
      createdAt: ctx.now,
      createdBy: ctx.user?.id ?? null,
      updatedAt: ctx.now,
    })
    .run();
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
  ctx.db
    .update(supplierInvoices)
    .set({
      ...h,
      ...totals,
      status: 'draft',
      matchResult: null,
      matchedAt: null,
      matchedBy: null,
      updatedAt: ctx.now,
    })
    .where(eq(supplierInvoices.id, i.id))
    .run();
  ctx.db.delete(supplierInvoiceLines).where(eq(supplierInvoiceLines.invoiceId, i.id)).run();
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
  ctx.db.delete(supplierInvoiceLines).where(eq(supplierInvoiceLines.invoiceId, i.id)).run();
  ctx.db.delete(supplierInvoices).where(eq(supplierInvoices.id, i.id)).run();
  ctx.changed({
    table: 'supplier_invoices',
    id: i.id,
    op: 'delete',
    before: { number: before.number, supplierId: before.supplierId, gross: before.gross, status: before.status },
  });
  return { ok: true };
}
