import type { PoStatus } from '../../../src-shared/api/methods/procurement';
import type { ReceiptDto, ReceiptLabel, ReceiptLineDto } from '../../../src-shared/api/methods/receiving';
import { toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { mulDiv } from '../stock/money-math';
import { storeDay } from '../store/store-day';
import { userName } from '../users/user-names';
import { poLines } from '../procurement/po-read';
import { lineWarnings, type CheckedPoLine } from './receipt-checks';
import { tempRule } from './receipt-settings';
import { LIST, toRow, type ListRow } from './receipt-list';

export interface ReceiptRecord {
  id: string;
  number: string;
  poId: string | null;
  supplierId: string | null;
  areaId: string;
  status: 'open' | 'finished' | 'cancelled';
  day: string;
  deliveryNote: string;
  note: string;
  openedAt: number;
  openedBy: string | null;
  finishedAt: number | null;
  finishedBy: string | null;
}

/** A receipt line as stored (booleans as SQLite integers). */
export interface LineRecord {
  id: string;
  receiptId: string;
  lineNo: number;
  itemId: string;
  poLineId: string | null;
  areaId: string;
  status: 'draft' | 'posted';
  qty: number;
  entryQty: string;
  entryUnit: string;
  weighed: number;
  gross: number | null;
  tare: number | null;
  scaleStable: number | null;
  scaleId: string | null;
  price: number;
  priceUnit: string;
  priceFactor: number;
  rejectedQty: number;
  rejectEntryQty: string;
  rejectEntryUnit: string;
  rejectReason: string;
  lot: string;
  expiry: string | null;
  tempC10: number | null;
  tempOverride: string;
  confirmed: number;
  value: number;
  note: string;
  postedAt: number | null;
  postedBy: string | null;
  moveId: string | null;
}

export const RECEIPT_COLUMNS = `id, number, po_id AS poId, supplier_id AS supplierId, area_id AS areaId, status, day,
  delivery_note AS deliveryNote, note, opened_at AS openedAt, opened_by AS openedBy, finished_at AS finishedAt,
  finished_by AS finishedBy`;

const LINE_COLUMNS = `id, receipt_id AS receiptId, line_no AS lineNo, item_id AS itemId, po_line_id AS poLineId,
  area_id AS areaId, status, qty, entry_qty AS entryQty, entry_unit AS entryUnit, weighed, gross, tare,
  scale_stable AS scaleStable, scale_id AS scaleId, price, price_unit AS priceUnit, price_factor AS priceFactor,
  rejected_qty AS rejectedQty, reject_entry_qty AS rejectEntryQty, reject_entry_unit AS rejectEntryUnit,
  reject_reason AS rejectReason, lot, expiry, temp_c10 AS tempC10, temp_override AS tempOverride, confirmed, value,
  note, posted_at AS postedAt, posted_by AS postedBy, move_id AS moveId`;

export function receiptRecord(ctx: Ctx, id: string): ReceiptRecord {
  const r = ctx.sqlite.prepare(`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE id = ?`).get(id) as
    ReceiptRecord | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'receiving.error.notFound');
  return r;
}

export function lineRecord(ctx: Ctx, id: string): LineRecord {
  const r = ctx.sqlite.prepare(`SELECT ${LINE_COLUMNS} FROM receipt_lines WHERE id = ?`).get(id) as
    LineRecord | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'receiving.error.lineNotFound');
  return r;
}

export function lineRecords(ctx: Ctx, receiptId: string): LineRecord[] {
  return ctx.sqlite
    .prepare(`SELECT ${LINE_COLUMNS} FROM receipt_lines WHERE receipt_id = ? ORDER BY line_no`)
    .all(receiptId) as LineRecord[];
}

interface ItemFacts {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  baseUnit: 'g' | 'ml' | 'pc';
  lotTracked: number;
}

function itemFacts(ctx: Ctx, id: string): ItemFacts {
  return ctx.sqlite
    .prepare(
      `SELECT code, name_zh AS nameZh, name_en AS nameEn, category, base_unit AS baseUnit, lot_tracked AS lotTracked
       FROM items WHERE id = ?`,
    )
    .get(id) as ItemFacts;
}

/** A trade item number for the label: the item's first all-digit barcode of GTIN length, base-unit ones first. */
export function gtinOf(ctx: Ctx, itemId: string): string | null {
  const codes = ctx.sqlite
    .prepare("SELECT barcode FROM item_barcodes WHERE item_id = ? ORDER BY unit <> '', barcode")
    .all(itemId) as { barcode: string }[];
  return codes.find((c) => /^(\d{8}|\d{12,14})$/.test(c.barcode))?.barcode ?? null;
}

export function poLineFacts(ctx: Ctx, id: string | null): CheckedPoLine | null {
  if (!id) return null;
  return (
    (ctx.sqlite
      .prepare(
        `SELECT qty_ordered AS qtyOrdered, qty_received AS qtyReceived, price, pack_qty AS packQty, pack_unit AS packUnit
         FROM purchase_order_lines WHERE id = ?`,
      )
      .get(id) as CheckedPoLine | undefined) ?? null
  );
}

const areaCode = (ctx: Ctx, id: string) =>
  (ctx.sqlite.prepare('SELECT code FROM storage_areas WHERE id = ?').get(id) as { code: string } | undefined)?.code ??
  '';

/** Value of the accepted quantity at the line's price. */
export const acceptedValue = (l: { qty: number; rejectedQty: number; price: number; priceFactor: number }) =>
  mulDiv(l.qty - l.rejectedQty, l.price, l.priceFactor);

export const checkedLine = (l: LineRecord) => ({
  ...l,
  weighed: l.weighed === 1,
  scaleStable: l.scaleStable === null ? null : l.scaleStable === 1,
  confirmed: l.confirmed === 1,
});

/** Memoised per key: the lines of one receipt share a few items, one area, one or two clerks. */
function memo<R>(fn: (key: string) => R): (key: string) => R {
  const seen = new Map<string, R>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, fn(key));
    return seen.get(key)!;
  };
}

/**
 * What a line's DTO looks up besides the line itself. One set serves every line
 * of a receipt, so a 200-line delivery reads the settings, each item, area and
 * user once and the label jobs in one query, not 1,400 statements per refresh.
 */
export interface LineLookups {
  item(id: string): ItemFacts;
  rule(category: string): ReturnType<typeof tempRule>;
  gtin(itemId: string): string | null;
  area(id: string): string;
  user(id: string): string | null;
  labelJob(lineId: string): ReceiptLineDto['labelJob'];
}

export function lineLookups(ctx: Ctx, receiptId: string): LineLookups {
  let jobs: Map<string, LabelJob> | undefined;
  return {
    item: memo((id) => itemFacts(ctx, id)),
    rule: memo((category) => tempRule(ctx, category)),
    gtin: memo((itemId) => gtinOf(ctx, itemId)),
    area: memo((id) => areaCode(ctx, id)),
    user: memo((id) => userName(ctx, id)),
    labelJob: (lineId) => (jobs ??= labelJobsOf(ctx, receiptId)).get(lineId) ?? null,
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
  const checked = checkedLine(l);
  // Posted lines keep no warnings: they were dealt with when posting, and the order has moved on since.
  const warnings =
    l.status === 'posted'
      ? []
      : lineWarnings(
          ctx,
          checked,
          item,
          { hasOrder: !!receipt.poId, line: poLineFacts(ctx, l.poLineId) },
          storeDay(ctx),
        );
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
    lotTracked: item.lotTracked === 1,
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
    weighed: checked.weighed,
    gross: l.gross,
    tare: l.tare,
    scaleStable: checked.scaleStable,
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
    confirmed: checked.confirmed,
    note: l.note,
    warnings,
    postedAt: toIso(l.postedAt),
    postedBy: l.postedBy ? look.user(l.postedBy) : null,
    labelJob: l.status === 'posted' ? look.labelJob(l.id) : null,
  };
}

type LabelJob = NonNullable<ReceiptLineDto['labelJob']>;

/** The newest label job of each posted line of a receipt, in one query (the desk shows them without the label history). */
function labelJobsOf(ctx: Ctx, receiptId: string): Map<string, LabelJob> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT p.source_id AS lineId, p.id, p.status, p.error FROM label_prints p
       JOIN receipt_lines l ON l.id = p.source_id AND l.receipt_id = ?
       WHERE p.source_type = 'receipt_line' ORDER BY p.created_at, p.rowid`,
    )
    .all(receiptId) as (LabelJob & { lineId: string })[];
  // Oldest first, so the newest job of each line is the one left in the map.
  return new Map(rows.map(({ lineId, ...job }) => [lineId, job]));
}

export function labelOf(ctx: Ctx, l: LineRecord, receipt: ReceiptRecord): ReceiptLabel {
  const item = itemFacts(ctx, l.itemId);
  const supplier = receipt.supplierId
    ? (ctx.sqlite.prepare('SELECT name FROM suppliers WHERE id = ?').get(receipt.supplierId) as { name: string })
    : undefined;
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
    gtin: gtinOf(ctx, l.itemId),
    supplierName: supplier?.name ?? null,
    areaCode: areaCode(ctx, l.areaId),
  };
}

/** The order's lines with what is still open, and what this receipt's unposted lines hold of each. */
function openPoLines(
  ctx: Ctx,
  r: ReceiptRecord,
  lines: LineRecord[],
): { status: PoStatus | null; lines: ReceiptDto['poLines'] } {
  if (!r.poId) return { status: null, lines: [] };
  const status = (
    ctx.sqlite.prepare('SELECT status FROM purchase_orders WHERE id = ?').get(r.poId) as { status: PoStatus }
  ).status;
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
  const row = ctx.sqlite.prepare(`${LIST} WHERE r.id = ?`).get(i.id) as ListRow;
  const lines = lineRecords(ctx, r.id);
  const po = openPoLines(ctx, r, lines);
  const look = lineLookups(ctx, r.id);
  return {
    ...toRow(row),
    note: r.note,
    finishedBy: userName(ctx, r.finishedBy),
    lines: lines.map((l) => lineDto(ctx, l, r, look)),
    poLines: po.lines,
    poStatus: po.status,
  };
}
