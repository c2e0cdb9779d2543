import type { CatalogueRow } from '../../../src-shared/api/methods/procurement';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { loadItem, toBaseQty } from '../ops/units';

const SELECT = `SELECT c.id, c.supplier_id AS supplierId, c.item_id AS itemId, i.code AS itemCode, i.name_zh AS nameZh,
  i.name_en AS nameEn, i.category, i.base_unit AS baseUnit, c.supplier_code AS supplierCode, c.pack_unit AS packUnit,
  c.pack_qty AS packQty, c.price, c.preferred, c.active, i.active AS itemActive
  FROM supplier_items c JOIN items i ON i.id = c.item_id`;

type Row = Omit<CatalogueRow, 'preferred' | 'active' | 'itemActive'> & {
  preferred: number;
  active: number;
  itemActive: number;
};
const toDto = (r: Row): CatalogueRow => ({
  ...r,
  preferred: r.preferred === 1,
  active: r.active === 1,
  itemActive: r.itemActive === 1,
});

/** One supplier's catalogue, or every supplier's offer of one item (both filters may be combined). */
export function listCatalogue(ctx: Ctx, i: { supplierId?: string | null; itemId?: string | null }): CatalogueRow[] {
  const where: string[] = [];
  const args: string[] = [];
  if (i.supplierId) {
    where.push('c.supplier_id = ?');
    args.push(i.supplierId);
  }
  if (i.itemId) {
    where.push('c.item_id = ?');
    args.push(i.itemId);
  }
  const sql = `${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY i.code, c.supplier_id`;
  return (ctx.sqlite.prepare(sql).all(...args) as Row[]).map(toDto);
}

export function catalogueEntry(ctx: Ctx, supplierId: string, itemId: string): CatalogueRow | undefined {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE c.supplier_id = ? AND c.item_id = ?`).get(supplierId, itemId) as
    Row | undefined;
  return row && toDto(row);
}

function entryById(ctx: Ctx, id: string): CatalogueRow {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row);
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
  const supplier = ctx.sqlite.prepare('SELECT id FROM suppliers WHERE id = ?').get(i.supplierId);
  if (!supplier) fieldError('VALIDATION', 'procurement.error.supplierNotFound', 'supplierId');
  const item = loadItem(ctx, i.itemId);
  if (!item) fieldError('VALIDATION', 'error.stock.item', 'itemId');
  const packQty = toBaseQty(item, i.packSize.qty, i.packSize.unit, 'packSize');
  const before = catalogueEntry(ctx, i.supplierId, i.itemId);
  if (i.preferred) {
    ctx.sqlite
      .prepare(
        'UPDATE supplier_items SET preferred = 0, updated_at = ? WHERE item_id = ? AND supplier_id <> ? AND preferred = 1',
      )
      .run(ctx.now, i.itemId, i.supplierId);
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
    ctx.sqlite
      .prepare(
        `INSERT INTO supplier_items (id, supplier_id, item_id, supplier_code, pack_unit, pack_qty, price, preferred, active,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        i.supplierId,
        i.itemId,
        i.supplierCode,
        i.packUnit,
        packQty,
        i.price,
        i.preferred ? 1 : 0,
        i.active ? 1 : 0,
        ctx.now,
        ctx.now,
      );
    ctx.changed({
      table: 'supplier_items',
      id,
      op: 'insert',
      values: { supplierId: i.supplierId, itemId: i.itemId, ...values },
    });
    return entryById(ctx, id);
  }
  ctx.sqlite
    .prepare(
      `UPDATE supplier_items SET supplier_code = ?, pack_unit = ?, pack_qty = ?, price = ?, preferred = ?, active = ?,
         updated_at = ? WHERE id = ?`,
    )
    .run(i.supplierCode, i.packUnit, packQty, i.price, i.preferred ? 1 : 0, i.active ? 1 : 0, ctx.now, before.id);
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
  ctx.sqlite.prepare('DELETE FROM supplier_items WHERE id = ?').run(i.id);
  ctx.changed({
    table: 'supplier_items',
    id: i.id,
    op: 'delete',
    before: { supplierId: before.supplierId, itemCode: before.itemCode, price: before.price },
  });
  return { ok: true };
}
