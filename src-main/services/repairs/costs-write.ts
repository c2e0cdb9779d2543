import type { WorkOrderDetail } from '../../../src-shared/api/methods/repairs-dto';
import { roundDiv } from '../../../src-shared/quantity';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { technicians, users } from '../../db/schema';
import { vendorInvoices, workOrderLabour, workOrderParts } from '../../db/schema';
import { insertText, selectList } from '../../db/schema-sql';
import { sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { requireArea, resolveLines, type DocLine } from '../ops/documents';
import { withLinePaths } from '../ops/errors';
import { postMoves, reverseMove, type MoveInput } from '../stock/post';
import { fieldError, notFound, repairSettings, today } from './common';
import { checkDocument, saveFile } from './files';
import { detailOf } from './wo-read';
import { loadWo, type WoRecord } from './wo-store';

type PartRow = typeof workOrderParts.$inferSelect;
type LabourRow = typeof workOrderLabour.$inferSelect;
type InvoiceRow = typeof vendorInvoices.$inferSelect;

const insertPart = sql<never, [PartRow]>(insertText(workOrderParts));
const insertLabour = sql<never, [LabourRow]>(insertText(workOrderLabour));
const insertInvoice = sql<never, [InvoiceRow]>(insertText(vendorInvoices));
const partById = sql<PartRow, [string]>(`SELECT ${selectList(workOrderParts)} FROM work_order_parts WHERE id = ?`);
const labourById = sql<LabourRow, [string]>(
  `SELECT ${selectList(workOrderLabour)} FROM work_order_labour WHERE id = ?`,
);
const invoiceById = sql<InvoiceRow, [string]>(`SELECT ${selectList(vendorInvoices)} FROM vendor_invoices WHERE id = ?`);
const partReturned = sql<1, [string]>('SELECT 1 FROM work_order_parts WHERE reverses_id = ?');
const labourVoided = sql<1, [string]>('SELECT 1 FROM work_order_labour WHERE reverses_id = ?');
const invoiceVoided = sql<1, [string]>('SELECT 1 FROM vendor_invoices WHERE reverses_id = ?');
const ownRate = sql<Pick<typeof technicians.$inferSelect, 'hourlyRate'>, [string]>(
  'SELECT hourly_rate AS hourlyRate FROM technicians WHERE user_id = ?',
);
const userRole = sql<Pick<SqlRow<typeof users.$inferSelect>, 'role' | 'disabled'>, [string]>(
  'SELECT role, disabled FROM users WHERE id = ?',
);
const vendorExists = sql<1, [string]>('SELECT 1 FROM service_vendors WHERE id = ?');
/** The work order an invoice number of a vendor is already booked on (not voided). */
const bookedInvoice = sql<{ number: string }, [string, string]>(
  `SELECT w.number FROM vendor_invoices i JOIN work_orders w ON w.id = i.work_order_id
     WHERE i.vendor_id = ? AND i.invoice_no = ? AND i.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM vendor_invoices r WHERE r.reverses_id = i.id)`,
);

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
  posted.forEach((p, n) => {
    const id = uuidv7(ctx.now);
    insertPart.run(ctx.sqlite, {
      id,
      workOrderId: wo.id,
      itemId: p.itemId,
      areaId: p.areaId,
      qty: -p.qty,
      lot: lines[n]!.lot,
      moveSeq: p.seq,
      reversesId: null,
      at: ctx.now,
      userId: ctx.user?.id ?? null,
      note: i.note ?? '',
    });
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
  const part = partById.get(ctx.sqlite, i.partId);
  if (!part) notFound('error.repairs.partNotFound');
  const wo = loadWo(ctx, part.workOrderId);
  requireCostsOpen(wo);
  if (part.reversesId || partReturned.get(ctx.sqlite, part.id)) {
    throw new AppError('CONFLICT', 'error.repairs.partReturned');
  }
  const r = reverseMove(ctx, part.moveSeq, `${wo.number} ${i.note}`);
  const id = uuidv7(ctx.now);
  insertPart.run(ctx.sqlite, {
    id,
    workOrderId: wo.id,
    itemId: part.itemId,
    areaId: part.areaId,
    qty: -part.qty,
    lot: part.lot,
    moveSeq: r.seq,
    reversesId: part.id,
    at: ctx.now,
    userId: ctx.user?.id ?? null,
    note: i.note,
  });
  ctx.changed({ table: 'work_order_parts', id, op: 'insert', values: { woId: wo.id, reverses: part.id, seq: r.seq } });
  return detailOf(ctx, wo.id);
}

/** The hourly rate of a person: their own (technicians' profile) or the store's. */
export function rateOf(ctx: Ctx, userId: string | null): number {
  const own = userId ? ownRate.get(ctx.sqlite, userId) : undefined;
  return own?.hourlyRate || repairSettings(ctx).labourRate;
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
  const u = userId ? userRole.get(ctx.sqlite, userId) : undefined;
  if (!u || u.disabled || u.role === 'clerk') fieldError('VALIDATION', 'error.repairs.labourUser', 'userId');
  const day = i.day ?? today(ctx);
  if (day > today(ctx)) fieldError('VALIDATION', 'error.repairs.futureDay', 'day');
  const rate = rateOf(ctx, userId);
  const cost = roundDiv(i.minutes * rate, 60);
  const id = uuidv7(ctx.now);
  insertLabour.run(ctx.sqlite, {
    id,
    workOrderId: wo.id,
    userId,
    day,
    minutes: i.minutes,
    rate,
    cost,
    reversesId: null,
    note: i.note,
    createdAt: ctx.now,
    createdBy: ctx.user?.id ?? null,
  });
  ctx.changed({
    table: 'work_order_labour',
    id,
    op: 'insert',
    values: { woId: wo.id, userId, minutes: i.minutes, cost },
  });
  return detailOf(ctx, wo.id);
}

export function voidLabour(ctx: Ctx, i: { labourId: string; note: string }): WorkOrderDetail {
  const l = labourById.get(ctx.sqlite, i.labourId);
  if (!l) notFound('error.repairs.labourNotFound');
  if (ctx.user?.role === 'technician' && l.userId !== ctx.user.id) {
    throw new AppError('FORBIDDEN', 'security.labour.ownLine');
  }
  const wo = loadWo(ctx, l.workOrderId);
  requireCostsOpen(wo);
  if (l.reversesId || labourVoided.get(ctx.sqlite, l.id)) {
    throw new AppError('CONFLICT', 'error.repairs.alreadyVoided');
  }
  const id = uuidv7(ctx.now);
  insertLabour.run(ctx.sqlite, {
    id,
    workOrderId: wo.id,
    userId: l.userId,
    day: l.day,
    minutes: -l.minutes,
    rate: l.rate,
    cost: -l.cost,
    reversesId: l.id,
    note: i.note,
    createdAt: ctx.now,
    createdBy: ctx.user?.id ?? null,
  });
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
  if (!vendorExists.get(ctx.sqlite, i.vendorId)) {
    fieldError('VALIDATION', 'error.repairs.vendorNotFound', 'vendorId');
  }
  const dup = bookedInvoice.get(ctx.sqlite, i.vendorId, i.invoiceNo);
  if (dup)
    fieldError('CONFLICT', 'error.repairs.invoiceDuplicate', 'invoiceNo', { invoice: i.invoiceNo, number: dup.number });
  const file = i.file ? checkDocument(i.file, 'file') : null;
  const id = uuidv7(ctx.now);
  insertInvoice.run(ctx.sqlite, {
    id,
    workOrderId: wo.id,
    vendorId: i.vendorId,
    invoiceNo: i.invoiceNo,
    day: i.day,
    amount: i.amount,
    reversesId: null,
    note: i.note,
    createdAt: ctx.now,
    createdBy: ctx.user?.id ?? null,
  });
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
  const inv = invoiceById.get(ctx.sqlite, i.invoiceId);
  if (!inv) notFound('error.repairs.invoiceNotFound');
  const wo = loadWo(ctx, inv.workOrderId);
  requireCostsOpen(wo);
  if (inv.reversesId || invoiceVoided.get(ctx.sqlite, inv.id)) {
    throw new AppError('CONFLICT', 'error.repairs.alreadyVoided');
  }
  const id = uuidv7(ctx.now);
  insertInvoice.run(ctx.sqlite, {
    id,
    workOrderId: wo.id,
    vendorId: inv.vendorId,
    invoiceNo: inv.invoiceNo,
    day: inv.day,
    amount: -inv.amount,
    reversesId: inv.id,
    note: i.note,
    createdAt: ctx.now,
    createdBy: ctx.user?.id ?? null,
  });
  ctx.changed({ table: 'vendor_invoices', id, op: 'insert', values: { woId: wo.id, reverses: inv.id } });
  return detailOf(ctx, wo.id);
}
