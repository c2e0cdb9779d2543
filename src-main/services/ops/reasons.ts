import type { Ctx } from '../context';

/** The waste reasons every store starts with (seeded once, services/system/seeds.ts); admins may add more later (HQ-owned once sync exists). */
export const DEFAULT_WASTE_REASONS = [
  { code: 'spoiled', nameZh: '变质', nameEn: 'Spoiled' },
  { code: 'expired', nameZh: '过期', nameEn: 'Expired' },
  { code: 'prep', nameZh: '备料损耗', nameEn: 'Prep waste' },
  { code: 'damaged', nameZh: '破损', nameEn: 'Damaged' },
  { code: 'return', nameZh: '客退', nameEn: 'Customer return' },
  { code: 'other', nameZh: '其他', nameEn: 'Dropped / other' },
] as const;

export function wasteReasons(ctx: Ctx) {
  return ctx.sqlite
    .prepare(
      "SELECT code, name_zh AS nameZh, name_en AS nameEn FROM reason_codes WHERE kind = 'waste' AND active = 1 ORDER BY rowid",
    )
    .all() as { code: string; nameZh: string; nameEn: string }[];
}
