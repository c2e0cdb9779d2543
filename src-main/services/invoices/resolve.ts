import type { InvoiceHeaderInput, InvoiceLineInput } from '../../../src-shared/api/methods/invoices';
import { QTY_SCALE, formatQty, parseScaled } from '../../../src-shared/quantity';
import type {
  purchaseOrderLines,
  purchaseOrders,
  receipts,
  supplierInvoiceLines,
  supplierInvoices,
} from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { loadItem, toBaseQty, type ItemInfo } from '../ops/units';
import { catalogueEntry } from '../procurement/catalogue';
import { MAX_QTY } from '../stock/post';
import { linesTax, toCents, valueAt } from './rules';

type InvoiceLine = typeof supplierInvoiceLines.$inferSelect;
type Invoice = typeof supplierInvoices.$inferSelect;
type Po = typeof purchaseOrders.$inferSelect;
type PoLine = typeof purchaseOrderLines.$inferSelect;
type Receipt = typeof receipts.$inferSelect;

/** A line as it is stored, but for its keys and what the match fills in. */
export type ResolvedLine = Omit<InvoiceLine, 'id' | 'invoiceId' | 'lineNo' | 'poLineId' | 'acceptedQty'>;

/** The header as it is stored, checked against the store. */
export type ResolvedHeader = Pick<
  Invoice,
  'supplierId' | 'number' | 'invoiceDay' | 'dueDay' | 'poId' | 'receiptId' | 'note'
>;

const supplierName = sql<{ name: string }, [string]>('SELECT name FROM suppliers WHERE id = ?');

/** Another invoice of the supplier with the number, whatever its case. */
const sameNumber = sql<{ id: string }, [{ supplierId: string; number: string; selfId: string }]>(
  'SELECT id FROM supplier_invoices WHERE supplier_id = @supplierId AND lower(number) = lower(@number) AND id <> @selfId',
);

/** A receipt with its order and its supplier (its own, else its order's). */
const receiptToBill = sql<Pick<Receipt, 'number' | 'status' | 'poId'> & { supplierId: string | null }, [string]>(
  `SELECT r.number, r.status, r.po_id AS poId, coalesce(r.supplier_id, p.supplier_id) AS supplierId
   FROM receipts r LEFT JOIN purchase_orders p ON p.id = r.po_id WHERE r.id = ?`,
);

const orderToBill = sql<Pick<Po, 'number' | 'status' | 'supplierId'>, [string]>(
  'SELECT number, status, supplier_id AS supplierId FROM purchase_orders WHERE id = ?',
);

/** Order statuses an invoice can bill: approved and later, not drafts or cancelled orders. */
const BILLABLE: readonly Po['status'][] = ['approved', 'partial', 'received', 'closed'];

/** A calendar day that exists ('2026-02-30' does not). */
const realDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/**
 * Checks the header against the store: the supplier exists, the number is
 * new for it, the days are real, the order and receipt are the supplier's and
 * belong together. A receipt against an order brings its order along.
 */
export function resolveHeader(ctx: Ctx, h: InvoiceHeaderInput, selfId: string | null): ResolvedHeader {
  const supplier = supplierName.get(ctx.sqlite, h.supplierId);
  if (!supplier) fieldError('VALIDATION', 'procurement.error.supplierNotFound', 'supplierId');
  if (sameNumber.get(ctx.sqlite, { supplierId: h.supplierId, number: h.number, selfId: selfId ?? '' })) {
    fieldError('VALIDATION', 'invoices.error.duplicateNumber', 'number', { number: h.number, supplier: supplier.name });
  }
  if (!realDay(h.invoiceDay)) fieldError('VALIDATION', 'validation.date', 'invoiceDay');
  const dueDay = h.dueDay ?? null;
  if (dueDay !== null) {
    if (!realDay(dueDay)) fieldError('VALIDATION', 'validation.date', 'dueDay');
    if (dueDay < h.invoiceDay) {
      fieldError('VALIDATION', 'invoices.error.dueBeforeInvoice', 'dueDay', { due: dueDay, day: h.invoiceDay });
    }
  }
  let poId = h.poId ?? null;
  const receiptId = h.receiptId ?? null;
  if (receiptId) {
    const r = receiptToBill.get(ctx.sqlite, receiptId);
    if (!r || r.status === 'cancelled') fieldError('VALIDATION', 'invoices.error.receipt', 'receiptId');
    if (r.supplierId !== h.supplierId) {
      fieldError('VALIDATION', 'invoices.error.receiptSupplier', 'receiptId', { receipt: r.number });
    }
    if (poId && r.poId !== poId) {
      fieldError('VALIDATION', 'invoices.error.receiptOrder', 'receiptId', { receipt: r.number });
    }
    poId = r.poId;
  }
  if (poId) {
    const po = orderToBill.get(ctx.sqlite, poId);
    if (!po) fieldError('VALIDATION', 'po.error.notFound', 'poId');
    if (po.supplierId !== h.supplierId)
      fieldError('VALIDATION', 'invoices.error.poSupplier', 'poId', { po: po.number });
    if (!BILLABLE.includes(po.status)) {
      fieldError('VALIDATION', 'invoices.error.poStatus', 'poId', { po: po.number });
    }
  }
  return {
    supplierId: h.supplierId,
    number: h.number,
    invoiceDay: h.invoiceDay,
    dueDay,
    poId,
    receiptId,
    note: h.note,
  };
}

type OrderPack = Pick<PoLine, 'itemId' | 'supplierCode' | 'packUnit' | 'packQty'>;

const packsOfOrder = sql<OrderPack, [string]>(
  `SELECT item_id AS itemId, supplier_code AS supplierCode, pack_unit AS packUnit, pack_qty AS packQty
   FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no`,
);

/** The order's lines by item and by the supplier's code, for finding items and their packs. */
const orderPacks = (ctx: Ctx, poId: string | null): OrderPack[] => (poId ? packsOfOrder.all(ctx.sqlite, poId) : []);

/** An item the supplier lists under a code (compared in lower case). */
const itemBySupplierCodeInCatalogue = sql<{ id: string }, [string, string]>(
  'SELECT item_id AS id FROM supplier_items WHERE supplier_id = ? AND lower(supplier_code) = ? LIMIT 1',
);

/** Finds the item by the supplier's code: on the order first, then in the supplier's catalogue. */
function itemBySupplierCode(ctx: Ctx, supplierId: string, packs: OrderPack[], code: string): string | null {
  const c = code.toLowerCase();
  const onOrder = packs.find((p) => p.supplierCode && p.supplierCode.toLowerCase() === c);
  if (onOrder) return onOrder.itemId;
  return itemBySupplierCodeInCatalogue.get(ctx.sqlite, supplierId, c)?.id ?? null;
}

/** The item's units, with the supplier's pack (order line first, else catalogue) winning a same-named unit. */
function unitsWithPack(ctx: Ctx, item: ItemInfo, supplierId: string, packs: OrderPack[]): ItemInfo {
  const line = packs.find((p) => p.itemId === item.id);
  const offer = line ? undefined : catalogueEntry(ctx, supplierId, item.id);
  const pack = line
    ? { unit: line.packUnit, factor: line.packQty }
    : offer?.active
      ? { unit: offer.packUnit, factor: offer.packQty }
      : null;
  if (!pack) return item;
  return { ...item, units: [pack, ...item.units.filter((u) => u.unit !== pack.unit)] };
}

/**
 * Checks the lines and works out what is stored: the item (given, or by the
 * supplier's code), the quantity in base thousandths (exact, in a unit of the
 * item or the supplier's pack), the line amount (as printed, else qty x price
 * to the cent). A line naming nothing the store knows keeps its text and
 * counts in its own unit. Errors name `lines.N.field`.
 */
export function resolveLines(
  ctx: Ctx,
  supplierId: string,
  poId: string | null,
  lines: readonly InvoiceLineInput[],
  pathOf: (n: number) => string = (n) => `lines.${n}`,
): ResolvedLine[] {
  const packs = orderPacks(ctx, poId);
  return lines.map((l, n) => resolveLine(ctx, supplierId, packs, l, pathOf(n)));
}

function resolveLine(ctx: Ctx, supplierId: string, packs: OrderPack[], l: InvoiceLineInput, p: string): ResolvedLine {
  let itemId = l.itemId ?? null;
  if (!itemId && l.supplierCode) itemId = itemBySupplierCode(ctx, supplierId, packs, l.supplierCode);
  let qty: number;
  let unitFactor: number;
  if (itemId) {
    const base = loadItem(ctx, itemId);
    if (!base) fieldError('VALIDATION', 'error.stock.item', `${p}.itemId`);
    const item = unitsWithPack(ctx, base, supplierId, packs);
    qty = toBaseQty(item, l.qty, l.unit, p);
    unitFactor = item.units.find((u) => u.unit === l.unit)!.factor;
  } else {
    if (!l.description && !l.supplierCode) fieldError('VALIDATION', 'invoices.error.lineIdentity', `${p}.description`);
    const milli = parseScaled(l.qty, QTY_SCALE);
    if (milli === null || milli <= 0) fieldError('VALIDATION', 'error.ops.qty', `${p}.qty`, { qty: l.qty });
    qty = milli;
    unitFactor = QTY_SCALE;
  }
  if (qty > MAX_QTY) fieldError('VALIDATION', 'error.stock.qty', `${p}.qty`, { max: formatQty(MAX_QTY) });
  return {
    itemId,
    supplierCode: l.supplierCode,
    description: l.description,
    entryQty: l.qty,
    unit: l.unit,
    unitFactor,
    qty,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal ?? toCents(valueAt(qty, l.unitPrice, unitFactor)),
    taxRate: l.taxRate,
  };
}

/** Printed totals, or what the lines add up to when a total is left out. */
export function resolveTotals(
  given: { net?: number | null; tax?: number | null; gross?: number | null },
  lines: readonly ResolvedLine[],
): { net: number; tax: number; gross: number } {
  const net = given.net ?? lines.reduce((s, l) => s + l.lineTotal, 0);
  const tax = given.tax ?? linesTax(lines).perLine;
  return { net, tax, gross: given.gross ?? net + tax };
}
