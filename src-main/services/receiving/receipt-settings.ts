import type { reasonCodes } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import type { StoreSettingsDto } from '../../../src-shared/api/methods/store';
import { storeSettings } from '../store/settings';

/** The rejection reasons every store starts with (reason_codes, kind 'reject'); admins may add more later. */
export const DEFAULT_REJECT_REASONS = [
  { code: 'damaged', nameZh: '破损', nameEn: 'Damaged' },
  { code: 'temperature', nameZh: '温度不合格', nameEn: 'Temperature' },
  { code: 'expired', nameZh: '已过期', nameEn: 'Expired' },
  { code: 'short_dated', nameZh: '保质期不足', nameEn: 'Short-dated' },
  { code: 'quality', nameZh: '质量问题', nameEn: 'Quality' },
  { code: 'wrong_item', nameZh: '错货', nameEn: 'Wrong item' },
  { code: 'over_delivery', nameZh: '超量送货', nameEn: 'Over-delivery' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
] as const;

type Reason = Pick<typeof reasonCodes.$inferSelect, 'code' | 'nameZh' | 'nameEn'>;
const activeRejectReasons = sql<Reason>(
  "SELECT code, name_zh AS nameZh, name_en AS nameEn FROM reason_codes WHERE kind = 'reject' AND active = 1 ORDER BY rowid",
);

/** The active rejection reasons (the defaults above are seeded once per database, services/system/seeds.ts). */
export function rejectReasons(ctx: Ctx): Reason[] {
  return activeRejectReasons.all(ctx.sqlite);
}

export type TempClass = 'ambient' | 'chilled' | 'frozen';

/**
 * Cold-chain class by item category (store settings): chilled and frozen
 * goods need a temperature reading at the door, checked against the store's
 * limit for the class. Frozen wins if a category is listed in both.
 */
export function tempRule(
  ctx: Ctx,
  category: string,
  s: StoreSettingsDto = storeSettings(ctx.db),
): { tempClass: TempClass; limit: number | null } {
  if (s.frozenCategories.includes(category)) return { tempClass: 'frozen', limit: s.frozenMaxTemp };
  if (s.chilledCategories.includes(category)) return { tempClass: 'chilled', limit: s.chilledMaxTemp };
  return { tempClass: 'ambient', limit: null };
}

export function receivingSettings(ctx: Ctx) {
  const s = storeSettings(ctx.db);
  return {
    rejectReasons: rejectReasons(ctx),
    tolerancePercent: s.receiveTolerancePercent,
    chilledMaxTemp: s.chilledMaxTemp,
    frozenMaxTemp: s.frozenMaxTemp,
  };
}
