import { asc, eq } from 'drizzle-orm';
import type { PoStatus } from '../../../src-shared/api/methods/procurement';
import type { ReceiptDto, ReceiptLabel, ReceiptLineDto } from '../../../src-shared/api/methods/receiving';
import { toIso } from '../../../src-shared/time';
import { items, type labelPrints, purchaseOrderLines, receiptLines, receipts } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { mulDiv } from '../stock/money-math';
import { storeDay } from '../store/store-day';
import { userName } from '../users/user-names';
import { poLines } from '../procurement/po-read';
import { lineWarnings, type CheckedPoLine } from './receipt-checks';
import { tempRule } from './receipt-settings';
import { receiptListRow } from './receipt-list';

export type ReceiptRecord = typeof receipts.$inferSelect;
/** A receipt line as stored. */
export type LineRecord = typeof receiptLines.$inferSelect;
/** What a line's DTO and label show of its item. */
export type ItemFacts = Pick<
  typeof items.$inferSelect,
  'code' | 'nameZh' | 'nameEn' | 'category' | 'baseUnit' | 'lotTracked'
>;

type LabelJob = NonNullable<ReceiptLineDto['labelJob']>;

const barcodesOfItem = sql<{ barcode: string }, [string]>(
  "SELECT barcode FROM item_barcodes WHERE item_id = ? ORDER BY unit <> '', barcode",
);
const areaCodeById = sql<{ code: string }, [string]>('SELECT code FROM storage_areas WHERE id = ?');
const supplierNameById = sql<{ name: string }, [string]>('SELECT name FROM suppliers WHERE id = ?');
const poStatusById = sql<{ status: PoStatus }, [string]>('SELECT status FROM purchase_orders WHERE id = ?');
/** The label jobs of a receipt's lines, oldest first (the newest of each line is the one a map keeps). */
const labelJobsOfReceipt = sql<
  Pick<typeof labelPrints.$inferSelect, 'id' | 'status' | 'error'> & { lineId: string },
  [string]
>(
  `SELECT p.source_id AS lineId, p.id, p.status, p.error FROM label_prints p
   JOIN receipt_lines l ON l.id = p.source_id AND l.receipt_id = ?
   WHERE p.source_type = 'receipt_line' ORDER BY p.created_at, p.rowid`,
);

export function receiptRecord(ctx: Ctx, id: string): ReceiptRecord {
  const r = ctx.db.select().from(receipts).where(eq(receipts.id, id)).get();
  if (!r) throw new AppError('NOT_FOUND', 'receiving.error.notFound');
  return r;
}

export function lineRecord(ctx: Ctx, id: string): LineRecord {
  const l = ctx.db.select().from(receiptLines).where(eq(receiptLines.id, id)).get();
  if (!l) throw new AppError('NOT_FOUND', 'receiving.error.lineNotFound');
  return l;
}

export function lineRecords(ctx: Ctx, receiptId: string): LineRecord[] {
  return ctx.db
    .select()
    .from(receiptLines)
    .where(eq(receiptLines.receiptId, receiptId))
    .orderBy(asc(receiptLines.lineNo))
    .all();
}

function itemFacts(ctx: Ctx, id: string): ItemFacts {
  const item = ctx.db
    .select({
      code: items.code,
      nameZh: items.nameZh,
      nameEn: items.nameEn,
      category: items.category,
      baseUnit: items.baseUnit,
      lotTracked: items.lotTracked,
    })
    .from(items)
    .where(eq(items.id, id))
    .get();
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}

/** A trade item number for the label: the item's first all-digit barcode of GTIN length, base-unit ones first. */
export function gtinOf(ctx: Ctx, itemId: string): string | null {
  return barcodesOfItem.all(ctx.sqlite, itemId).find((c) => /^(\d{8}|\d{12,14})$/.test(c.barcode))?.barcode ?? null;
}

export function poLineFacts(ctx: Ctx, id: string | null): CheckedPoLine | null {
  if (!id) return null;
  return (
    ctx.db
      .select({
        qtyOrdered: purchaseOrderLines.qtyOrdered,
        qtyReceived: purchaseOrderLines.qtyReceived,
        price: purchaseOrderLines.price,
        packQty: purchaseOrderLines.packQty,
        packUnit: purchaseOrderLines.packUnit,
      })
      .from(purchaseOrderLines)
      .where(eq(purchaseOrderLines.id, id))
      .get() ?? null
  );
}

/** Value of the accepted quantity at the line's price. */
export const acceptedValue = (l: { qty: number; rejectedQty: number; price: number; priceFactor: number }) =>
  mulDiv(l.qty - l.rejectedQty, l.price, l.priceFactor);

/** Memoised per key: the lines of one receipt share a few items, one area, one or two clerks. */
function memo<R>(fn: (key: string) => R, known?: Map<string, R>): (key: string) => R {
  const seen = new Map<string, R>(known);
  return (key) => {
    if (!seen.has(key)) seen.set(key, fn(key));
    return seen.get(key)!;
  };
}

/**
 * What a line's DTO and label look up besides the line itself. One set serves
 * every line of a receipt, so a 200-line delivery reads the settings, each
 * item, area and user once and the label jobs in one query, not 1,400
 * statements per refresh. A poster passes the item it has already read.
 */
export interface LineLookups {
  item(id: string): ItemFacts;
  rule(category: string): ReturnType<typeof tempRule>;
  gtin(itemId: string): string | null;
  area(id: string): string;
  user(id: string): string | null;
  labelJob(lineId: string): LabelJob | null;
}

export function lineLookups(
  ctx: Ctx,
  receiptId: string,
  known: { item?: { id: string; facts: ItemFacts } | undefined; labelJobs?: Map<string, LabelJob> } = {},
): LineLookups {
  let jobs = known.labelJobs;
  return {
    item: memo((id) => itemFacts(ctx, id), known.item && new Map([[known.item.id, known.item.facts]])),
    rule: memo((category) => tempRule(ctx, category)),
    gtin: memo((itemId) => gtinOf(ctx, itemId)),
    area: memo((id) => areaCodeById.get(ctx.sqlite, id)?.code ?? ''),
    user: memo((id) => userName(ctx, id)),
    labelJob: (lineId) =>
      (jobs ??= new Map(labelJobsOfReceipt.all(ctx.sqlite, receiptId).map(({ lineId: l, ...job }) => [l, job]))).get(
        lineId,
      ) ?? null,
  };
}

export function lineDto(
  ctx: Ctx,
  l: LineRecord,
  receipt: ReceiptRecord,
  look: LineLookups = lineLookups(ctx, receipt.id),
): ReceiptLineDto {
  const item = look.item(l.itemId);
  const rule = look.rule(item.category);
  // Posted lines keep no warnings: they were dealt with when posting, and the order has moved on since.
  const warnings =
    l.status === 'posted'
      ? []
      : lineWarnings(ctx, l, item, { hasOrder: !!receipt.poId, line: poLineFacts(ctx, l.poLineId) }, storeDay(ctx));
  return {
    id: l.id,
    lineNo: l.lineNo,
    status: l.status,
    itemId: l.itemId,
    itemCode: item.code,
    nameZh: item.nameZh,
    nameEn: item.nameEn,
    category: item.category,
    baseUnit: item.baseUnit,
    lotTracked: item.lotTracked,
    gtin: look.gtin(l.itemId),
    poLineId: l.poLineId,
    areaId: l.areaId,
    areaCode: look.area(l.areaId),
    qty: l.qty,
    acceptedQty: l.qty - l.rejectedQty,
    rejectedQty: l.rejectedQty,
    rejectReason: l.rejectReason,
    entryQty: l.entryQty,
    entryUnit: l.entryUnit,
    rejectEntryQty: l.rejectEntryQty,
    rejectEntryUnit: l.rejectEntryUnit,
    weighed: l.weighed,
    gross: l.gross,
    tare: l.tare,
    scaleStable: l.scaleStable,
    scaleId: l.scaleId,
    price: l.price,
    priceUnit: l.priceUnit,
    priceFactor: l.priceFactor,
    value: l.status === 'posted' ? l.value : acceptedValue(l),
    lot: l.lot,
    expiry: l.expiry,
    temperature: l.tempC10 === null ? null : l.tempC10 / 10,
    tempClass: rule.tempClass,
    tempLimit: rule.limit,
    tempOverride: l.tempOverride,
    confirmed: l.confirmed,
    note: l.note,
    warnings,
    postedAt: toIso(l.postedAt),
    postedBy: l.postedBy ? look.user(l.postedBy) : null,
    labelJob: l.status === 'posted' ? look.labelJob(l.id) : null,
  };
}

export function labelOf(
  ctx: Ctx,
  l: LineRecord,
  receipt: ReceiptRecord,
  look: LineLookups = lineLookups(ctx, receipt.id),
): ReceiptLabel {
  const item = look.item(l.itemId);
  return {
    receiptId: receipt.id,
    receiptNumber: receipt.number,
    lineId: l.id,
    lineNo: l.lineNo,
    itemId: l.itemId,
    itemCode: item.code,
    nameZh: item.nameZh,
    nameEn: item.nameEn,
    netQty: l.qty - l.rejectedQty,
    baseUnit: item.baseUnit,
    gross: l.gross,
    tare: l.tare,
    lot: l.lot,
    expiry: l.expiry,
    receivedDay: receipt.day,
    receivedAt: toIso(l.postedAt ?? ctx.now)!,
    price: l.price,
    priceUnit: l.priceUnit,
    value: l.value,
    gtin: look.gtin(l.itemId),
    supplierName: receipt.supplierId ? (supplierNameById.get(ctx.sqlite, receipt.supplierId)?.name ?? null) : null,
    areaCode: look.area(l.areaId),
  };
}

/** The order's lines with what is still open, and what this receipt's unposted lines hold of each. */
function openPoLines(
  ctx: Ctx,
  r: ReceiptRecord,
  lines: LineRecord[],
): { status: PoStatus | null; lines: ReceiptDto['poLines'] } {
  if (!r.poId) return { status: null, lines: [] };
  const status = poStatusById.get(ctx.sqlite, r.poId)!.status;
  const draft = new Map<string, number>();
  for (const l of lines) {
    if (l.status === 'draft' && l.poLineId) draft.set(l.poLineId, (draft.get(l.poLineId) ?? 0) + l.qty - l.rejectedQty);
  }
  return {
    status,
    lines: poLines(ctx, r.poId, status).map((pl) => ({ ...pl, draftQty: draft.get(pl.id) ?? 0 })),
  };
}

export function getReceipt(ctx: Ctx, i: { id: string }): ReceiptDto {
  const r = receiptRecord(ctx, i.id);
  const lines = lineRecords(ctx, r.id);
  const po = openPoLines(ctx, r, lines);
  const look = lineLookups(ctx, r.id);
  return {
    ...receiptListRow(ctx, r.id)!,
    note: r.note,
    finishedBy: userName(ctx, r.finishedBy),
    lines: lines.map((l) => lineDto(ctx, l, r, look)),
    poLines: po.lines,
    poStatus: po.status,
  };
}
