import type { PoDto, PoLineDto, PoRow, PoStatus } from '../../../src-shared/api/methods/procurement';
import { toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { mulDiv } from '../stock/money-math';
import { userName } from '../users/user-names';
import { listReceipts } from '../receiving/receipt-list';

/** Value of a line: packs are thousandths of a pack, the price is per pack. */
export const lineValue = (packs: number, price: number) => mulDiv(packs, price, 1000);
/** Value of a base quantity at the order line's pack price. */
export const qtyValue = (qty: number, price: number, packQty: number) => mulDiv(qty, price, packQty);

/** Statuses in which goods may still arrive against the order. */
export const RECEIVABLE: readonly PoStatus[] = ['approved', 'partial'];

const HEADER = `SELECT p.id, p.number, p.status, p.source, p.supplier_id AS supplierId, s.code AS supplierCode,
  s.name AS supplierName, p.order_day AS orderDay, p.expected_day AS expectedDay, p.created_at AS createdAt,
  (SELECT count(*) FROM purchase_order_lines l WHERE l.po_id = p.id) AS lines
  FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id`;

interface HeaderRow extends Omit<PoRow, 'createdAt' | 'value' | 'receivedValue'> {
  createdAt: number;
}

interface LineRow extends Omit<PoLineDto, 'value' | 'qtyOpen'> {
  poId: string;
}

const LINES = `SELECT l.id, l.po_id AS poId, l.line_no AS lineNo, l.item_id AS itemId, i.code AS itemCode,
  i.name_zh AS nameZh, i.name_en AS nameEn, i.base_unit AS baseUnit, l.supplier_code AS supplierCode,
  l.pack_unit AS packUnit, l.pack_qty AS packQty, l.packs, l.qty_ordered AS qtyOrdered, l.price,
  l.qty_received AS qtyReceived, l.note
  FROM purchase_order_lines l JOIN items i ON i.id = l.item_id`;

function lineDto(l: LineRow, status: PoStatus): PoLineDto {
  const { poId: _p, ...rest } = l;
  const open = status === 'closed' || status === 'cancelled' ? 0 : Math.max(0, l.qtyOrdered - l.qtyReceived);
  return { ...rest, value: lineValue(l.packs, l.price), qtyOpen: open };
}

function linesOf(ctx: Ctx, poIds: string[]): LineRow[] {
  if (!poIds.length) return [];
  return ctx.sqlite
    .prepare(`${LINES} WHERE l.po_id IN (SELECT value FROM json_each(?)) ORDER BY l.po_id, l.line_no`)
    .all(JSON.stringify(poIds)) as LineRow[];
}

/** Orders, newest first, optionally of some statuses or one supplier; with their value and what was received. */
export function listPos(ctx: Ctx, i: { status?: PoStatus[] | null; supplierId?: string | null }): PoRow[] {
  const where: string[] = [];
  const args: string[] = [];
  if (i.status?.length) {
    where.push('p.status IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(i.status));
  }
  if (i.supplierId) {
    where.push('p.supplier_id = ?');
    args.push(i.supplierId);
  }
  const rows = ctx.sqlite
    .prepare(
      `${HEADER} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY p.created_at DESC, p.number DESC LIMIT 2000`,
    )
    .all(...args) as HeaderRow[];
  // Values per order from one aggregate over the listed orders' lines.
  const totals = new Map<string, { value: number; received: number }>();
  for (const l of linesOf(
    ctx,
    rows.map((r) => r.id),
  )) {
    const t = totals.get(l.poId) ?? { value: 0, received: 0 };
    t.value += lineValue(l.packs, l.price);
    t.received += qtyValue(l.qtyReceived, l.price, l.packQty);
    totals.set(l.poId, t);
  }
  return rows.map((r) => ({
    ...r,
    createdAt: toIso(r.createdAt)!,
    value: totals.get(r.id)?.value ?? 0,
    receivedValue: totals.get(r.id)?.received ?? 0,
  }));
}

export interface PoRecord {
  id: string;
  number: string;
  status: PoStatus;
  supplierId: string;
  note: string;
  createdBy: string | null;
  approvedAt: number | null;
  approvedBy: string | null;
  closedAt: number | null;
  closedBy: string | null;
  closeReason: string;
  updatedAt: number;
  expectedDay: string | null;
}

/** The bare order row (for status checks before writing). */
export function poRecord(ctx: Ctx, id: string): PoRecord {
  const r = ctx.sqlite
    .prepare(
      `SELECT id, number, status, supplier_id AS supplierId, note, created_by AS createdBy, approved_at AS approvedAt,
              approved_by AS approvedBy, closed_at AS closedAt, closed_by AS closedBy, close_reason AS closeReason,
              updated_at AS updatedAt, expected_day AS expectedDay
       FROM purchase_orders WHERE id = ?`,
    )
    .get(id) as PoRecord | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'po.error.notFound');
  return r;
}

export function poLines(ctx: Ctx, poId: string, status: PoStatus): PoLineDto[] {
  return linesOf(ctx, [poId]).map((l) => lineDto(l, status));
}

export function getPo(ctx: Ctx, i: { id: string }): PoDto {
  const rec = poRecord(ctx, i.id);
  const head = ctx.sqlite.prepare(`${HEADER} WHERE p.id = ?`).get(i.id) as HeaderRow;
  const s = ctx.sqlite
    .prepare('SELECT phone, contact, address, min_order_value AS minOrderValue FROM suppliers WHERE id = ?')
    .get(rec.supplierId) as { phone: string; contact: string; address: string; minOrderValue: number };
  const lines = poLines(ctx, i.id, rec.status);
  return {
    ...head,
    createdAt: toIso(head.createdAt)!,
    value: lines.reduce((sum, l) => sum + l.value, 0),
    receivedValue: lines.reduce((sum, l) => sum + qtyValue(l.qtyReceived, l.price, l.packQty), 0),
    note: rec.note,
    supplierPhone: s.phone,
    supplierContact: s.contact,
    supplierAddress: s.address,
    minOrderValue: s.minOrderValue,
    createdBy: userName(ctx, rec.createdBy),
    approvedAt: toIso(rec.approvedAt),
    approvedBy: userName(ctx, rec.approvedBy),
    closedAt: toIso(rec.closedAt),
    closedBy: userName(ctx, rec.closedBy),
    closeReason: rec.closeReason,
    lines,
    receipts: listReceipts(ctx, { poId: i.id }),
  };
}
