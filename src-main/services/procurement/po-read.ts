import { eq } from 'drizzle-orm';
import type { PoDto, PoLineDto, PoRow, PoStatus } from '../../../src-shared/api/methods/procurement';
import { toIso } from '../../../src-shared/time';
import { type items, type purchaseOrderLines, purchaseOrders, suppliers } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { listReceipts } from '../receiving/receipt-list';
import { mulDiv } from '../stock/money-math';
import { userName } from '../users/user-names';

type Po = typeof purchaseOrders.$inferSelect;
type PoLine = typeof purchaseOrderLines.$inferSelect;
type Item = typeof items.$inferSelect;
type Supplier = typeof suppliers.$inferSelect;

/** The bare order row (for status checks before writing). */
export type PoRecord = Po;

/** Value of a line: packs are thousandths of a pack, the price is per pack. */
export const lineValue = (packs: number, price: number) => mulDiv(packs, price, 1000);
/** Value of a base quantity at the order line's pack price. */
export const qtyValue = (qty: number, price: number, packQty: number) => mulDiv(qty, price, packQty);

/** Statuses in which goods may still arrive against the order. */
export const RECEIVABLE: readonly PoStatus[] = ['approved', 'partial'];

/** How the order came about; the column is free text, the contract knows two. */
const poSource = (s: string): PoRow['source'] => (s === 'reorder' ? 'reorder' : 'manual');

type HeaderRow = Pick<
  Po,
  'id' | 'number' | 'status' | 'source' | 'supplierId' | 'orderDay' | 'expectedDay' | 'createdAt'
> & {
  supplierCode: Supplier['code'];
  supplierName: Supplier['name'];
  lines: number;
};

const HEADER = `SELECT p.id, p.number, p.status, p.source, p.supplier_id AS supplierId, s.code AS supplierCode,
  s.name AS supplierName, p.order_day AS orderDay, p.expected_day AS expectedDay, p.created_at AS createdAt,
  (SELECT count(*) FROM purchase_order_lines l WHERE l.po_id = p.id) AS lines
  FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id`;

/** Orders newest first, of the statuses given (a JSON array, null = all) and the supplier given (null = all). */
const ordersNewestFirst = sql<HeaderRow, [{ statuses: string | null; supplierId: string | null }]>(
  `${HEADER}
   WHERE (@statuses IS NULL OR p.status IN (SELECT value FROM json_each(@statuses)))
     AND (@supplierId IS NULL OR p.supplier_id = @supplierId)
   ORDER BY p.created_at DESC, p.number DESC LIMIT 2000`,
);
const orderHeader = sql<HeaderRow, [string]>(`${HEADER} WHERE p.id = ?`);

type LineRow = Pick<
  PoLine,
  | 'id'
  | 'poId'
  | 'lineNo'
  | 'itemId'
  | 'supplierCode'
  | 'packUnit'
  | 'packQty'
  | 'packs'
  | 'qtyOrdered'
  | 'price'
  | 'qtyReceived'
  | 'note'
> & { itemCode: Item['code']; nameZh: Item['nameZh']; nameEn: Item['nameEn']; baseUnit: Item['baseUnit'] };

/** The lines of the orders whose ids are given as a JSON array, with their items. */
const linesOfOrders = sql<LineRow, [string]>(
  `SELECT l.id, l.po_id AS poId, l.line_no AS lineNo, l.item_id AS itemId, i.code AS itemCode,
     i.name_zh AS nameZh, i.name_en AS nameEn, i.base_unit AS baseUnit, l.supplier_code AS supplierCode,
     l.pack_unit AS packUnit, l.pack_qty AS packQty, l.packs, l.qty_ordered AS qtyOrdered, l.price,
     l.qty_received AS qtyReceived, l.note
   FROM purchase_order_lines l JOIN items i ON i.id = l.item_id
   WHERE l.po_id IN (SELECT value FROM json_each(?)) ORDER BY l.po_id, l.line_no`,
);

function lineDto({ poId: _p, ...l }: LineRow, status: PoStatus): PoLineDto {
  const open = status === 'closed' || status === 'cancelled' ? 0 : Math.max(0, l.qtyOrdered - l.qtyReceived);
  return { ...l, value: lineValue(l.packs, l.price), qtyOpen: open };
}

const linesOf = (ctx: Ctx, poIds: string[]): LineRow[] =>
  poIds.length ? linesOfOrders.all(ctx.sqlite, JSON.stringify(poIds)) : [];

const toRow = (r: HeaderRow, value: number, receivedValue: number): PoRow => ({
  ...r,
  source: poSource(r.source),
  createdAt: toIso(r.createdAt)!,
  value,
  receivedValue,
});

/** Orders, newest first, optionally of some statuses or one supplier; with their value and what was received. */
export function listPos(ctx: Ctx, i: { status?: PoStatus[] | null; supplierId?: string | null }): PoRow[] {
  const rows = ordersNewestFirst.all(ctx.sqlite, {
    statuses: i.status?.length ? JSON.stringify(i.status) : null,
    supplierId: i.supplierId || null,
  });
  // Values per order from one pass over the listed orders' lines.
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
  return rows.map((r) => toRow(r, totals.get(r.id)?.value ?? 0, totals.get(r.id)?.received ?? 0));
}

export function poRecord(ctx: Ctx, id: string): PoRecord {
  const r = ctx.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).get();
  if (!r) throw new AppError('NOT_FOUND', 'po.error.notFound');
  return r;
}

export function poLines(ctx: Ctx, poId: string, status: PoStatus): PoLineDto[] {
  return linesOf(ctx, [poId]).map((l) => lineDto(l, status));
}

export function getPo(ctx: Ctx, i: { id: string }): PoDto {
  const rec = poRecord(ctx, i.id);
  const head = orderHeader.get(ctx.sqlite, i.id)!;
  const s = ctx.db
    .select({
      phone: suppliers.phone,
      contact: suppliers.contact,
      address: suppliers.address,
      minOrderValue: suppliers.minOrderValue,
    })
    .from(suppliers)
    .where(eq(suppliers.id, rec.supplierId))
    .get()!;
  const lines = poLines(ctx, i.id, rec.status);
  return {
    ...toRow(
      head,
      lines.reduce((sum, l) => sum + l.value, 0),
      lines.reduce((sum, l) => sum + qtyValue(l.qtyReceived, l.price, l.packQty), 0),
    ),
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
