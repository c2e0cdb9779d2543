import { eq } from 'drizzle-orm';
import type { ReceiptDto } from '../../../src-shared/api/methods/receiving';
import { receipts } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { requireArea } from '../ops/documents';
import { fieldError } from '../ops/errors';
import { nextNumber } from '../procurement/document-numbers';
import { storeDay } from '../store/store-day';
import { RECEIVABLE, poRecord, type PoRecord } from '../procurement/po-read';
import { statusText } from '../procurement/po-status';
import { getReceipt, lineRecords, receiptRecord, type ReceiptRecord } from './receipt-read';
import { requireActiveSupplier } from '../procurement/suppliers';

/** An order goods may arrive against: approved or partly received. */
export function requireReceivablePo(ctx: Ctx, poId: string, path: string): PoRecord {
  const po = poRecord(ctx, poId);
  if (!RECEIVABLE.includes(po.status)) {
    fieldError('VALIDATION', 'receiving.error.poNotReceivable', path, {
      number: po.number,
      status: statusText(ctx, po.status),
    });
  }
  return po;
}

/**
 * Opens a receipt: against an approved order (its supplier by default), or
 * without one (a supplier optional: a market purchase has none). Lines are
 * added and posted afterwards.
 */
export function openReceipt(
  ctx: Ctx,
  i: { poId?: string | null; supplierId?: string | null; areaId: string; deliveryNote?: string; note?: string },
): ReceiptDto {
  let supplierId = i.supplierId ?? null;
  if (i.poId) {
    const po = requireReceivablePo(ctx, i.poId, 'poId');
    if (supplierId && supplierId !== po.supplierId)
      fieldError('VALIDATION', 'receiving.error.poSupplier', 'supplierId');
    supplierId = po.supplierId;
  }
  if (supplierId) requireActiveSupplier(ctx, supplierId, 'supplierId');
  requireArea(ctx, i.areaId, 'areaId');
  const id = uuidv7(ctx.now);
  const number = nextNumber(ctx, 'receipts', 'RC');
  const day = storeDay(ctx);
  ctx.db
    .insert(receipts)
    .values({
      id,
      number,
      poId: i.poId ?? null,
      supplierId,
      areaId: i.areaId,
      status: 'open',
      day,
      deliveryNote: i.deliveryNote ?? '',
      note: i.note ?? '',
      openedAt: ctx.now,
      openedBy: ctx.user?.id ?? null,
    })
    .run();
  ctx.changed({
    table: 'receipts',
    id,
    op: 'insert',
    values: { number, poId: i.poId ?? null, supplierId, areaId: i.areaId, day, deliveryNote: i.deliveryNote ?? '' },
  });
  return getReceipt(ctx, { id });
}

export function requireOpen(r: ReceiptRecord): void {
  if (r.status !== 'open') throw new AppError('CONFLICT', 'receiving.error.notOpen', { number: r.number });
}

/** Ends a receipt once every line is posted; a receipt with nothing posted is cancelled instead. */
export function finishReceipt(ctx: Ctx, i: { receiptId: string }): ReceiptDto {
  const r = receiptRecord(ctx, i.receiptId);
  requireOpen(r);
  const lines = lineRecords(ctx, r.id);
  const drafts = lines.filter((l) => l.status === 'draft');
  if (drafts.length) {
    throw new AppError('CONFLICT', 'receiving.error.draftsLeft', {
      number: r.number,
      lines: drafts.map((l) => l.lineNo).join(', '),
    });
  }
  if (!lines.length) throw new AppError('CONFLICT', 'receiving.error.nothingPosted', { number: r.number });
  ctx.db
    .update(receipts)
    .set({ status: 'finished', finishedAt: ctx.now, finishedBy: ctx.user?.id ?? null })
    .where(eq(receipts.id, r.id))
    .run();
  ctx.changed({
    table: 'receipts',
    id: r.id,
    op: 'update',
    values: { status: 'finished' },
    before: { status: 'open' },
  });
  return getReceipt(ctx, { id: r.id });
}

/** Drops an open receipt with nothing posted on it (its draft lines stay, marked by the cancelled header). */
export function cancelReceipt(ctx: Ctx, i: { receiptId: string }): { ok: true } {
  const r = receiptRecord(ctx, i.receiptId);
  requireOpen(r);
  const posted = lineRecords(ctx, r.id).filter((l) => l.status === 'posted');
  if (posted.length) {
    throw new AppError('CONFLICT', 'receiving.error.hasPosted', { number: r.number, lines: posted.length });
  }
  ctx.db
    .update(receipts)
    .set({ status: 'cancelled', finishedAt: ctx.now, finishedBy: ctx.user?.id ?? null })
    .where(eq(receipts.id, r.id))
    .run();
  ctx.changed({
    table: 'receipts',
    id: r.id,
    op: 'update',
    values: { status: 'cancelled' },
    before: { status: 'open' },
  });
  return { ok: true };
}
