import type { ReceiptRow } from '../../../src-shared/api/methods/procurement';
import { toIso } from '../../../src-shared/time';
import { dynamicSql, sql } from '../../db/sql';
import type { Ctx } from '../context';

/** Receipts as list rows: header, order and supplier, line counts and the posted value. */
const LIST = `SELECT r.id, r.number, r.status, r.day, r.po_id AS poId, p.number AS poNumber, r.supplier_id AS supplierId,
  s.name AS supplierName, r.area_id AS areaId, a.code AS areaCode, r.delivery_note AS deliveryNote,
  (SELECT count(*) FROM receipt_lines l WHERE l.receipt_id = r.id) AS lines,
  (SELECT count(*) FROM receipt_lines l WHERE l.receipt_id = r.id AND l.status = 'posted') AS postedLines,
  (SELECT coalesce(sum(l.value), 0) FROM receipt_lines l WHERE l.receipt_id = r.id AND l.status = 'posted') AS value,
  r.opened_at AS openedAt, u.display_name AS openedBy, r.finished_at AS finishedAt
  FROM receipts r LEFT JOIN purchase_orders p ON p.id = r.po_id LEFT JOIN suppliers s ON s.id = r.supplier_id
  JOIN storage_areas a ON a.id = r.area_id LEFT JOIN users u ON u.id = r.opened_by`;

/** A list row as SQL gives it: the row of the API with its times still in milliseconds. */
type ListRow = Omit<ReceiptRow, 'openedAt' | 'finishedAt'> & { openedAt: number; finishedAt: number | null };
const toRow = (r: ListRow): ReceiptRow => ({
  ...r,
  openedAt: toIso(r.openedAt)!,
  finishedAt: toIso(r.finishedAt),
});

const listRowById = sql<ListRow, [string]>(`${LIST} WHERE r.id = ?`);

/** One receipt as a list row (the header of its detail). */
export function receiptListRow(ctx: Ctx, id: string): ReceiptRow | undefined {
  const row = listRowById.get(ctx.sqlite, id);
  return row && toRow(row);
}

export function listReceipts(
  ctx: Ctx,
  i: { status?: 'open' | 'finished' | 'cancelled' | null; poId?: string | null },
): ReceiptRow[] {
  const where: string[] = [];
  const args: string[] = [];
  if (i.status) {
    where.push('r.status = ?');
    args.push(i.status);
  }
  if (i.poId) {
    where.push('r.po_id = ?');
    args.push(i.poId);
  }
  return dynamicSql<ListRow>(
    ctx.sqlite,
    `${LIST} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY r.opened_at DESC LIMIT 1000`,
  )
    .all(...args)
    .map(toRow);
}
