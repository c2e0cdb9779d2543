import type { BaseUnit } from './items-data';

/** Storage areas of the demo hot-pot restaurant, in walking order. */
export const DEMO_AREAS = [
  { code: 'COOL', nameZh: '冷库', nameEn: 'Walk-in cooler' },
  { code: 'FRZ', nameZh: '冻库', nameEn: 'Freezer' },
  { code: 'DRY', nameZh: '干货库', nameEn: 'Dry store' },
  { code: 'SPICE', nameZh: '调料间', nameEn: 'Seasoning room' },
  { code: 'BAR', nameZh: '酒水吧台', nameEn: 'Drinks bar' },
  { code: 'SUPPLY', nameZh: '杂物间', nameEn: 'Supplies room' },
] as const;

/** Names of the category keys the demo items use (items-data.ts). */
export const DEMO_CATEGORIES = [
  { code: 'meat', nameZh: '肉类', nameEn: 'Meat' },
  { code: 'seafood', nameZh: '水产', nameEn: 'Seafood' },
  { code: 'vegetables', nameZh: '蔬菜', nameEn: 'Vegetables' },
  { code: 'soy products', nameZh: '豆制品', nameEn: 'Soy products' },
  { code: 'dry goods', nameZh: '干货', nameEn: 'Dry goods' },
  { code: 'sauces & seasonings', nameZh: '调料', nameEn: 'Sauces & seasonings' },
  { code: 'beverages', nameZh: '酒水饮料', nameEn: 'Beverages' },
  { code: 'packaging', nameZh: '包材', nameEn: 'Packaging' },
  { code: 'cleaning', nameZh: '清洁用品', nameEn: 'Cleaning supplies' },
] as const;

/** How one pack is bought, per base unit: [unit, base units in one pack, par in packs, reorder point in packs]. */
type Pack = readonly [unit: string, perPack: number, par: number, reorder: number];

export interface StockProfile {
  area: (typeof DEMO_AREAS)[number]['code'];
  /** Days; null = does not expire. */
  shelfLife: number | null;
  packs: Partial<Record<BaseUnit, Pack>>;
  /** Packaged goods carry a manufacturer's EAN-13. */
  barcode: boolean;
}

/** Per code prefix: where it is kept, how long it keeps, how it is bought. */
export const STOCK_PROFILES: Record<string, StockProfile> = {
  MEAT: { area: 'FRZ', shelfLife: 180, packs: { g: ['箱', 10_000, 4, 2], pc: ['箱', 360, 2, 1] }, barcode: false },
  SEA: { area: 'FRZ', shelfLife: 90, packs: { g: ['箱', 10_000, 3, 1] }, barcode: false },
  VEG: { area: 'COOL', shelfLife: 5, packs: { g: ['袋', 5_000, 3, 1] }, barcode: false },
  SOY: { area: 'COOL', shelfLife: 4, packs: { g: ['袋', 5_000, 2, 1] }, barcode: false },
  DRY: { area: 'DRY', shelfLife: 365, packs: { g: ['袋', 10_000, 3, 1], pc: ['箱', 24, 2, 1] }, barcode: true },
  SAUCE: {
    area: 'SPICE',
    shelfLife: 540,
    packs: { g: ['件', 12_000, 2, 1], ml: ['桶', 5_000, 4, 2] },
    barcode: true,
  },
  BEV: { area: 'BAR', shelfLife: 365, packs: { pc: ['箱', 24, 10, 4], ml: ['桶', 5_000, 2, 1] }, barcode: true },
  PACK: { area: 'SUPPLY', shelfLife: null, packs: { pc: ['件', 500, 4, 2] }, barcode: true },
  CLEAN: { area: 'SUPPLY', shelfLife: 730, packs: { ml: ['桶', 5_000, 3, 1], pc: ['袋', 50, 2, 1] }, barcode: true },
};

/** Counted in kg / L on the shelf, whatever the pack; pieces are counted in packs. */
export const COUNT_UNITS: Partial<Record<BaseUnit, readonly [unit: string, base: number]>> = {
  g: ['kg', 1_000],
  ml: ['L', 1_000],
};
