import type { WorkOrderDetail } from '../../../src-shared/api/methods/repairs-dto';
import { roundDiv } from '../../../src-shared/quantity';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { requireArea, resolveLines, type DocLine } from '../ops/documents';
import { withLinePaths } from '../ops/errors';
import { postMoves, reverseMove, type MoveInput } from '../stock/post';
import { fieldError, notFound, repairSettings, today, prep } from './common';
import { checkDocument, saveFile } from './files';
import { detailOf } from './wo-read';
import { loadWo, type WoRecord } from './wo-store';

/** Costs may be added until the work order is closed or cancelled (invoices often come after the fix). */
function requireCostsOpen(wo: WoRecord): void {
  if (wo.status === 'closed' || wo.status === 'cancelled') {
    throw new AppError('CONFLICT', 'error.repairs.costsClosed', { number: wo.number });
  }
}

/**
 * Spare parts from store stock: 'maintenance' movements posted through the
 * ledger like any issue (so the negative-stock setting applies and the cost
 * is the moving average at that moment), one work_order_parts row each.
 */
export function useParts(
  ctx: Ctx,
  i: { id: string; areaId: string; lines: DocLine[]; note?: string },
): WorkOrderDetail {
  const wo = loadWo(ctx, i.id);
  requireCostsOpen(wo);
  requireArea(ctx, i.areaId, 'areaId');
  const lines = resolveLines(ctx, i.areaId, i.lines);
  const note = i.note ? `${wo.number} ${i.note}` : wo.number;
  const moves: MoveInput[] = lines.map((l) => ({
    itemId: l.item.id,
    areaId: i.areaId,
    kind: 'maintenance',
    qty: l.qty,
    lot: l.lot,
    expiry: l.expiry,
    docType: 'work_order',
    docId: wo.id,
    note,
  }));
  const posted = withLinePaths(
    lines.map((_, n) => n),
    () => postMoves(ctx, moves),
  );
  const ins = prep(
    ctx,
    `INSERT INTO work_order_parts (id, work_order_id, item_id, area_id, qty, lot, move_seq, reverses_id, at, user_id, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  posted.forEach((p, n) => {
    const id = uuidv7(ctx.now);
    ins.run(id, wo.id, p.itemId, p.areaId, -p.qty, lines[n]!.lot, p.seq, ctx.now, ctx.user?.id ?? null, i.note ?? '');
    ctx.changed({
      table: 'work_order_parts',
      id,
      op: 'insert',
      values: { woId: wo.id, itemId: p.itemId, qty: -p.qty, seq: p.seq },
    });
  });
  return detailOf(ctx, wo.id);
}

/** A part line back into stock: the ledger row is reversed (same quantity, same cost), and a return row is added. */
export function returnPart(ctx: Ctx, i: { partId: string; note: string }): WorkOrderDetail {
  const part = prep(
    ctx,
    `SELECT id, work_order_id AS woId, item_id AS itemId, area_id AS areaId, qty, lot, move_seq AS moveSeq, reverses_id AS reversesId
       FROM work_order_parts WHERE id = ?`,
  ).get(i.partId) as
    | {
        id: string;
        woId: string;
        itemId: string;
        areaId: string;
        qty: number;
        lot: string;
        moveSeq: number;
        reversesId: string | null;
      }
    | undefined;
  if (!part) notFound('error.repairs.partNotFound');
  const wo = loadWo(ctx, part.woId);
  requireCostsOpen(wo);
  if (part.reversesId || prep(ctx, 'SELECT 1 FROM work_order_parts WHERE reverses_id = ?').get(part.id)) {
    throw new AppError('CONFLICT', 'error.repairs.partReturned');
  }
  const r = reverseMove(ctx, part.moveSeq, `${wo.number} ${i.note}`);
  const id = uuidv7(ctx.now);
  prep(
    ctx,
    `INSERT INTO work_order_parts (id, work_order_id, item_id, area_id, qty, lot, move_seq, reverses_id, at, user_id, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    wo.id,
    part.itemId,
    part.areaId,
    -part.qty,
    part.lot,
    r.seq,
    part.id,
    ctx.now,
    ctx.user?.id ?? null,
    i.note,
  );
  ctx.changed({ table: 'work_order_parts', id, op: 'insert', values: { woId: wo.id, reverses: part.id, seq: r.seq } });
  return detailOf(ctx, wo.id);
}

/** The hourly rate of a person: their own (technicians' profile) or the store's. */
export function rateOf(ctx: Ctx, userId: string | null): number {
  const own = userId
    ? (prep(ctx, 'SELECT hourly_rate AS r FROM technicians WHERE user_id = ?').get(userId) as { r: number } | undefined)
    : undefined;
  return own?.r || repairSettings(ctx).labourRate;
}

export function logLabour(
  ctx: Ctx,
  i: { id: string; userId?: string | null; minutes: number; day?: string | null; note: string },
): WorkOrderDetail {
  const wo = loadWo(ctx, i.id);
  requireCostsOpen(wo);
  const userId = i.userId ?? ctx.user?.id ?? null;
  // Labour is paid time: a technician books their own; a manager books for the team.
  if (ctx.user?.role === 'technician' && userId !== ctx.user.id) {
    fieldError('FORBIDDEN', 'security.labour.ownTime', 'userId');
  }
  const u = userId
    ? (prep(ctx, 'SELECT role, disabled FROM users WHERE id = ?').get(userId) as
        { role: string; disabled: number } | undefined)
    : undefined;
  if (!u || u.disabled || u.role === 'clerk') fieldError('VALIDATION', 'error.repairs.labourUser', 'userId');
  const day = i.day ?? today(ctx);
  if (day > today(ctx)) fieldError('VALIDATION', 'error.repairs.futureDay', 'day');
  const rate = rateOf(ctx, userId);
  const cost = roundDiv(i.minutes * rate, 60);
  const id = uuidv7(ctx.now);
  prep(
    ctx,
    `INSERT INTO work_order_labour (id, work_order_id, user_id, day, minutes, rate, cost, reverses_id, note, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  ).run(id, wo.id, userId, day, i.minutes, rate, cost, i.note, ctx.now, ctx.user?.id ?? null);
  ctx.changed({
    table: 'work_order_labour',
    id,
    op: 'insert',
    values: { woId: wo.id, userId, minutes: i.minutes, cost },
  });
  return detailOf(ctx, wo.id);
}

export function voidLabour(ctx: Ctx, i: { labourId: string; note: string }): WorkOrderDetail {
  const l = prep(
    ctx,
    'SELECT id, work_order_id AS woId, user_id AS userId, day, minutes, rate, cost, reverses_id AS reversesId FROM work_order_labour WHERE id = ?',
  ).get(i.labourId) as
    | {
        id: string;
        woId: string;
        userId: string | null;
        day: string;
        minutes: number;
        rate: number;
        cost: number;
        reversesId: string | null;
      }
    | undefined;
  if (!l) notFound('error.repairs.labourNotFound');
  if (ctx.user?.role === 'technician' && l.userId !== ctx.user.id) {
    throw new AppError('FORBIDDEN', 'security.labour.ownLine');
  }
  const wo = loadWo(ctx, l.woId);
  requireCostsOpen(wo);
  if (l.reversesId || prep(ctx, 'SELECT 1 FROM work_order_labour WHERE reverses_id = ?').get(l.id)) {
    throw new AppError('CONFLICT', 'error.repairs.alreadyVoided');
  }
  const id = uuidv7(ctx.now);
  prep(
    ctx,
    `INSERT INTO work_order_labour (id, work_order_id, user_id, day, minutes, rate, cost, reverses_id, note, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, wo.id, l.userId, l.day, -l.minutes, l.rate, -l.cost, l.id, i.note, ctx.now, ctx.user?.id ?? null);
  ctx.changed({ table: 'work_order_labour', id, op: 'insert', values: { woId: wo.id, reverses: l.id } });
  return detailOf(ctx, wo.id);
}

export function addInvoice(
  ctx: Ctx,
  i: {
    id: string;
    vendorId: string;
    invoiceNo: string;
    day: string;
    amount: number;
    note: string;
    file?: { fileName: string; dataBase64: string } | null;
  },
): WorkOrderDetail {
  const wo = loadWo(ctx, i.id);
  requireCostsOpen(wo);
  if (!prep(ctx, 'SELECT 1 FROM service_vendors WHERE id = ?').get(i.vendorId)) {
    fieldError('VALIDATION', 'error.repairs.vendorNotFound', 'vendorId');
  }
  const dup = prep(
    ctx,
    `SELECT w.number FROM vendor_invoices i JOIN work_orders w ON w.id = i.work_order_id
       WHERE i.vendor_id = ? AND i.invoice_no = ? AND i.reverses_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM vendor_invoices r WHERE r.reverses_id = i.id)`,
  ).get(i.vendorId, i.invoiceNo) as { number: string } | undefined;
  if (dup)
    fieldError('CONFLICT', 'error.repairs.invoiceDuplicate', 'invoiceNo', { invoice: i.invoiceNo, number: dup.number });
  const file = i.file ? checkDocument(i.file, 'file') : null;
  const id = uuidv7(ctx.now);
  prep(
    ctx,
    `INSERT INTO vendor_invoices (id, work_order_id, vendor_id, invoice_no, day, amount, reverses_id, note, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  ).run(id, wo.id, i.vendorId, i.invoiceNo, i.day, i.amount, i.note, ctx.now, ctx.user?.id ?? null);
  ctx.changed({
    table: 'vendor_invoices',
    id,
    op: 'insert',
    values: { woId: wo.id, invoiceNo: i.invoiceNo, amount: i.amount },
  });
  if (file) saveFile(ctx, 'vendor_invoice', id, file);
  return detailOf(ctx, wo.id);
}

export function voidInvoice(ctx: Ctx, i: { invoiceId: string; note: string }): WorkOrderDetail {
  const inv = prep(
    ctx,
    'SELECT id, work_order_id AS woId, vendor_id AS vendorId, invoice_no AS invoiceNo, day, amount, reverses_id AS reversesId FROM vendor_invoices WHERE id = ?',
  ).get(i.invoiceId) as
    | {
        id: string;
        woId: string;
        vendorId: string;
        invoiceNo: string;
        day: string;
        amount: number;
        reversesId: string | null;
      }
    | undefined;
  if (!inv) notFound('error.repairs.invoiceNotFound');
  const wo = loadWo(ctx, inv.woId);
  requireCostsOpen(wo);
  if (inv.reversesId || prep(ctx, 'SELECT 1 FROM vendor_invoices WHERE reverses_id = ?').get(inv.id)) {
    throw new AppError('CONFLICT', 'error.repairs.alreadyVoided');
  }
  const id = uuidv7(ctx.now);
  prep(
    ctx,
    `INSERT INTO vendor_invoices (id, work_order_id, vendor_id, invoice_no, day, amount, reverses_id, note, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, wo.id, inv.vendorId, inv.invoiceNo, inv.day, -inv.amount, inv.id, i.note, ctx.now, ctx.user?.id ?? null);
  ctx.changed({ table: 'vendor_invoices', id, op: 'insert', values: { woId: wo.id, reverses: inv.id } });
  return detailOf(ctx, wo.id);
}
