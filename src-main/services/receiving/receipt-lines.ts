import { eq } from 'drizzle-orm';
import type { ReceiptLineDto, ReceiptLineInput } from '../../../src-shared/api/methods/receiving';
import { sizeText } from '../../../src-shared/pack-size';
import { formatQty } from '../../../src-shared/quantity';
import { receiptLines, type purchaseOrderLines } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { requireArea } from '../ops/documents';
import { fieldError } from '../ops/errors';
import { loadItem, toBaseQty, type ItemInfo } from '../ops/units';
import { MAX_QTY } from '../stock/post';
import { catalogueEntry } from '../procurement/catalogue';
import { addDays } from '../../../src-shared/time';
import { storeDay } from '../store/store-day';
import { requireOpen } from './receipt-open';
import { lineDto, lineRecord, receiptRecord, type LineRecord, type ReceiptRecord } from './receipt-read';
import { rejectReasons } from './receipt-settings';

/** The stored columns of a line, as resolved from its input. */
export type LineValues = Omit<
  LineRecord,
  | 'id'
  | 'receiptId'
  | 'lineNo'
  | 'status'
  | 'value'
  | 'postedAt'
  | 'postedBy'
  | 'moveId'
  | 'createdAt'
  | 'createdBy'
  | 'updatedAt'
>;

/** A line's input checked against the store: what would be stored, and the item and order line it was checked with. */
export interface ResolvedLine {
  values: LineValues;
  item: ItemInfo;
  poLine: PoLineRow | null;
}

type PoLineRow = Pick<
  typeof purchaseOrderLines.$inferSelect,
  'id' | 'poId' | 'itemId' | 'packUnit' | 'packQty' | 'price' | 'qtyOrdered' | 'qtyReceived'
>;

const PO_LINE = `SELECT id, po_id AS poId, item_id AS itemId, pack_unit AS packUnit, pack_qty AS packQty, price,
  qty_ordered AS qtyOrdered, qty_received AS qtyReceived FROM purchase_order_lines`;
const poLineById = sql<PoLineRow, [string]>(`${PO_LINE} WHERE id = ?`);
const poLinesOfItem = sql<PoLineRow, [string, string]>(`${PO_LINE} WHERE po_id = ? AND item_id = ? ORDER BY line_no`);
const nextLineNo = sql<{ n: number }, [string]>(
  'SELECT coalesce(max(line_no), 0) + 1 AS n FROM receipt_lines WHERE receipt_id = ?',
);

/** The number the receipt's next line gets (after its last). */
export function nextLineNumber(ctx: Ctx, receiptId: string): number {
  return nextLineNo.get(ctx.sqlite, receiptId)!.n;
}

/** A calendar day that exists ('2026-02-30' does not). */
const realDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/**
 * The order line a line delivers: the one named (it must be on the receipt's
 * order and for the same item), else the item's first line on the order that
 * is still open, else its first line; none on a receipt without an order.
 */
function matchPoLine(
  ctx: Ctx,
  r: ReceiptRecord,
  itemId: string,
  given: string | null | undefined,
  p: string,
): PoLineRow | null {
  if (!r.poId) {
    if (given) fieldError('VALIDATION', 'receiving.error.noOrder', `${p}.poLineId`, { number: r.number });
    return null;
  }
  if (given) {
    const pl = poLineById.get(ctx.sqlite, given);
    if (!pl || pl.poId !== r.poId || pl.itemId !== itemId)
      fieldError('VALIDATION', 'receiving.error.poLine', `${p}.poLineId`);
    return pl;
  }
  const lines = poLinesOfItem.all(ctx.sqlite, r.poId, itemId);
  return lines.find((l) => l.qtyReceived < l.qtyOrdered) ?? lines[0] ?? null;
}

/**
 * Units a line may be typed and priced in: the item's own (base, kg/l, its
 * packs) and the pack of the order line or of the supplier's catalogue, which
 * wins over an item unit of the same name (a supplier's 箱 may hold more).
 */
function unitsFor(item: ItemInfo, pack: { unit: string; factor: number } | null): ItemInfo {
  if (!pack) return item;
  return { ...item, units: [pack, ...item.units.filter((u) => u.unit !== pack.unit)] };
}

/**
 * Checks a line's input against the receipt, the item, its order line and the
 * store rules; nothing is written. `base`: the item when the caller has read
 * it already (the poster checks the live weight with it first).
 */
export function resolveLine(
  ctx: Ctx,
  r: ReceiptRecord,
  i: ReceiptLineInput,
  p = 'line',
  base: ItemInfo | undefined = loadItem(ctx, i.itemId),
): ResolvedLine {
  requireOpen(r);
  if (!base || !base.active) fieldError('VALIDATION', 'error.stock.item', `${p}.itemId`);
  const poLine = matchPoLine(ctx, r, base.id, i.poLineId, p);
  const offer = !poLine && r.supplierId ? catalogueEntry(ctx, r.supplierId, base.id) : undefined;
  const pack = poLine
    ? { unit: poLine.packUnit, factor: poLine.packQty }
    : offer?.active
      ? { unit: offer.packUnit, factor: offer.packQty }
      : null;
  const item = unitsFor(base, pack);
  const areaId = i.areaId ?? r.areaId;
  requireArea(ctx, areaId, `${p}.areaId`);

  let qty: number;
  let weighed: { gross: number; tare: number; stable: boolean; scaleId: string | null } | null = null;
  if (i.weighed) {
    // Scales weigh mass: only items kept in grams can take a weight as their quantity.
    if (item.baseUnit !== 'g')
      fieldError('VALIDATION', 'receiving.error.weighedUnit', `${p}.weighed`, { item: item.code });
    qty = i.weighed.gross - i.weighed.tare;
    if (qty <= 0) {
      fieldError('VALIDATION', 'receiving.error.net', `${p}.weighed.tare`, {
        gross: formatQty(i.weighed.gross),
        tare: formatQty(i.weighed.tare),
      });
    }
    weighed = { ...i.weighed, scaleId: i.weighed.scaleId ?? null };
  } else {
    qty = toBaseQty(item, i.qty!, i.unit!, p);
  }
  if (qty > MAX_QTY) fieldError('VALIDATION', 'error.stock.qty', `${p}.qty`, { max: formatQty(MAX_QTY) });

  let rejectedQty = 0;
  if (i.rejected) {
    rejectedQty = toBaseQty(item, i.rejected.qty, i.rejected.unit, `${p}.rejected`);
    if (!rejectReasons(ctx).some((x) => x.code === i.rejected!.reason)) {
      fieldError('VALIDATION', 'error.ops.reason', `${p}.rejected.reason`, { reason: i.rejected.reason });
    }
    if (rejectedQty > qty) {
      fieldError('VALIDATION', 'receiving.error.rejectedTooMuch', `${p}.rejected.qty`, {
        rejected: sizeText(rejectedQty, item.baseUnit),
        qty: sizeText(qty, item.baseUnit),
      });
    }
  }

  // The price as given, else the order's pack price, else the catalogue's; per the unit it was agreed in.
  const agreed = poLine
    ? { price: poLine.price, unit: poLine.packUnit }
    : offer?.active
      ? { price: offer.price, unit: offer.packUnit }
      : null;
  const price = i.price ?? agreed?.price;
  if (price === undefined || price === null) {
    fieldError('VALIDATION', 'receiving.error.priceRequired', `${p}.price`, { item: item.code });
  }
  const metric = item.units.find((u) => u.unit === 'kg' || u.unit === 'l')?.unit;
  const priceUnit = i.priceUnit || agreed?.unit || i.unit || metric || item.baseUnit;
  const priceFactor = item.units.find((u) => u.unit === priceUnit)?.factor;
  if (!priceFactor) {
    fieldError('VALIDATION', 'error.ops.unit', `${p}.priceUnit`, {
      unit: priceUnit,
      item: item.code,
      units: item.units.map((u) => u.unit).join(', '),
    });
  }

  const today = storeDay(ctx);
  let expiry = i.expiry ?? null;
  if (expiry && !realDay(expiry)) fieldError('VALIDATION', 'validation.date', `${p}.expiry`);
  if (!expiry && item.shelfLifeDays !== null) expiry = addDays(r.day, item.shelfLifeDays);
  if (expiry && expiry < today) {
    fieldError('VALIDATION', 'receiving.error.expired', `${p}.expiry`, { expiry, today, item: item.code });
  }

  const values: LineValues = {
    itemId: item.id,
    poLineId: poLine?.id ?? null,
    areaId,
    qty,
    entryQty: weighed ? '' : i.qty!,
    entryUnit: weighed ? '' : i.unit!,
    weighed: !!weighed,
    gross: weighed?.gross ?? null,
    tare: weighed?.tare ?? null,
    scaleStable: weighed ? weighed.stable : null,
    scaleId: weighed?.scaleId ?? null,
    price,
    priceUnit,
    priceFactor,
    rejectedQty,
    rejectEntryQty: i.rejected?.qty ?? '',
    rejectEntryUnit: i.rejected?.unit ?? '',
    rejectReason: i.rejected?.reason ?? '',
    lot: i.lot ?? '',
    expiry,
    tempC10: i.temperature === null || i.temperature === undefined ? null : Math.round(i.temperature * 10),
    tempOverride: i.tempOverride ?? '',
    confirmed: !!i.confirm,
    note: i.note ?? '',
  };
  return { values, item, poLine };
}

/** Adds a draft line (numbered after the receipt's last); returns it with its warnings. */
export function addLine(ctx: Ctx, i: { receiptId: string; line: ReceiptLineInput }): ReceiptLineDto {
  const r = receiptRecord(ctx, i.receiptId);
  const { values } = resolveLine(ctx, r, i.line);
  const line: LineRecord = {
    ...values,
    id: uuidv7(ctx.now),
    receiptId: r.id,
    lineNo: nextLineNumber(ctx, r.id),
    status: 'draft',
    value: 0,
    postedAt: null,
    postedBy: null,
    moveId: null,
    createdAt: ctx.now,
    createdBy: ctx.user?.id ?? null,
    updatedAt: ctx.now,
  };
  ctx.db.insert(receiptLines).values(line).run();
  ctx.changed({
    table: 'receipt_lines',
    id: line.id,
    op: 'insert',
    values: { receipt: r.number, lineNo: line.lineNo, ...values },
  });
  return lineDto(ctx, line, r);
}

export function requireDraft(l: LineRecord, number: string): void {
  if (l.status !== 'draft') {
    throw new AppError('CONFLICT', 'receiving.error.alreadyPosted', { number, line: l.lineNo });
  }
}

/** Replaces a draft line's fields. */
export function updateLine(ctx: Ctx, i: { lineId: string; line: ReceiptLineInput }): ReceiptLineDto {
  const before = lineRecord(ctx, i.lineId);
  const r = receiptRecord(ctx, before.receiptId);
  requireOpen(r);
  requireDraft(before, r.number);
  const { values } = resolveLine(ctx, r, i.line);
  ctx.db
    .update(receiptLines)
    .set({ ...values, updatedAt: ctx.now })
    .where(eq(receiptLines.id, before.id))
    .run();
  ctx.changed({ table: 'receipt_lines', id: before.id, op: 'update', values: { ...values } });
  return lineDto(ctx, { ...before, ...values, updatedAt: ctx.now }, r);
}

export function removeLine(ctx: Ctx, i: { lineId: string }): { ok: true } {
  const before = lineRecord(ctx, i.lineId);
  const r = receiptRecord(ctx, before.receiptId);
  requireOpen(r);
  requireDraft(before, r.number);
  ctx.db.delete(receiptLines).where(eq(receiptLines.id, before.id)).run();
  ctx.changed({
    table: 'receipt_lines',
    id: before.id,
    op: 'delete',
    before: { receipt: r.number, lineNo: before.lineNo },
  });
  return { ok: true };
}
