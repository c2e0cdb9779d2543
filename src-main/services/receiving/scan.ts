import type { ScanOutcome } from '../../../src-shared/api/methods/receiving';
import { classifyScan } from '../../../src-shared/barcode/scan';
import { weightToBaseQty } from '../../../src-shared/devices';
import type { items } from '../../db/schema';
import { sql, type Sql } from '../../db/sql';
import type { Ctx } from '../context';
import { storeSettings } from '../store/settings';

/** An item found by a scan, and the unit one scan of the code stands for ('' for an item code). */
type BarcodeHit = Pick<typeof items.$inferSelect, 'code' | 'nameZh' | 'nameEn' | 'baseUnit'> & {
  itemId: string;
  unit: string;
  /** 0/1: raw SQL does not map drizzle's boolean mode. */
  active: number;
};

const itemByBarcode = sql<
  BarcodeHit,
  [string]
>(`SELECT b.item_id AS itemId, b.unit, i.code, i.name_zh AS nameZh, i.name_en AS nameEn,
  i.base_unit AS baseUnit, i.active
  FROM item_barcodes b JOIN items i ON i.id = b.item_id WHERE b.barcode = ?`);

const itemByCode = sql<BarcodeHit, [string]>(
  `SELECT id AS itemId, '' AS unit, code, name_zh AS nameZh, name_en AS nameEn, base_unit AS baseUnit, active
   FROM items WHERE code = ? COLLATE NOCASE`,
);

function findFirst(ctx: Ctx, query: Sql<BarcodeHit, [string]>, keys: readonly string[]): BarcodeHit | undefined {
  for (const k of keys) {
    const hit = query.get(ctx.sqlite, k);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * What one scan means on the receiving screen: which item (by barcode, by a
 * variable-measure item reference registered as the barcode `<prefix><ref>`,
 * by GTIN, or by item code), and what the code itself says (weight, lot,
 * expiry). Never guesses: an unknown or malformed code says why.
 */
export function resolveScan(ctx: Ctx, input: { text: string }): ScanOutcome {
  const s = storeSettings(ctx.db);
  const scan = classifyScan(input.text, {
    variableLayouts: s.variableLayouts,
    ...(s.scanSeparator ? { gs1Separator: s.scanSeparator } : {}),
  });
  const text = input.text.trim();
  const item = (hit: BarcodeHit | undefined) =>
    hit && {
      id: hit.itemId,
      code: hit.code,
      nameZh: hit.nameZh,
      nameEn: hit.nameEn,
      baseUnit: hit.baseUnit,
      unit: hit.unit,
      active: hit.active === 1,
    };

  switch (scan.kind) {
    case 'invalid': {
      // A label printed by another system may still be an item code: try it before refusing.
      const hit = scan.code === 'check_digit' ? undefined : findFirst(ctx, itemByCode, [scan.text]);
      if (hit) return { status: 'item', scanKind: 'code', text, item: item(hit)! };
      return { status: 'invalid', scanKind: 'invalid', text, reason: scan.reason };
    }
    case 'variable': {
      const hit = findFirst(ctx, itemByBarcode, [scan.layout.prefix + scan.itemRef]);
      if (!hit) return { status: 'unknown', scanKind: 'variable', text, reason: scan.layout.prefix + scan.itemRef };
      const weightQty = scan.weight ? weightToBaseQty(scan.weight, hit.baseUnit) : null;
      return {
        status: 'item',
        scanKind: 'variable',
        text,
        item: item(hit)!,
        ...(scan.weight && weightQty !== null ? { weight: scan.weight, qty: Number(weightQty) } : {}),
        ...(scan.price4 !== undefined ? { price: scan.price4 } : {}),
      };
    }
    case 'gs1': {
      const f = scan.fields;
      const hit = scan.lookup.length ? findFirst(ctx, itemByBarcode, scan.lookup) : undefined;
      const extras = {
        ...(f.lot ? { lot: f.lot } : {}),
        ...(f.expiry ? { expiry: f.expiry } : f.bestBefore ? { expiry: f.bestBefore } : {}),
      };
      if (!hit) return { status: 'unknown', scanKind: 'gs1', text, reason: scan.gtin ?? text, ...extras };
      const grams = f.netWeightGrams;
      return {
        status: 'item',
        scanKind: 'gs1',
        text,
        item: item(hit)!,
        ...extras,
        ...(grams !== undefined && hit.baseUnit === 'g'
          ? { weight: { amount: grams, decimals: 0, unit: 'g' as const }, qty: grams * 1000 }
          : {}),
      };
    }
    case 'ean13':
    case 'ean8':
    case 'upc': {
      const hit = findFirst(ctx, itemByBarcode, scan.lookup);
      if (!hit) return { status: 'unknown', scanKind: scan.kind, text, reason: scan.code };
      return { status: 'item', scanKind: scan.kind, text, item: item(hit)! };
    }
    case 'code': {
      const hit = findFirst(ctx, itemByBarcode, [scan.code]) ?? findFirst(ctx, itemByCode, [scan.code]);
      if (!hit) return { status: 'unknown', scanKind: 'code', text, reason: scan.code };
      return { status: 'item', scanKind: 'code', text, item: item(hit)! };
    }
  }
}
