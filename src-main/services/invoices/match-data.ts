import type { items, purchaseOrderLines, receiptLines, supplierItems } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import type { SourceItem } from './match';
import type { InvoiceRecord } from './records';

type Item = typeof items.$inferSelect;
type PoLine = typeof purchaseOrderLines.$inferSelect;
type ReceiptLine = typeof receiptLines.$inferSelect;
type SupplierItem = typeof supplierItems.$inferSelect;

const orderLines = sql<Pick<PoLine, 'id' | 'lineNo' | 'itemId' | 'qtyOrdered' | 'price' | 'packQty'>, [string]>(
  `SELECT id, line_no AS lineNo, item_id AS itemId, qty_ordered AS qtyOrdered, price, pack_qty AS packQty
   FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no`,
);

/** A posted receipt line: what was accepted and rejected, at what price, in which receipt. */
type ReceivedRow = Pick<ReceiptLine, 'itemId' | 'receiptId' | 'price' | 'priceFactor'> & {
  number: string;
  accepted: number;
  rejected: number;
};

/** Posted lines of the receipt given, or of every receipt of the order given. */
const postedLines = sql<ReceivedRow, [{ receiptId: string | null; poId: string | null }]>(
  `SELECT l.item_id AS itemId, r.id AS receiptId, r.number, l.qty - l.rejected_qty AS accepted,
     l.rejected_qty AS rejected, l.price, l.price_factor AS priceFactor
   FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
   WHERE l.status = 'posted' AND (r.id = @receiptId OR (@poId IS NOT NULL AND r.po_id = @poId))
   ORDER BY r.number, l.line_no`,
);

/**
 * Per item, what the other invoices past draft (matched, disputed, approved)
 * accepted for payment: on the same order (whatever receipt they name), else
 * on the same receipt.
 */
const billedByOthers = sql<
  { itemId: string; qty: number },
  [{ invoiceId: string; poId: string | null; receiptId: string | null }]
>(
  `SELECT l.item_id AS itemId, sum(coalesce(l.accepted_qty, 0)) AS qty
   FROM supplier_invoice_lines l JOIN supplier_invoices i ON i.id = l.invoice_id
   WHERE i.id <> @invoiceId AND i.status IN ('matched', 'disputed', 'approved') AND l.item_id IS NOT NULL
     AND ((@poId IS NOT NULL AND i.po_id = @poId) OR (@poId IS NULL AND i.receipt_id = @receiptId))
   GROUP BY l.item_id`,
);

const itemFacts = sql<Pick<Item, 'id' | 'code' | 'nameZh' | 'nameEn' | 'baseUnit'>, [string]>(
  'SELECT id, code, name_zh AS nameZh, name_en AS nameEn, base_unit AS baseUnit FROM items WHERE id = ?',
);

const activeOffer = sql<Pick<SupplierItem, 'price' | 'packQty'>, [string, string]>(
  'SELECT price, pack_qty AS packQty FROM supplier_items WHERE supplier_id = ? AND item_id = ? AND active = 1',
);

/**
 * What the store knows about the goods an invoice bills, per item: the
 * order's lines, what was accepted and rejected in the receipts matched (the
 * invoice's receipt, else every receipt of the order), and what other
 * invoices past draft already billed of it (on the same order, else the same
 * receipt). Only posted receipt lines count: a draft line is not in stock.
 */
export function loadSources(ctx: Ctx, inv: InvoiceRecord): Map<string, SourceItem> {
  const db = ctx.sqlite;
  const poLines = inv.poId ? orderLines.all(db, inv.poId) : [];
  const received = postedLines.all(db, { receiptId: inv.receiptId, poId: inv.poId });
  const billedElsewhere = new Map(
    billedByOthers
      .all(db, { invoiceId: inv.id, poId: inv.poId, receiptId: inv.receiptId })
      .map((r) => [r.itemId, r.qty]),
  );

  const ids = new Set([...poLines.map((l) => l.itemId), ...received.map((r) => r.itemId)]);
  const sources = new Map<string, SourceItem>();
  for (const id of ids) {
    const item = itemFacts.get(db, id)!;
    const lines = poLines.filter((l) => l.itemId === id);
    const all = received.filter((r) => r.itemId === id);
    // A named receipt narrows what is matched; the order as a whole still caps it (other invoices may have billed it).
    const inScope = inv.receiptId ? all.filter((r) => r.receiptId === inv.receiptId) : all;
    const sum = (rows: ReceivedRow[], k: 'accepted' | 'rejected') => rows.reduce((s, r) => s + r[k], 0);
    const receivedAll = sum(all, 'accepted');
    const inScopeAccepted = sum(inScope, 'accepted');
    const elsewhere = billedElsewhere.get(id) ?? 0;
    const offer = activeOffer.get(db, inv.supplierId, id);
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
