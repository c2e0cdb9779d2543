import type { ItemInput } from '../../../src-shared/api/methods/items';
import type { MessageKey } from '../../../src-shared/i18n';
import type { items, storageAreas } from '../../db/schema';
import { sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { barcodeCheckOk } from './barcode';

/** One problem with an item, at a dotted path of its input. `conflict`: it clashes with other data. */
export interface ItemIssue {
  path: string;
  key: MessageKey;
  params?: Record<string, string | number>;
  conflict?: boolean;
}

/** What the rules need to know about the rest of the store; the import answers some from the file. */
export interface ItemLookups {
  categoryExists(code: string): boolean;
  area(id: string): { code: string; active: boolean } | undefined;
  /** Id of the item that has this code, if any. */
  codeOwner(code: string): string | undefined;
  /** Code of the other item holding the barcode, unless that item gives it up in the same call. */
  barcodeOwner(barcode: string, selfId: string | null): string | undefined;
  hasMoves(itemId: string): boolean;
}

type Item = typeof items.$inferSelect;
const categoryWithCode = sql<{ found: 1 }, [code: string]>('SELECT 1 AS found FROM item_categories WHERE code = ?');
const areaById = sql<SqlRow<Pick<typeof storageAreas.$inferSelect, 'code' | 'active'>>, [id: string]>(
  'SELECT code, active FROM storage_areas WHERE id = ?',
);
const itemWithCode = sql<Pick<Item, 'id'>, [code: string]>('SELECT id FROM items WHERE code = ? COLLATE NOCASE');
const barcodeHolder = sql<Pick<Item, 'id' | 'code'>, [barcode: string]>(
  'SELECT b.item_id AS id, i.code FROM item_barcodes b JOIN items i ON i.id = b.item_id WHERE b.barcode = ?',
);
const anyMoveOf = sql<{ found: 1 }, [itemId: string]>('SELECT 1 AS found FROM stock_moves WHERE item_id = ? LIMIT 1');

/** The store's answers, one keyed read each (an import asks them for every row of its file). */
export function dbLookups(ctx: Ctx): ItemLookups {
  const conn = ctx.sqlite;
  return {
    categoryExists: (c) => categoryWithCode.get(conn, c) !== undefined,
    area: (id) => {
      const r = areaById.get(conn, id);
      return r && { code: r.code, active: r.active === 1 };
    },
    codeOwner: (c) => itemWithCode.get(conn, c)?.id,
    barcodeOwner: (b, selfId) => {
      const r = barcodeHolder.get(conn, b);
      return r && r.id !== selfId ? r.code : undefined;
    },
    hasMoves: (id) => anyMoveOf.get(conn, id) !== undefined,
  };
}

/**
 * Every rule an item must meet beyond its shape (zod checks that): references
 * that exist, unique code and barcodes, units that make sense. Returns all the
 * problems at once so a form or an import row can show them together.
 */
export function checkItem(
  input: ItemInput,
  self: { id: string; baseUnit: string } | null,
  look: ItemLookups,
): ItemIssue[] {
  const issues: ItemIssue[] = [];
  const add = (path: string, key: MessageKey, params?: Record<string, string | number>, conflict = false) =>
    issues.push({ path, key, params, conflict });

  const owner = look.codeOwner(input.code);
  if (owner && owner !== self?.id) add('code', 'items.codeTaken', { code: input.code }, true);
  if (!look.categoryExists(input.category)) add('category', 'items.categoryUnknown', { category: input.category });
  if (input.storageAreaId) {
    const area = look.area(input.storageAreaId);
    if (!area) add('storageAreaId', 'items.areaUnknown', { area: input.storageAreaId });
    else if (!area.active) add('storageAreaId', 'items.areaInactive', { area: area.code });
  }
  if (self && self.baseUnit !== input.baseUnit && look.hasMoves(self.id)) {
    add('baseUnit', 'items.baseUnitLocked', { unit: self.baseUnit });
  }
  if (input.parLevel !== null && input.reorderPoint !== null && input.reorderPoint > input.parLevel) {
    add('reorderPoint', 'items.reorderAbovePar');
  }

  const unitNames = new Set<string>();
  input.units.forEach((u, i) => {
    const name = u.unit.toLowerCase();
    if (name === input.baseUnit) add(`units.${i}.unit`, 'items.unitIsBase', { unit: u.unit });
    else if (unitNames.has(name)) add(`units.${i}.unit`, 'items.unitDuplicate', { unit: u.unit });
    unitNames.add(name);
  });
  if (input.units.filter((u) => u.purchase).length > 1) add('units', 'items.onePurchaseUnit');
  if (input.units.filter((u) => u.count).length > 1) add('units', 'items.oneCountUnit');

  const seen = new Set<string>();
  input.barcodes.forEach((b, i) => {
    const path = `barcodes.${i}.barcode`;
    if (seen.has(b.barcode)) add(path, 'items.barcodeDuplicate', { barcode: b.barcode });
    seen.add(b.barcode);
    if (!barcodeCheckOk(b.barcode)) add(path, 'items.barcodeCheckDigit', { barcode: b.barcode });
    const other = look.barcodeOwner(b.barcode, self?.id ?? null);
    if (other) add(path, 'items.barcodeTaken', { barcode: b.barcode, code: other }, true);
    if (b.unit && !unitNames.has(b.unit.toLowerCase())) {
      add(`barcodes.${i}.unit`, 'items.barcodeUnitUnknown', { barcode: b.barcode, unit: b.unit });
    }
  });
  return issues;
}
