import type { MoveKind } from '../../../src-shared/stock-kinds';
import { DEFAULT_REASONS } from '../ops/reason-codes';

/**
 * A deterministic model of a restaurant's stock over time, shared by the demo
 * store's year of movements (posted through postMoves) and the benchmark data
 * generator (bulk-written): seasonal demand, deliveries every few days when
 * stock falls under the reorder point, purchase prices that drift, daily
 * usage and sales depletion, some waste with reasons, monthly counts.
 */
export interface SimItem {
  id: string;
  areaId: string;
  /** Typical daily use, thousandths of the base unit. */
  dailyUse: number;
  /** Ten-thousandths of the currency per base unit (per g, ml or piece); drifts over time. */
  price: number;
  /** Days of use a delivery brings stock up to, and the point that triggers one. */
  coverDays: number;
  reorderDays: number;
  /** Share of use recorded as sales depletion (POS) rather than kitchen issues. */
  saleShare: number;
  wasteRate: number;
  /** Peak month of the item's season (0-11) and how strong the season is. */
  peakMonth: number;
  seasonality: number;
  onHand: number;
}

export interface SimMove {
  itemId: string;
  areaId: string;
  kind: MoveKind;
  qty: number;
  value?: number;
  occurredAt: number;
  reason?: string;
  docType?: string;
  docId?: string;
}

/** mulberry32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The built-in waste reasons, in their order, each with its share of the waste. */
const WASTE_REASONS = DEFAULT_REASONS.waste.map((r) => r.code);
const WASTE_WEIGHTS = [0.35, 0.25, 0.2, 0.1, 0.05, 0.05];

const HOUR = 3600_000;
/** Whole base units (1 g, 1 ml, 1 piece): nobody weighs usage to the milligram. */
const whole = (q: number) => Math.max(1000, Math.round(q / 1000) * 1000);

export function randomItem(r: () => number, id: string, areaId: string, unit: 'g' | 'ml' | 'pc'): SimItem {
  const dailyUse = unit === 'pc' ? whole(20_000 + r() * 300_000) : whole(300_000 + r() * 8_000_000);
  const perUnit = unit === 'pc' ? 500 + r() * 40_000 : 2 + r() * 1_500; // ¥0.05-¥4 per piece, ¥2-¥150 per kg
  return {
    id,
    areaId,
    dailyUse,
    price: Math.round(perUnit),
    coverDays: 3 + Math.floor(r() * 5),
    reorderDays: 1 + Math.floor(r() * 2),
    saleShare: r() < 0.92 ? 0.3 + r() * 0.5 : 0,
    wasteRate: 0.01 + r() * 0.05,
    peakMonth: Math.floor(r() * 12),
    seasonality: r() * 0.4,
    onHand: 0,
  };
}

export interface DayContext {
  /** Instant the business day starts (store time zone). */
  start: number;
  month: number;
  weekday: number;
  /** Record a stocktake today: every item gets a count adjustment under this count id. */
  countId?: string;
  /** Probability that an item with sales records its sales depletion separately today. */
  salesShare?: number;
}

/** The movements of one item on one day, in time order; updates `it.onHand` and the drifting price. */
export function simulateItemDay(it: SimItem, d: DayContext, r: () => number, out: SimMove[]): void {
  const base = { itemId: it.id, areaId: it.areaId };
  const season = 1 + it.seasonality * Math.cos(((d.month - it.peakMonth) / 12) * 2 * Math.PI);
  const weekend = d.weekday === 5 || d.weekday === 6 ? 1.35 : 1;
  const demand = it.dailyUse * season * weekend * (0.7 + r() * 0.6);
  it.price = Math.max(1, Math.round(it.price * (1 + (r() - 0.5) * 0.02)));
  if (it.onHand < it.dailyUse * it.reorderDays) {
    const qty = whole(it.dailyUse * it.coverDays - it.onHand);
    out.push({
      ...base,
      kind: 'receipt',
      qty,
      value: Math.round((qty / 1000) * it.price),
      occurredAt: d.start + 7 * HOUR + Math.floor(r() * HOUR),
    });
    it.onHand += qty;
  }
  const sales = it.saleShare > 0 && r() < (d.salesShare ?? 1) ? Math.min(whole(demand * it.saleShare), it.onHand) : 0;
  const issue = Math.min(whole(demand - sales), it.onHand - sales);
  if (issue > 0) {
    out.push({ ...base, kind: 'issue', qty: issue, occurredAt: d.start + 10 * HOUR + Math.floor(r() * 2 * HOUR) });
    it.onHand -= issue;
  }
  if (sales > 0) {
    out.push({ ...base, kind: 'sale', qty: sales, occurredAt: d.start + 21 * HOUR + Math.floor(r() * HOUR) });
    it.onHand -= sales;
  }
  if (it.onHand > 1000 && r() < it.wasteRate) {
    const qty = Math.min(whole(it.onHand * (0.01 + r() * 0.05)), it.onHand);
    let x = r();
    let k = 0;
    while (k < WASTE_WEIGHTS.length - 1 && (x -= WASTE_WEIGHTS[k]!) > 0) k++;
    out.push({
      ...base,
      kind: 'waste',
      qty,
      reason: WASTE_REASONS[k],
      occurredAt: d.start + 22 * HOUR + Math.floor(r() * HOUR),
    });
    it.onHand -= qty;
  }
  if (d.countId && it.onHand > 0) {
    const diff = Math.round((it.onHand * (r() - 0.6) * 0.03) / 1000) * 1000;
    if (diff !== 0 && it.onHand + diff >= 0) {
      out.push({
        ...base,
        kind: 'count_adjust',
        qty: diff,
        docType: 'count',
        docId: d.countId,
        occurredAt: d.start + 23 * HOUR + Math.floor(r() * 50 * 60_000),
      });
      it.onHand += diff;
    }
  }
}
