import { eq } from 'drizzle-orm';
import type { PoDto, PoStatus } from '../../../src-shared/api/methods/procurement';
import { translate } from '../../../src-shared/i18n';
import { purchaseOrders } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { getPo, poRecord } from './po-read';
import { requireActiveSupplier } from './suppliers';

/** The status in the caller's language, for messages. */
export const statusText = (ctx: Ctx, s: PoStatus) => translate(ctx.locale, `po.status.${s}`);

function refuse(ctx: Ctx, number: string, status: PoStatus, action: 'approve' | 'cancel' | 'closeShort'): never {
  throw new AppError('CONFLICT', 'po.error.transition', {
    number,
    status: statusText(ctx, status),
    action: translate(ctx.locale, `po.action.${action}`),
  });
}

/** Moves the order to `to`, stamping who approved or closed it (closing: received, closed short or cancelled). */
function setStatus(ctx: Ctx, id: string, from: PoStatus, to: PoStatus, extra: { reason?: string } = {}): void {
  const by = ctx.user?.id ?? null;
  const closing = to === 'closed' || to === 'cancelled' || to === 'received';
  ctx.db
    .update(purchaseOrders)
    .set({
      status: to,
      updatedAt: ctx.now,
      ...(to === 'approved' ? { approvedAt: ctx.now, approvedBy: by } : {}),
      ...(closing ? { closedAt: ctx.now, closedBy: by } : {}),
      ...(extra.reason !== undefined ? { closeReason: extra.reason } : {}),
    })
    .where(eq(purchaseOrders.id, id))
    .run();
  ctx.changed({
    table: 'purchase_orders',
    id,
    op: 'update',
    values: { status: to, ...extra },
    before: { status: from },
  });
}

const openReceiptNumbers = sql<{ number: string }, [string]>(
  "SELECT number FROM receipts WHERE po_id = ? AND status = 'open' ORDER BY number",
);

/** Receipts still open on the order: it cannot be cancelled or closed under a clerk who is receiving it. */
function refuseOpenReceipts(ctx: Ctx, poId: string): void {
  const open = openReceiptNumbers.all(ctx.sqlite, poId);
  if (open.length) {
    throw new AppError('CONFLICT', 'po.error.openReceipts', { receipts: open.map((r) => r.number).join(', ') });
  }
}

/**
 * How many lines the order has, how many are received in full (or more),
 * how many got something, and how many any receipt has touched.
 */
const lineProgress = sql<{ n: number; full: number | null; some: number | null; touched: number | null }, [string]>(
  `SELECT count(*) AS n, sum(qty_received >= qty_ordered) AS full, sum(qty_received > 0) AS some,
     sum(qty_received <> 0) AS touched
   FROM purchase_order_lines WHERE po_id = ?`,
);

export function approvePo(ctx: Ctx, i: { id: string }): PoDto {
  const po = poRecord(ctx, i.id);
  if (po.status !== 'draft') refuse(ctx, po.number, po.status, 'approve');
  if (!lineProgress.get(ctx.sqlite, i.id)?.n)
    throw new AppError('VALIDATION', 'po.error.noLines', { number: po.number });
  requireActiveSupplier(ctx, po.supplierId, 'supplierId');
  setStatus(ctx, i.id, po.status, 'approved');
  return getPo(ctx, i);
}

/** A draft, or an approved order on which nothing has been received. */
export function cancelPo(ctx: Ctx, i: { id: string; reason?: string }): PoDto {
  const po = poRecord(ctx, i.id);
  if (po.status !== 'draft' && po.status !== 'approved') refuse(ctx, po.number, po.status, 'cancel');
  refuseOpenReceipts(ctx, i.id);
  if (lineProgress.get(ctx.sqlite, i.id)?.touched) refuse(ctx, po.number, 'partial', 'cancel');
  setStatus(ctx, i.id, po.status, 'cancelled', { reason: i.reason ?? '' });
  return getPo(ctx, i);
}

/** What is still open will not come: the order ends where it stands. */
export function closeShortPo(ctx: Ctx, i: { id: string; reason?: string }): PoDto {
  const po = poRecord(ctx, i.id);
  if (po.status !== 'approved' && po.status !== 'partial') refuse(ctx, po.number, po.status, 'closeShort');
  refuseOpenReceipts(ctx, i.id);
  setStatus(ctx, i.id, po.status, 'closed', { reason: i.reason ?? '' });
  return getPo(ctx, i);
}

/**
 * After a receipt line is posted: every line received in full (or more)
 * makes the order received; anything received makes it partial.
 */
export function refreshPoStatus(ctx: Ctx, poId: string): PoStatus {
  const po = poRecord(ctx, poId);
  if (po.status !== 'approved' && po.status !== 'partial') return po.status;
  const r = lineProgress.get(ctx.sqlite, poId)!;
  const next: PoStatus = r.n > 0 && r.full === r.n ? 'received' : (r.some ?? 0) > 0 ? 'partial' : 'approved';
  if (next !== po.status) setStatus(ctx, poId, po.status, next);
  return next;
}
