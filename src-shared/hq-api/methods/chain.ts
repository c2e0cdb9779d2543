import { z } from 'zod';
import { Money, Qty } from '../../api/methods/stock';
import { SUMMARY_COLUMNS } from '../../api/methods/reports';
import { hqQuery } from '../contract';
import type { HqRole } from '../roles';
import { StoreHealthDto, StoreId } from './stores';

/**
 * The chain views (issue 12): dashboard, stock on hand, expiring lots, period
 * summary and waste across stores. Every one reads only the stores in the
 * caller's scope; `storeIds` narrows that further. Read by admins, operations
 * and viewers; the maintenance team works repairs, not stock.
 */
export const CHAIN_READERS = ['admin', 'operations', 'viewer'] as const satisfies readonly HqRole[];

/** Stores shown side by side on the stock page; more would not fit a screen (and would weigh megabytes). */
export const STOCK_COLUMNS = 20;
/** Lots listed at most, earliest expiry first: the rest is counted. */
export const EXPIRING_LIMIT = 2_000;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'hq.validation.month' });
const Picked = z.array(StoreId).max(1000).optional();
const Category = z.string().max(80).nullish();

const StoreLabel = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** The region's Chinese and English names ('' when the store has none). */
  region: z.string(),
  regionEn: z.string(),
  timezone: z.string(),
});
const ItemLabel = z.object({
  itemId: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  categoryZh: z.string(),
  categoryEn: z.string(),
  baseUnit: z.string(),
});
const figures = Object.fromEntries(SUMMARY_COLUMNS.flatMap((c) => [`${c}Qty`, `${c}Value`]).map((k) => [k, Money])) as {
  [K in `${(typeof SUMMARY_COLUMNS)[number]}${'Qty' | 'Value'}`]: typeof Money;
};
const Figures = z.object(figures);

export const ChainDashboardDto = z.object({
  month: z.string(),
  stores: z.array(
    StoreHealthDto.extend({
      stockValue: Money,
      receiptValue: Money,
      usageValue: Money,
      wasteValue: Money,
      /** waste ÷ (usage + waste) in basis points; null when nothing was consumed. */
      wasteBp: z.number().int().nullable(),
      openRepairs: z.number().int(),
      overdueRepairs: z.number().int(),
    }),
  ),
  trend: z.array(z.object({ day: z.string(), value: Money })),
});
export type ChainDashboardDto = z.infer<typeof ChainDashboardDto>;

export const ChainStockDto = z.object({
  stores: z.array(StoreLabel),
  items: z.array(
    ItemLabel.extend({
      qty: Qty,
      value: Money,
      /** Stores holding (or owing) some. */
      holding: z.number().int(),
      /** [index in `stores`, quantity, value], stores with nothing left out. */
      cells: z.array(z.tuple([z.number().int(), Qty, Money])),
    }),
  ),
});
export type ChainStockDto = z.infer<typeof ChainStockDto>;

export const ChainExpiringDto = z.object({
  days: z.number().int(),
  /** Lots in the window in all; `lots` holds the first EXPIRING_LIMIT. */
  total: z.number().int(),
  lots: z.array(
    ItemLabel.extend({
      storeId: z.string(),
      storeCode: z.string(),
      storeName: z.string(),
      areaCode: z.string(),
      lot: z.string(),
      expiry: z.string(),
      daysLeft: z.number().int(),
      qty: Qty,
      value: Money,
    }),
  ),
});
export type ChainExpiringDto = z.infer<typeof ChainExpiringDto>;

export const ChainSummaryDto = z.object({
  month: z.string(),
  stores: z.array(StoreLabel.merge(Figures)),
  total: Figures,
  items: z.array(ItemLabel.merge(Figures)),
});
export type ChainSummaryDto = z.infer<typeof ChainSummaryDto>;

export const ChainWasteDto = z.object({
  month: z.string(),
  reasons: z.array(
    z.object({
      reason: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      moves: z.number().int(),
      value: Money,
    }),
  ),
  cells: z.array(
    z.object({
      storeId: z.string(),
      reason: z.string(),
      moves: z.number().int(),
      value: Money,
    }),
  ),
});
export type ChainWasteDto = z.infer<typeof ChainWasteDto>;

export const hqChainMethods = {
  'chain.dashboard': hqQuery({
    input: z.object({ month: Month, storeIds: Picked }),
    output: ChainDashboardDto,
    access: CHAIN_READERS,
  }),
  /**
   * The chain's stock per item; each store's cells for one item, or for the
   * picked stores when there are at most STOCK_COLUMNS of them (side by side).
   */
  'chain.stock': hqQuery({
    input: z.object({ storeIds: Picked, category: Category, itemId: z.string().max(80).nullish() }),
    output: ChainStockDto,
    access: CHAIN_READERS,
  }),
  /** Lots expiring within `days` (default a week: time to move stock between stores) and lots already expired. */
  'chain.expiring': hqQuery({
    input: z.object({
      days: z.number().int().min(0).max(365).default(7),
      storeIds: Picked,
      category: Category,
    }),
    output: ChainExpiringDto,
    access: CHAIN_READERS,
  }),
  /** Per store and the chain's total; `items`: item by item too (all the picked stores together). */
  'chain.summary': hqQuery({
    input: z.object({ month: Month, storeIds: Picked, category: Category, items: z.boolean().default(false) }),
    output: ChainSummaryDto,
    access: CHAIN_READERS,
  }),
  'chain.waste': hqQuery({
    input: z.object({ month: Month, storeIds: Picked, category: Category }),
    output: ChainWasteDto,
    access: CHAIN_READERS,
  }),
} as const;
