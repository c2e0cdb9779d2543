import { ean13 } from '../items/barcode';
import { COUNT_UNITS, STOCK_PROFILES } from './inventory-data';
import { itemSeeds } from './rows';

const M = 1000; // thousandths per base unit

export interface ItemStockSeed {
  code: string;
  areaCode: string;
  shelfOrder: number;
  shelfLifeDays: number | null;
  lotTracked: boolean;
  parLevel: number;
  reorderPoint: number;
  units: { unit: string; factor: number; purchase: boolean; count: boolean }[];
  barcode: string | null;
}

/**
 * The inventory side of each demo item, derived from its code prefix and
 * position (so it is the same on every run). Shelf order walks each area in
 * steps of 10, leaving room to slot new items in between.
 */
export function itemStockSeeds(): ItemStockSeed[] {
  const perArea = new Map<string, number>();
  return itemSeeds().map((item, i) => {
    const prefix = item.code.split('-')[0]!;
    const p = STOCK_PROFILES[prefix]!;
    const [unit, perPack, par, reorder] = p.packs[item.baseUnit] ?? ['箱', 1_000, 2, 1];
    const count = COUNT_UNITS[item.baseUnit];
    const shelf = (perArea.get(p.area) ?? 0) + 10;
    perArea.set(p.area, shelf);
    const units = [{ unit, factor: perPack * M, purchase: true, count: !count }];
    if (count) units.push({ unit: count[0], factor: count[1] * M, purchase: false, count: true });
    return {
      code: item.code,
      areaCode: p.area,
      shelfOrder: shelf,
      shelfLifeDays: p.shelfLife,
      // Fresh seafood and meat are received in lots with a use-by date.
      lotTracked: prefix === 'SEA' || prefix === 'MEAT',
      parLevel: par * perPack * M,
      reorderPoint: reorder * perPack * M,
      units,
      barcode: p.barcode ? ean13('6920' + String(100_000_000 + i).slice(1)) : null,
    };
  });
}
