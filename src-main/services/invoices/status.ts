import { eq } from 'drizzle-orm';
import type { InvoiceDto, InvoiceStatus } from '../../../src-shared/api/methods/invoices';
import { invoiceClaims, purchaseOrders, supplierInvoices } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { matchInvoice, type RawMatch } from './match';
import { loadSources } from './match-data';
import { getInvoice } from './read';
import { invoiceLines, invoiceRecord, refuseTransition, type InvoiceRecord } from './records';

/** The match as it stands now (reads only). */
export function freshMatch(ctx: Ctx, rec: InvoiceRecord): RawMatch {
  if (!rec.poId && !rec.receiptId) throw new AppError('VALIDATION', 'invoices.error.noSource', { number: rec.number });
  const poNumber = rec.poId
    ? (ctx.db
        .select({ number: purchaseOrders.number })
        .from(purchaseOrders)
        .where(eq(purchaseOrders.id, rec.poId))
        .get()?.number ?? null)
    : null;
  return matchInvoice({
    poNumber,
    stated: { net: rec.net, tax: rec.tax, gross: rec.gross },
    lines: invoiceLines(ctx, rec.id),
    sources: loadSources(ctx, rec),
  });
}

/** A line's order line and the quantity accepted for payment, as the last match found them (run for every line). */
const setLineMatch = sql<never, [string | null, number, string]>(
  'UPDATE supplier_invoice_lines SET po_line_id = ?, accepted_qty = ? WHERE id = ?',
);

/**
 * Keeps the match on the invoice, with each line's order line and payable
 * quantity (what other invoices of the order see as already billed once this
 * one is past draft). `accepted` overrides a line's payable quantity: a
 * discrepancy the manager leaves out of the claim is accepted as billed.
 */
export function storeMatch(
  ctx: Ctx,
  rec: InvoiceRecord,
  raw: RawMatch,
  status: InvoiceStatus,
  accepted: ReadonlyMap<string, number> = new Map(),
): void {
  ctx.db
    .update(supplierInvoices)
    .set({
      status,
      matchResult: JSON.stringify(raw),
      matchedAt: ctx.now,
      matchedBy: ctx.user?.id ?? null,
      updatedAt: ctx.now,
    })
    .where(eq(supplierInvoices.id, rec.id))
    .run();
  for (const l of raw.lines) {
    setLineMatch.run(ctx.sqlite, l.poLineId, accepted.get(l.lineId) ?? l.shouldQty, l.lineId);
  }
}

/**
 * Matches a draft (or re-checks a matched) invoice: with no discrepancy it
 * becomes matched; with some it stays a draft, its discrepancies listed,
 * until it is corrected or a claim is raised.
 */
export function runMatch(ctx: Ctx, i: { id: string }): InvoiceDto {
  const rec = invoiceRecord(ctx, i.id);
  if (rec.status !== 'draft' && rec.status !== 'matched') refuseTransition(ctx, rec, 'match');
  const raw = freshMatch(ctx, rec);
  const status: InvoiceStatus = raw.discrepancies === 0 ? 'matched' : 'draft';
  storeMatch(ctx, rec, raw, status);
  ctx.changed({
    table: 'supplier_invoices',
    id: rec.id,
    op: 'update',
    values: { status, discrepancies: raw.discrepancies, disputed: raw.totals.disputed },
    before: { status: rec.status },
  });
  return getInvoice(ctx, i);
}

/**
 * Approves for payment: a matched invoice in full (re-checked: receipts or
 * other invoices may have moved since), a disputed one less its claim.
 */
export function approveInvoice(ctx: Ctx, i: { id: string }): InvoiceDto {
  const rec = invoiceRecord(ctx, i.id);
  if (rec.status === 'draft') throw new AppError('CONFLICT', 'invoices.error.approveDraft', { number: rec.number });
  if (rec.status !== 'matched' && rec.status !== 'disputed') refuseTransition(ctx, rec, 'approve');
  let amount = rec.gross;
  if (rec.status === 'matched') {
    if (freshMatch(ctx, rec).discrepancies > 0) {
      throw new AppError('CONFLICT', 'invoices.error.matchChanged', { number: rec.number });
    }
  } else {
    const claim = ctx.db
      .select({ amount: invoiceClaims.amount })
      .from(invoiceClaims)
      .where(eq(invoiceClaims.invoiceId, rec.id))
      .get();
    amount -= claim?.amount ?? 0;
  }
  ctx.db
    .update(supplierInvoices)
    .set({
      status: 'approved',
      approvedAmount: amount,
      approvedAt: ctx.now,
      approvedBy: ctx.user?.id ?? null,
      updatedAt: ctx.now,
    })
    .where(eq(supplierInvoices.id, rec.id))
    .run();
  ctx.changed({
    table: 'supplier_invoices',
    id: rec.id,
    op: 'update',
    values: { status: 'approved', approvedAmount: amount },
    before: { status: rec.status },
  });
  return getInvoice(ctx, i);
}
