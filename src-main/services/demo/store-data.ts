/** The demo restaurant: one store of a Sichuan hot-pot chain in central Shanghai. */
export const DEMO_STORE = {
  code: 'SH-001',
  name: '蜀香阁 · 人民广场店',
  address: '上海市黄浦区西藏中路 218 号 3 楼',
  timezone: 'Asia/Shanghai',
  currency: 'CNY',
} as const;

/**
 * Which demo restaurant: HQ's demo (src-hq/tools/demo-stores.ts) seeds several
 * stores from this same code, each with its own seed (so their waste, stock
 * and repairs differ) and, in its test, a shorter span.
 */
export interface DemoVariant {
  seed: number;
  days: number;
  /** How much more often than the model's rate the kitchen throws food away (1: as modelled). */
  wasteScale?: number;
}

export const DEFAULT_DEMO_VARIANT: DemoVariant = { seed: 0, days: 365 };
