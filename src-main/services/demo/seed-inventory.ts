import { inArray } from 'drizzle-orm';
import { itemBarcodes, itemCategories, items, itemUnits, storageAreas } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { DEMO_AREAS, DEMO_CATEGORIES } from './inventory-data';
import { itemStockSeeds } from './inventory-rows';
import { itemSeeds } from './rows';

/**
 * Storage areas, categories, and the demo items with their inventory settings
 * (area, shelf order, shelf life, par, purchase/count units, barcodes). Units
 * and barcodes are added only for items inserted by this run, so an item the
 * store has edited since is never changed back.
 */
export function seedInventory(
  ctx: Ctx,
): Record<'storage_areas' | 'item_categories' | 'items' | 'item_units' | 'item_barcodes', number> {
  const stamp = () => ({ id: uuidv7(ctx.now), createdAt: ctx.now, updatedAt: ctx.now });
  const areaCount = ctx.db
    .insert(storageAreas)
    .values(DEMO_AREAS.map((a, i) => ({ ...a, sortOrder: (i + 1) * 10, ...stamp() })))
    .onConflictDoNothing({ target: storageAreas.code })
    .run().changes;
  const categoryCount = ctx.db
    .insert(itemCategories)
    .values(DEMO_CATEGORIES.map((c, i) => ({ ...c, sortOrder: (i + 1) * 10, ...stamp() })))
    .onConflictDoNothing({ target: itemCategories.code })
    .run().changes;

  const areaIds = new Map(
    ctx.db
      .select({ id: storageAreas.id, code: storageAreas.code })
      .from(storageAreas)
      .where(
        inArray(
          storageAreas.code,
          DEMO_AREAS.map((a) => a.code),
        ),
      )
      .all()
      .map((a) => [a.code, a.id]),
  );
  const stock = new Map(itemStockSeeds().map((s) => [s.code, s]));
  const inserted = ctx.db
    .insert(items)
    .values(
      itemSeeds().map((r) => {
        const s = stock.get(r.code)!;
        return {
          ...r,
          storageAreaId: areaIds.get(s.areaCode) ?? null,
          shelfOrder: s.shelfOrder,
          shelfLifeDays: s.shelfLifeDays,
          parLevel: s.parLevel,
          reorderPoint: s.reorderPoint,
          lotTracked: s.lotTracked,
          ...stamp(),
        };
      }),
    )
    .onConflictDoNothing({ target: items.code })
    .returning({ id: items.id, code: items.code })
    .all();

  const units = inserted.flatMap((it) => stock.get(it.code)!.units.map((u) => ({ itemId: it.id, ...u })));
  const codes = inserted.flatMap((it) => {
    const b = stock.get(it.code)!.barcode;
    return b ? [{ itemId: it.id, barcode: b, unit: '' }] : [];
  });
  const unitCount = units.length ? ctx.db.insert(itemUnits).values(units).onConflictDoNothing().run().changes : 0;
  // A barcode the store already gave to one of its own items stays there.
  const barcodeCount = codes.length ? ctx.db.insert(itemBarcodes).values(codes).onConflictDoNothing().run().changes : 0;
  return {
    storage_areas: areaCount,
    item_categories: categoryCount,
    items: inserted.length,
    item_units: unitCount,
    item_barcodes: barcodeCount,
  };
}
