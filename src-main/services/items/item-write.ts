import type { ItemDetail, ItemInput } from '../../../src-shared/api/methods/items';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';
import { refuseHqOwnedEdits } from '../hq-owned';
import { findItem, getItem } from './item-read';
import { checkItem, dbLookups, type ItemIssue } from './item-rules';

/** Issues -> one AppError: CONFLICT when something clashes with existing data, else VALIDATION. */
export function issuesError(issues: ItemIssue[]): AppError {
  const conflict = issues.find((i) => i.conflict);
  const head = conflict ?? issues[0]!;
  return new AppError(
    conflict ? 'CONFLICT' : 'VALIDATION',
    head.key,
    head.params,
    issues.map((i) => ({ path: i.path, key: i.key, params: i.params })),
  );
}

/** The audit's picture of an item: units and barcodes as text so a diff can compare them. */
function auditView(i: ItemInput): Record<string, unknown> {
  const { units, barcodes, ...rest } = i;
  return {
    ...rest,
    units: units.map((u) => `${u.unit}=${u.factor}${u.purchase ? ' P' : ''}${u.count ? ' C' : ''}`).join(', '),
    barcodes: barcodes.map((b) => (b.unit ? `${b.barcode}:${b.unit}` : b.barcode)).join(', '),
  };
}

/** Writes the items row (insert or update) and clears its units and barcodes; returns its id. */
export function writeItemRow(ctx: Ctx, input: ItemInput, before: ItemDetail | undefined): string {
  const cols = [
    input.code,
    input.nameZh,
    input.nameEn,
    input.category,
    input.baseUnit,
    input.active ? 1 : 0,
    input.storageAreaId,
    input.shelfOrder,
    input.shelfLifeDays,
    input.parLevel,
    input.reorderPoint,
    input.lotTracked ? 1 : 0,
  ];
  if (!before) {
    const id = uuidv7(ctx.now);
    ctx.sqlite
      .prepare(
        `INSERT INTO items (code, name_zh, name_en, category, base_unit, active, storage_area_id, shelf_order,
           shelf_life_days, par_level, reorder_point, lot_tracked, id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...cols, id, ctx.now, ctx.now);
    ctx.changed({ table: 'items', id, op: 'insert', values: auditView(input) });
    return id;
  }
  refuseHqOwnedEdits(ctx, 'items', before, input, `${before.code} ${before.nameZh}`);
  ctx.sqlite
    .prepare(
      `UPDATE items SET code = ?, name_zh = ?, name_en = ?, category = ?, base_unit = ?, active = ?,
         storage_area_id = ?, shelf_order = ?, shelf_life_days = ?, par_level = ?, reorder_point = ?,
         lot_tracked = ?, updated_at = ? WHERE id = ?`,
    )
    .run(...cols, ctx.now, before.id);
  ctx.sqlite.prepare('DELETE FROM item_units WHERE item_id = ?').run(before.id);
  ctx.sqlite.prepare('DELETE FROM item_barcodes WHERE item_id = ?').run(before.id);
  const { id: _id, updatedAt: _u, ...old } = before;
  const change = diff(auditView(old), auditView(input));
  if (Object.keys(change.values).length) ctx.changed({ table: 'items', id: before.id, op: 'update', ...change });
  return before.id;
}

/**
 * Inserts the units and barcodes. A separate step from the row so an import
 * can first clear every item it touches: a barcode moving from one item to
 * another in the same file must be free before it is written again.
 */
export function writeItemChildren(ctx: Ctx, id: string, input: ItemInput): void {
  const unit = ctx.sqlite.prepare(
    'INSERT INTO item_units (item_id, unit, factor, purchase, count) VALUES (?, ?, ?, ?, ?)',
  );
  for (const u of input.units) unit.run(id, u.unit, u.factor, u.purchase ? 1 : 0, u.count ? 1 : 0);
  const code = ctx.sqlite.prepare('INSERT INTO item_barcodes (barcode, item_id, unit) VALUES (?, ?, ?)');
  for (const b of input.barcodes) code.run(b.barcode, id, b.unit);
}

export function createItem(ctx: Ctx, input: ItemInput): ItemDetail {
  const issues = checkItem(input, null, dbLookups(ctx));
  if (issues.length) throw issuesError(issues);
  const id = writeItemRow(ctx, input, undefined);
  writeItemChildren(ctx, id, input);
  return getItem(ctx, id);
}

export function updateItem(ctx: Ctx, input: ItemInput & { id: string }): ItemDetail {
  const before = findItem(ctx, 'id', input.id);
  if (!before) throw new AppError('NOT_FOUND');
  const { id, ...fields } = input;
  const issues = checkItem(fields, before, dbLookups(ctx));
  if (issues.length) throw issuesError(issues);
  writeItemRow(ctx, fields, before);
  writeItemChildren(ctx, id, fields);
  return getItem(ctx, id);
}
