import { and, asc, eq } from 'drizzle-orm';
import type { HqBarcodeDto, HqItemUnitDto } from '../../../src-shared/hq-api/methods/master-data';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { itemBarcodes, items, itemUnits } from '../../db/schema';
import { fieldError } from './codes';
import { deleteMasterRow, saveMasterRow, type MasterWriter } from './save-row';

/** An item's purchase and count units (with their factors) and its barcodes. */

export async function listUnits(q: Q, itemId: string) {
  const units = await q.select().from(itemUnits).where(eq(itemUnits.itemId, itemId)).orderBy(asc(itemUnits.factor));
  const codes = await q
    .select()
    .from(itemBarcodes)
    .where(eq(itemBarcodes.itemId, itemId))
    .orderBy(asc(itemBarcodes.barcode));
  return {
    units: units.map((u): HqItemUnitDto => ({
      itemId: u.itemId,
      unit: u.unit,
      factor: u.factor,
      purchase: u.purchase === 1,
      count: u.count === 1,
    })),
    barcodes: codes.map((c): HqBarcodeDto => ({ barcode: c.barcode, itemId: c.itemId, unit: c.unit })),
  };
}

async function requireItem(q: Q, itemId: string) {
  const [item] = await q.select({ code: items.code, baseUnit: items.baseUnit }).from(items).where(eq(items.id, itemId));
  if (!item) throw fieldError('NOT_FOUND', 'itemId', 'hq.error.unknownRef');
  return item;
}

export async function saveUnit(w: MasterWriter, i: HqItemUnitDto): Promise<HqItemUnitDto> {
  const item = await requireItem(w.q, i.itemId);
  // Every quantity in this unit is multiplied by the factor at every store: 0 would turn stock into nothing.
  if (i.factor < 1) throw fieldError('VALIDATION', 'factor', 'hqm.e.factorZero', { unit: i.unit, base: item.baseUnit });
  if (i.unit === item.baseUnit) throw fieldError('VALIDATION', 'unit', 'hqm.e.unitIsBase', { unit: i.unit });
  await saveMasterRow(w, 'item_units', {
    item_id: i.itemId,
    unit: i.unit,
    factor: i.factor,
    purchase: i.purchase ? 1 : 0,
    count: i.count ? 1 : 0,
  });
  return i;
}

export async function saveBarcode(w: MasterWriter, i: HqBarcodeDto & { create: boolean }): Promise<HqBarcodeDto> {
  await requireItem(w.q, i.itemId);
  const [taken] = await w.q
    .select({ itemId: itemBarcodes.itemId, code: items.code })
    .from(itemBarcodes)
    .innerJoin(items, eq(items.id, itemBarcodes.itemId))
    .where(eq(itemBarcodes.barcode, i.barcode));
  if (taken && (i.create || taken.itemId !== i.itemId)) {
    throw fieldError('CONFLICT', 'barcode', 'hqm.e.barcodeTaken', { barcode: i.barcode, item: taken.code });
  }
  if (!taken && !i.create) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  if (i.unit !== '') {
    const [unit] = await w.q
      .select({ unit: itemUnits.unit })
      .from(itemUnits)
      .where(and(eq(itemUnits.itemId, i.itemId), eq(itemUnits.unit, i.unit)));
    if (!unit) throw fieldError('VALIDATION', 'unit', 'hqm.e.barcodeUnit', { unit: i.unit });
  }
  await saveMasterRow(w, 'item_barcodes', { barcode: i.barcode, item_id: i.itemId, unit: i.unit });
  return { barcode: i.barcode, itemId: i.itemId, unit: i.unit };
}

/** A barcode no store document names: removing it (a misprinted code) is safe, unlike the other rows. */
export async function removeBarcode(w: MasterWriter, barcode: string): Promise<void> {
  await deleteMasterRow(w, 'item_barcodes', { barcode });
}
