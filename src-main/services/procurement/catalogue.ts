import { and, asc, eq, ne, type SQL } from 'drizzle-orm';
import type { CatalogueRow } from '../../../src-shared/api/methods/procurement';
import { items, supplierItems, suppliers } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';
import { refuseHqOwnedRows } from '../hq-owned';
import { fieldError } from '../ops/errors';
import { loadItem, toBaseQty } from '../ops/units';

/** An entry with the item it offers, as the catalogue lists it. */
const ENTRY = {
  id: supplierItems.id,
  supplierId: supplierItems.supplierId,
  itemId: supplierItems.itemId,
  itemCode: items.code,
  nameZh: items.nameZh,
  nameEn: items.nameEn,
  category: items.category,
  baseUnit: items.baseUnit,
  supplierCode: supplierItems.supplierCode,
  packUnit: supplierItems.packUnit,
  packQty: supplierItems.packQty,
  price: supplierItems.price,
  preferred: supplierItems.preferred,
  active: supplierItems.active,
  itemActive: items.active,
};

const entries = (ctx: Ctx, where: SQL | undefined): CatalogueRow[] =>
  ctx.db
    .select(ENTRY)
    .from(supplierItems)
    .innerJoin(items, eq(items.id, supplierItems.itemId))
    .where(where)
    .orderBy(asc(items.code), asc(supplierItems.supplierId))
    .all();

/** One supplier's catalogue, or every supplier's offer of one item (both filters may be combined). */
export function listCatalogue(ctx: Ctx, i: { supplierId?: string | null; itemId?: string | null }): CatalogueRow[] {
  return entries(
    ctx,
    and(
      i.supplierId ? eq(supplierItems.supplierId, i.supplierId) : undefined,
      i.itemId ? eq(supplierItems.itemId, i.itemId) : undefined,
    ),
  );
}

export function catalogueEntry(ctx: Ctx, supplierId: string, itemId: string): CatalogueRow | undefined {
  return entries(ctx, and(eq(supplierItems.supplierId, supplierId), eq(supplierItems.itemId, itemId)))[0];
}

function entryById(ctx: Ctx, id: string): CatalogueRow {
  const row = entries(ctx, eq(supplierItems.id, id))[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Adds or replaces the supplier's entry for the item. The pack size is typed
 * in a unit of the item ('10' kg) and stored exactly in base thousandths.
 * Marking it preferred takes the mark off the item's other suppliers: reorder
 * suggestions go to one supplier per item.
 */
export function saveCatalogueItem(
  ctx: Ctx,
  i: {
    supplierId: string;
    itemId: string;
    supplierCode: string;
    packUnit: string;
    packSize: { qty: string; unit: string };
    price: number;
    preferred: boolean;
    active: boolean;
  },
): CatalogueRow {
  const supplier = ctx.db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, i.supplierId)).get();
  if (!supplier) fieldError('VALIDATION', 'procurement.error.supplierNotFound', 'supplierId');
  const item = loadItem(ctx, i.itemId);
  if (!item) fieldError('VALIDATION', 'error.stock.item', 'itemId');
  refuseHqOwnedRows(ctx, 'supplier_items', `${item.code} ${item.nameZh}`);
  const packQty = toBaseQty(item, i.packSize.qty, i.packSize.unit, 'packSize');
  const before = catalogueEntry(ctx, i.supplierId, i.itemId);
  if (i.preferred) {
    ctx.db
      .update(supplierItems)
      .set({ preferred: false, updatedAt: ctx.now })
      .where(
        and(
          eq(supplierItems.itemId, i.itemId),
          ne(supplierItems.supplierId, i.supplierId),
          eq(supplierItems.preferred, true),
        ),
      )
      .run();
  }
  const values = {
    supplierCode: i.supplierCode,
    packUnit: i.packUnit,
    packQty,
    price: i.price,
    preferred: i.preferred,
    active: i.active,
  };
  if (!before) {
    const id = uuidv7(ctx.now);
    ctx.db
      .insert(supplierItems)
      .values({ id, supplierId: i.supplierId, itemId: i.itemId, ...values, createdAt: ctx.now, updatedAt: ctx.now })
      .run();
    ctx.changed({
      table: 'supplier_items',
      id,
      op: 'insert',
      values: { supplierId: i.supplierId, itemId: i.itemId, ...values },
    });
    return entryById(ctx, id);
  }
  ctx.db
    .update(supplierItems)
    .set({ ...values, updatedAt: ctx.now })
    .where(eq(supplierItems.id, before.id))
    .run();
  const change = diff(
    {
      supplierCode: before.supplierCode,
      packUnit: before.packUnit,
      packQty: before.packQty,
      price: before.price,
      preferred: before.preferred,
      active: before.active,
    },
    values,
  );
  if (Object.keys(change.values).length) {
    ctx.changed({ table: 'supplier_items', id: before.id, op: 'update', ...change });
  }
  return entryById(ctx, before.id);
}

/** Orders copy what they need from the entry, so removing it changes no order. */
export function removeCatalogueItem(ctx: Ctx, i: { id: string }): { ok: true } {
  const before = entryById(ctx, i.id);
  refuseHqOwnedRows(ctx, 'supplier_items', `${before.itemCode} ${before.nameZh}`);
  ctx.db.delete(supplierItems).where(eq(supplierItems.id, i.id)).run();
  ctx.changed({
    table: 'supplier_items',
    id: i.id,
    op: 'delete',
    before: { supplierId: before.supplierId, itemCode: before.itemCode, price: before.price },
  });
  return { ok: true };
}
