import type { PrefillDto } from '../../../src-shared/api/methods/invoices';
import { formatQty, formatScaled } from '../../../src-shared/quantity';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { DEFAULT_TAX_RATE, toCents, valueAt } from './rules';

interface ItemFacts {
  code: string;
  nameZh: string;
  nameEn: string;
  baseUnit: string;
}

/** The rate this item was last billed at, else the common VAT rate. */
function lastRate(ctx: Ctx, itemId: string): number {
  const r = ctx.sqlite
    .prepare('SELECT tax_rate AS rate FROM supplier_invoice_lines WHERE item_id = ? ORDER BY rowid DESC LIMIT 1')
    .get(itemId) as { rate: number } | undefined;
  return r?.rate ?? DEFAULT_TAX_RATE;
}

const facts = (ctx: Ctx, itemId: string) =>
  ctx.sqlite
    .prepare('SELECT code, name_zh AS nameZh, name_en AS nameEn, base_unit AS baseUnit FROM items WHERE id = ?')
    .get(itemId) as ItemFacts;

/**
 * Lines to start an invoice from, to be corrected to what the paper says:
 * an order's lines as ordered (packs at the agreed pack price), or a
 * receipt's posted lines as accepted, in the unit they were priced in (the
 * base unit when the quantity is not a whole thousandth of it).
 */
export function prefillInvoice(ctx: Ctx, i: { poId?: string | null; receiptId?: string | null }): PrefillDto {
  if (i.poId) {
    const po = ctx.sqlite.prepare('SELECT supplier_id AS supplierId FROM purchase_orders WHERE id = ?').get(i.poId) as
      { supplierId: string } | undefined;
    if (!po) throw new AppError('NOT_FOUND', 'po.error.notFound');
    const lines = ctx.sqlite
      .prepare(
        `SELECT item_id AS itemId, supplier_code AS supplierCode, pack_unit AS packUnit, pack_qty AS packQty, packs, price
         FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no`,
      )
      .all(i.poId) as {
      itemId: string;
      supplierCode: string;
      packUnit: string;
      packQty: number;
      packs: number;
      price: number;
    }[];
    return {
      supplierId: po.supplierId,
      poId: i.poId,
      receiptId: null,
      lines: lines.map((l) => {
        const f = facts(ctx, l.itemId);
        return {
          itemId: l.itemId,
          itemCode: f.code,
          nameZh: f.nameZh,
          nameEn: f.nameEn,
          supplierCode: l.supplierCode,
          description: '',
          qty: formatScaled(l.packs, 1000),
          unit: l.packUnit,
          unitPrice: l.price,
          lineTotal: toCents(valueAt(l.packs, l.price, 1000)),
          taxRate: lastRate(ctx, l.itemId),
        };
      }),
    };
  }
  const r = ctx.sqlite
    .prepare(
      `SELECT r.po_id AS poId, coalesce(r.supplier_id, p.supplier_id) AS supplierId
       FROM receipts r LEFT JOIN purchase_orders p ON p.id = r.po_id WHERE r.id = ?`,
    )
    .get(i.receiptId) as { poId: string | null; supplierId: string | null } | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'receiving.error.notFound');
  if (!r.supplierId) throw new AppError('VALIDATION', 'invoices.error.receiptNoSupplier');
  const lines = ctx.sqlite
    .prepare(
      `SELECT l.item_id AS itemId, coalesce(pl.supplier_code, si.supplier_code, '') AS supplierCode,
              l.qty - l.rejected_qty AS accepted, l.price, l.price_unit AS priceUnit, l.price_factor AS priceFactor
       FROM receipt_lines l LEFT JOIN purchase_order_lines pl ON pl.id = l.po_line_id
       LEFT JOIN supplier_items si ON si.supplier_id = ? AND si.item_id = l.item_id
       WHERE l.receipt_id = ? AND l.status = 'posted' AND l.qty > l.rejected_qty ORDER BY l.line_no`,
    )
    .all(r.supplierId, i.receiptId) as {
    itemId: string;
    supplierCode: string;
    accepted: number;
    price: number;
    priceUnit: string;
    priceFactor: number;
  }[];
  return {
    supplierId: r.supplierId,
    poId: r.poId,
    receiptId: i.receiptId!,
    lines: lines.map((l) => {
      const f = facts(ctx, l.itemId);
      const inUnit = l.accepted * 1000;
      const exact = Number.isSafeInteger(inUnit) && inUnit % l.priceFactor === 0;
      return {
        itemId: l.itemId,
        itemCode: f.code,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        supplierCode: l.supplierCode,
        description: '',
        qty: exact ? formatScaled(inUnit / l.priceFactor, 1000) : formatQty(l.accepted),
        unit: exact ? l.priceUnit : f.baseUnit,
        unitPrice: exact ? l.price : valueAt(1000, l.price, l.priceFactor),
        lineTotal: toCents(valueAt(l.accepted, l.price, l.priceFactor)),
        taxRate: lastRate(ctx, l.itemId),
      };
    }),
  };
}
