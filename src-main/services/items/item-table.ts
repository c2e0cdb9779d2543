import type { ItemDetail, ItemRow } from '../../../src-shared/api/methods/items';
import type { MessageKey } from '../../../src-shared/i18n';
import { formatQty, parseScaled, QTY_SCALE } from '../../../src-shared/quantity';

/**
 * The item master as a flat table (CSV and XLSX share it). Quantities in the
 * file are decimals in the item's base unit (purchase_factor 10000 for a 10 kg
 * case of an item kept in g), because that is what people type; the API's
 * thousandths never appear in a file.
 */
export const COLUMNS = [
  'code',
  'name_zh',
  'name_en',
  'category',
  'base_unit',
  'purchase_unit',
  'purchase_factor',
  'count_unit',
  'count_factor',
  'barcodes',
  'storage_area',
  'shelf_order',
  'shelf_life_days',
  'par_level',
  'reorder_point',
  'lot_tracked',
  'active',
] as const;
export type Column = (typeof COLUMNS)[number];

export interface CellIssue {
  column: Column;
  key: MessageKey;
  params?: Record<string, string | number>;
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const qtyText = (q: number | null) => (q === null ? '' : formatQty(q));

/** One item as file cells, in COLUMNS order. */
export function itemToCells(
  r: ItemRow & { areaCode: string | null },
  barcodes: readonly { barcode: string; unit: string }[],
): Record<Column, string | number> {
  return {
    code: r.code,
    name_zh: r.nameZh,
    name_en: r.nameEn,
    category: r.category,
    base_unit: r.baseUnit,
    purchase_unit: r.purchaseUnit ?? '',
    purchase_factor: qtyText(r.purchaseFactor),
    count_unit: r.countUnit ?? '',
    count_factor: qtyText(r.countFactor),
    barcodes: barcodes.map((b) => (b.unit ? `${b.barcode}:${b.unit}` : b.barcode)).join('|'),
    storage_area: r.areaCode ?? '',
    shelf_order: r.shelfOrder,
    shelf_life_days: r.shelfLifeDays ?? '',
    par_level: qtyText(r.parLevel),
    reorder_point: qtyText(r.reorderPoint),
    lot_tracked: yesNo(r.lotTracked),
    active: yesNo(r.active),
  };
}

const BASE_UNITS: Record<string, 'g' | 'ml' | 'pc'> = {
  g: 'g',
  克: 'g',
  ml: 'ml',
  毫升: 'ml',
  pc: 'pc',
  pcs: 'pc',
  个: 'pc',
};
const TRUE = new Set(['yes', 'y', 'true', '1', '是', '√']);
const FALSE = new Set(['no', 'n', 'false', '0', '否', '×']);

/** How the import resolves names in a file to the store's rows. */
export interface Resolver {
  category(text: string): string | undefined;
  area(text: string): string | undefined;
}

/**
 * Builds the candidate API input for one row: cells the file has override the
 * existing item (matched by code); columns the file leaves out keep what the
 * item has. The result still goes through the API's zod schema and rules.
 */
export function cellsToCandidate(
  get: (c: Column) => string | undefined,
  existing: ItemDetail | undefined,
  resolve: Resolver,
): { candidate: Record<string, unknown>; issues: CellIssue[]; unitColumns: Column[] } {
  const issues: CellIssue[] = [];
  const bad = (column: Column, key: MessageKey, params?: Record<string, string | number>) =>
    issues.push({ column, key, params });
  const has = (c: Column) => get(c) !== undefined;
  const text = (c: Column) => (get(c) ?? '').trim();
  const c: Record<string, unknown> = existing
    ? { ...existing, id: undefined, updatedAt: undefined }
    : { units: [], barcodes: [], storageAreaId: null };
  delete c.id;
  delete c.updatedAt;

  c.code = text('code');
  if (has('name_zh')) c.nameZh = text('name_zh');
  if (has('name_en')) c.nameEn = text('name_en');
  if (has('category')) {
    const v = text('category');
    const code = v ? resolve.category(v) : undefined;
    if (v && !code) bad('category', 'items.categoryUnknown', { category: v });
    c.category = code ?? v;
  }
  if (has('base_unit')) {
    const v = text('base_unit');
    const unit = BASE_UNITS[v.toLowerCase()];
    if (v && !unit) bad('base_unit', 'items.import.unknownUnit', { unit: v });
    c.baseUnit = unit ?? (v || undefined);
  }
  if (has('storage_area')) {
    const v = text('storage_area');
    const id = v ? resolve.area(v) : null;
    if (v && !id) bad('storage_area', 'items.areaUnknown', { area: v });
    c.storageAreaId = id ?? null;
  }

  const int = (col: Column, empty: number | null): number | null | undefined => {
    const v = text(col);
    if (!v) return empty;
    if (!/^\d+$/.test(v)) bad(col, 'items.import.notInteger', { value: v });
    return Number(v);
  };
  const qty = (col: Column): number | null => {
    const v = text(col);
    if (!v) return null;
    const q = parseScaled(v, QTY_SCALE);
    if (q === null) bad(col, 'items.import.notQuantity', { value: v });
    return q;
  };
  const bool = (col: Column, empty: boolean): boolean => {
    const v = text(col).toLowerCase();
    if (!v) return empty;
    if (TRUE.has(v)) return true;
    if (!FALSE.has(v)) bad(col, 'items.import.notYesNo', { value: v });
    return false;
  };
  if (has('shelf_order')) c.shelfOrder = int('shelf_order', 0);
  if (has('shelf_life_days')) c.shelfLifeDays = int('shelf_life_days', null);
  if (has('par_level')) c.parLevel = qty('par_level');
  if (has('reorder_point')) c.reorderPoint = qty('reorder_point');
  if (has('lot_tracked')) c.lotTracked = bool('lot_tracked', false);
  if (has('active')) c.active = bool('active', true);

  let unitColumns: Column[] = [];
  if (has('purchase_unit') || has('count_unit')) {
    const units: { unit: string; factor: number; purchase: boolean; count: boolean }[] = [];
    const take = (unitCol: Column, factorCol: Column, flag: 'purchase' | 'count') => {
      const old = existing?.units.find((u) => u[flag]);
      if (!has(unitCol)) {
        if (old) units.push({ ...old, purchase: flag === 'purchase', count: flag === 'count' });
        if (old) unitColumns.push(unitCol);
        return;
      }
      const unit = text(unitCol);
      const f = text(factorCol);
      if (!unit && !f) return;
      if (!unit) return bad(unitCol, 'items.import.unitMissing', { factor: f });
      if (!f) return bad(factorCol, 'items.import.factorMissing', { unit });
      const factor = parseScaled(f, QTY_SCALE);
      if (factor === null || factor <= 0) return bad(factorCol, 'items.import.notFactor', { value: f });
      const same = units.find((u) => u.unit.toLowerCase() === unit.toLowerCase());
      if (same) {
        if (same.factor !== factor) bad(factorCol, 'items.import.unitFactorClash', { unit });
        same[flag] = true;
        return;
      }
      units.push({ unit, factor, purchase: flag === 'purchase', count: flag === 'count' });
      unitColumns.push(unitCol);
    };
    take('purchase_unit', 'purchase_factor', 'purchase');
    take('count_unit', 'count_factor', 'count');
    // Units that are neither the purchase nor the count unit are not in the file: keep them.
    for (const u of existing?.units ?? []) {
      if (!u.purchase && !u.count && !units.some((n) => n.unit.toLowerCase() === u.unit.toLowerCase())) {
        units.push(u);
        unitColumns.push('purchase_unit');
      }
    }
    c.units = units;
  } else {
    unitColumns = (existing?.units ?? []).map((u) => (u.count && !u.purchase ? 'count_unit' : 'purchase_unit'));
  }

  if (has('barcodes')) {
    c.barcodes = text('barcodes')
      .split(/[|｜]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [barcode, unit] = s.split(/[:：]/, 2);
        return { barcode: barcode!.trim(), unit: (unit ?? '').trim() };
      });
  }
  return { candidate: c, issues, unitColumns };
}

/** Maps an API input path (from zod or the item rules) back to the file column it came from. */
export function columnOf(path: string, unitColumns: readonly Column[]): Column {
  const [head, index] = path.split('.');
  switch (head) {
    case 'nameZh':
      return 'name_zh';
    case 'nameEn':
      return 'name_en';
    case 'baseUnit':
      return 'base_unit';
    case 'storageAreaId':
      return 'storage_area';
    case 'shelfOrder':
      return 'shelf_order';
    case 'shelfLifeDays':
      return 'shelf_life_days';
    case 'parLevel':
      return 'par_level';
    case 'reorderPoint':
      return 'reorder_point';
    case 'lotTracked':
      return 'lot_tracked';
    case 'units':
      return unitColumns[Number(index)] ?? 'purchase_unit';
    case 'code':
    case 'category':
    case 'barcodes':
    case 'active':
      return head;
    default:
      return 'code';
  }
}
