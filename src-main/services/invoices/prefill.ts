import { eq } from 'drizzle-orm';
import type { PrefillDto } from '../../../src-shared/api/methods/invoices';
import { formatQty, formatScaled } from '../../../src-shared/quantity';
import { purchaseOrders, type items, type purchaseOrderLines, type receiptLines } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { DEFAULT_TAX_RATE, toCents, valueAt } from './rules';

type Item = typeof items.$inferSelect;
type PoLine = typeof purchaseOrderLines.$inferSelect;
type ReceiptLine = typeof receiptLines.$inferSelect;

/** The item a line bills, as the invoice screen shows it. */
interface ItemOfLine {
  itemId: string;
  itemCode: Item['code'];
  nameZh: Item['nameZh'];
  nameEn: Item['nameEn'];
  baseUnit: Item['baseUnit'];
}
const ITEM_OF_LINE =
  'l.item_id AS itemId, i.code AS itemCode, i.name_zh AS nameZh, i.name_en AS nameEn, i.base_unit AS baseUnit';

const lastBilledRate = sql<{ rate: number }, [string]>(
  'SELECT tax_rate AS rate FROM supplier_invoice_lines WHERE item_id = ? ORDER BY rowid DESC LIMIT 1',
);

const orderLinesToBill = sql<ItemOfLine & Pick<PoLine, 'supplierCode' | 'packUnit' | 'packs' | 'price'>, [string]>(
  `SELECT ${ITEM_OF_LINE}, l.supplier_code AS supplierCode, l.pack_unit AS packUnit, l.packs, l.price
   FROM purchase_order_lines l JOIN items i ON i.id = l.item_id WHERE l.po_id = ? ORDER BY l.line_no`,
);

/** A receipt's order and supplier (its own, else its order's). */
const receiptSource = sql<{ poId: string | null; supplierId: string | null }, [string]>(
  `SELECT r.po_id AS poId, coalesce(r.supplier_id, p.supplier_id) AS supplierId
   FROM receipts r LEFT JOIN purchase_orders p ON p.id = r.po_id WHERE r.id = ?`,
);

/** A receipt's posted lines with something accepted, with the supplier's code for the item (the order's, else the catalogue's). */
const acceptedLinesToBill = sql<
  ItemOfLine & Pick<ReceiptLine, 'price' | 'priceUnit' | 'priceFactor'> & { supplierCode: string; accepted: number },
  [{ supplierId: string; receiptId: string }]
>(
  `SELECT ${ITEM_OF_LINE}, coalesce(pl.supplier_code, si.supplier_code, '') AS supplierCode,
     l.qty - l.rejected_qty AS accepted, l.price, l.price_unit AS priceUnit, l.price_factor AS priceFactor
   FROM receipt_lines l JOIN items i ON i.id = l.item_id
   LEFT JOIN purchase_order_lines pl ON pl.id = l.po_line_id
   LEFT JOIN supplier_items si ON si.supplier_id = @supplierId AND si.item_id = l.item_id
   WHERE l.receipt_id = @receiptId AND l.status = 'posted' AND l.qty > l.rejected_qty ORDER BY l.line_no`,
);

type PrefillLine = PrefillDto['lines'][number];

/** A line to correct: the item and the supplier's code, the rate this item was last billed at (else the common VAT rate). */
const prefillLine = (
  ctx: Ctx,
  l: ItemOfLine & { supplierCode: string },
  billed: Pick<PrefillLine, 'qty' | 'unit' | 'unitPrice' | 'lineTotal'>,
): PrefillLine => ({
  itemId: l.itemId,
  itemCode: l.itemCode,
  nameZh: l.nameZh,
  nameEn: l.nameEn,
  supplierCode: l.supplierCode,
  description: '',
  ...billed,
  taxRate: lastBilledRate.get(ctx.sqlite, l.itemId)?.rate ?? DEFAULT_TAX_RATE,
});

/**
 * Lines to start an invoice from, to be corrected to what the paper says:
 * an order's lines as ordered (packs at the agreed pack price), or a
 * receipt's posted lines as accepted, in the unit they were priced in (the
 * base unit when the quantity is not a whole thousandth of it).
 */
export function prefillInvoice(ctx: Ctx, i: { poId?: string | null; receiptId?: string | null }): PrefillDto {
  if (i.poId) {
    const po = ctx.db
      .select({ supplierId: purchaseOrders.supplierId })
      .from(purchaseOrders)
      .where(eq(purchaseOrders.id, i.poId))
      .get();
    if (!po) throw new AppError('NOT_FOUND', 'po.error.notFound');
    return {
      supplierId: po.supplierId,
      poId: i.poId,
      receiptId: null,
      lines: orderLinesToBill.all(ctx.sqlite, i.poId).map((l) =>
        prefillLine(ctx, l, {
          qty: formatScaled(l.packs, 1000),
          unit: l.packUnit,
          unitPrice: l.price,
          lineTotal: toCents(valueAt(l.packs, l.price, 1000)),
        }),
      ),
    };
  }
  const receiptId = i.receiptId ?? '';
  const r = receiptSource.get(ctx.sqlite, receiptId);
  if (!r) throw new AppError('NOT_FOUND', 'receiving.error.notFound');
  if (!r.supplierId) throw new AppError('VALIDATION', 'invoices.error.receiptNoSupplier');
  return {
    supplierId: r.supplierId,
    poId: r.poId,
    receiptId,
    lines: acceptedLinesToBill.all(ctx.sqlite, { supplierId: r.supplierId, receiptId }).map((l) => {
      const inUnit = l.accepted * 1000;
      const exact = Number.isSafeInteger(inUnit) && inUnit % l.priceFactor === 0;
      return prefillLine(ctx, l, {
        qty: exact ? formatScaled(inUnit / l.priceFactor, 1000) : formatQty(l.accepted),
        unit: exact ? l.priceUnit : l.baseUnit,
        unitPrice: exact ? l.price : valueAt(1000, l.price, l.priceFactor),
        lineTotal: toCents(valueAt(l.accepted, l.price, l.priceFactor)),
      });
    }),
  };
}
