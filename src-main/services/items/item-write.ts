import type { ItemDetail, ItemInput } from '../../../src-shared/api/methods/items';
import { eq } from 'drizzle-orm';
import { itemBarcodes, itemUnits, items } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';
import { refuseHqOwnedEdits, refuseHqOwnedRows } from '../hq-owned';
import { findItem, getItem } from './item-read';
import { checkItem, dbLookups, type ItemIssue } from './item-rules';

/* An import writes these for thousands of items in one go: prepared once, not built per row. */
const addUnit = sql<never, [itemId: string, unit: string, factor: number, purchase: 0 | 1, count: 0 | 1]>(
  'INSERT INTO item_units (item_id, unit, factor, purchase, count) VALUES (?, ?, ?, ?, ?)',
);
const addBarcode = sql<never, [barcode: string, itemId: string, unit: string]>(
  'INSERT INTO item_barcodes (barcode, item_id, unit) VALUES (?, ?, ?)',
);

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

/** Units or barcodes as a set: the form may list them in another order without changing them. */
const asSet = (list: string) => list.split(', ').sort().join(', ');

/**
 * After enrollment HQ owns the catalogue: no new items here (an import
 * included), and an item's units and barcodes are HQ's whole rows.
 */
function refuseHqOwnedItemRows(ctx: Ctx, input: ItemInput, before: ItemDetail | undefined): void {
  const what = `${before?.code ?? input.code} ${before?.nameZh ?? input.nameZh}`;
  if (!before) return refuseHqOwnedRows(ctx, 'items', what);
  const [was, now] = [auditView(before), auditView(input)];
  if (asSet(String(was.units)) !== asSet(String(now.units))) refuseHqOwnedRows(ctx, 'item_units', what);
  if (asSet(String(was.barcodes)) !== asSet(String(now.barcodes))) refuseHqOwnedRows(ctx, 'item_barcodes', what);
}

/** Writes the items row (insert or update) and clears its units and barcodes; returns its id. */
export function writeItemRow(ctx: Ctx, input: ItemInput, before: ItemDetail | undefined): string {
  const { units: _units, barcodes: _barcodes, ...row } = input;
  refuseHqOwnedItemRows(ctx, input, before);
  if (!before) {
    const id = uuidv7(ctx.now);
    ctx.db
      .insert(items)
      .values({ ...row, id, createdAt: ctx.now, updatedAt: ctx.now })
      .run();
    ctx.changed({ table: 'items', id, op: 'insert', values: auditView(input) });
    return id;
  }
  refuseHqOwnedEdits(ctx, 'items', before, input, `${before.code} ${before.nameZh}`);
  ctx.db
    .update(items)
    .set({ ...row, updatedAt: ctx.now })
    .where(eq(items.id, before.id))
    .run();
  ctx.db.delete(itemUnits).where(eq(itemUnits.itemId, before.id)).run();
  ctx.db.delete(itemBarcodes).where(eq(itemBarcodes.itemId, before.id)).run();
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
  for (const u of input.units) addUnit.run(ctx.sqlite, id, u.unit, u.factor, u.purchase ? 1 : 0, u.count ? 1 : 0);
  for (const b of input.barcodes) addBarcode.run(ctx.sqlite, b.barcode, id, b.unit);
}

export function createItem(ctx: Ctx, input: ItemInput): ItemDetail {
  // Before the fields are judged: at an enrolled store no new item can be right.
  refuseHqOwnedRows(ctx, 'items', `${input.code} ${input.nameZh}`);
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
