import type { Ctx } from '../context';
import type { SourceItem } from './match';
import type { InvoiceRecord } from './records';

/** Invoices whose quantities count as billed: everything past draft. */
const BILLED = "('matched', 'disputed', 'approved')";

interface ItemRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  baseUnit: 'g' | 'ml' | 'pc';
}

interface PoLineRow {
  id: string;
  lineNo: number;
  itemId: string;
  qtyOrdered: number;
  price: number;
  packQty: number;
}

interface ReceivedRow {
  itemId: string;
  receiptId: string;
  number: string;
  accepted: number;
  rejected: number;
  price: number;
  priceFactor: number;
}

/**
 * What the store knows about the goods an invoice bills, per item: the
 * order's lines, what was accepted and rejected in the receipts matched (the
 * invoice's receipt, else every receipt of the order), and what other
 * invoices past draft already billed of it (on the same order, else the same
 * receipt). Only posted receipt lines count: a draft line is not in stock.
 */
export function loadSources(ctx: Ctx, inv: InvoiceRecord): Map<string, SourceItem> {
  const db = ctx.sqlite;
  const poLines = inv.poId
    ? (db
        .prepare(
          `SELECT id, line_no AS lineNo, item_id AS itemId, qty_ordered AS qtyOrdered, price, pack_qty AS packQty
           FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no`,
        )
        .all(inv.poId) as PoLineRow[])
    : [];
  const received = db
    .prepare(
      `SELECT l.item_id AS itemId, r.id AS receiptId, r.number, l.qty - l.rejected_qty AS accepted,
              l.rejected_qty AS rejected, l.price, l.price_factor AS priceFactor
       FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
       WHERE l.status = 'posted' AND (r.id = ? OR (? IS NOT NULL AND r.po_id = ?))
       ORDER BY r.number, l.line_no`,
    )
    .all(inv.receiptId, inv.poId, inv.poId) as ReceivedRow[];
  // Billed elsewhere: on the same order (whatever receipt those invoices name), else on the same receipt.
  const billedElsewhere = new Map(
    (
      db
        .prepare(
          `SELECT l.item_id AS itemId, sum(coalesce(l.accepted_qty, 0)) AS qty
           FROM supplier_invoice_lines l JOIN supplier_invoices i ON i.id = l.invoice_id
           WHERE i.id <> ? AND i.status IN ${BILLED} AND l.item_id IS NOT NULL
             AND ((? IS NOT NULL AND i.po_id = ?) OR (? IS NULL AND i.receipt_id = ?))
           GROUP BY l.item_id`,
        )
        .all(inv.id, inv.poId, inv.poId, inv.poId, inv.receiptId) as { itemId: string; qty: number }[]
    ).map((r) => [r.itemId, r.qty]),
  );

  const ids = new Set([...poLines.map((l) => l.itemId), ...received.map((r) => r.itemId)]);
  const itemStmt = db.prepare(
    'SELECT id, code, name_zh AS nameZh, name_en AS nameEn, base_unit AS baseUnit FROM items WHERE id = ?',
  );
  const offerStmt = db.prepare(
    'SELECT price, pack_qty AS packQty FROM supplier_items WHERE supplier_id = ? AND item_id = ? AND active = 1',
  );
  const sources = new Map<string, SourceItem>();
  for (const id of ids) {
    const item = itemStmt.get(id) as ItemRow;
    const lines = poLines.filter((l) => l.itemId === id);
    const all = received.filter((r) => r.itemId === id);
    // A named receipt narrows what is matched; the order as a whole still caps it (other invoices may have billed it).
    const inScope = inv.receiptId ? all.filter((r) => r.receiptId === inv.receiptId) : all;
    const sum = (rows: ReceivedRow[], k: 'accepted' | 'rejected') => rows.reduce((s, r) => s + r[k], 0);
    const receivedAll = sum(all, 'accepted');
    const inScopeAccepted = sum(inScope, 'accepted');
    const elsewhere = billedElsewhere.get(id) ?? 0;
    const offer = offerStmt.get(inv.supplierId, id) as { price: number; packQty: number } | undefined;
    const first = lines[0];
    const firstReceipt = inScope[0];
    sources.set(id, {
      itemId: id,
      itemCode: item.code,
      nameZh: item.nameZh,
      nameEn: item.nameEn,
      baseUnit: item.baseUnit,
      poLines: lines.map((l) => ({ id: l.id, lineNo: l.lineNo, qtyOrdered: l.qtyOrdered })),
      received: inScopeAccepted,
      rejected: sum(inScope, 'rejected'),
      available: Math.max(0, Math.min(inScopeAccepted, receivedAll - elsewhere)),
      agreed: first
        ? { price: first.price, factor: first.packQty }
        : offer
          ? { price: offer.price, factor: offer.packQty }
          : firstReceipt
            ? { price: firstReceipt.price, factor: firstReceipt.priceFactor }
            : null,
      receiptPrice: firstReceipt ? { price: firstReceipt.price, factor: firstReceipt.priceFactor } : null,
      receipts: [...new Set(inScope.map((r) => r.number))],
    });
  }
  return sources;
}
