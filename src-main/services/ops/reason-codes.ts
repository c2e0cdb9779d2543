import { sql } from '../../db/sql';
import type { reasonCodes } from '../../db/schema';
import type { Ctx } from '../context';

export type ReasonName = Pick<typeof reasonCodes.$inferSelect, 'code' | 'nameZh' | 'nameEn'>;

/**
 * The reason codes every store starts with, per kind: waste (报损) and the
 * rejection of goods at the door. Admins rename, add and deactivate codes
 * (reason-admin.ts); HQ will own them once sync exists.
 */
export const DEFAULT_REASONS = {
  waste: [
    { code: 'spoiled', nameZh: '变质', nameEn: 'Spoiled' },
    { code: 'expired', nameZh: '过期', nameEn: 'Expired' },
    { code: 'prep', nameZh: '备料损耗', nameEn: 'Prep waste' },
    { code: 'damaged', nameZh: '破损', nameEn: 'Damaged' },
    { code: 'return', nameZh: '客退', nameEn: 'Customer return' },
    { code: 'other', nameZh: '其他', nameEn: 'Dropped / other' },
  ],
  reject: [
    { code: 'damaged', nameZh: '破损', nameEn: 'Damaged' },
    { code: 'temperature', nameZh: '温度不合格', nameEn: 'Temperature' },
    { code: 'expired', nameZh: '已过期', nameEn: 'Expired' },
    { code: 'short_dated', nameZh: '保质期不足', nameEn: 'Short-dated' },
    { code: 'quality', nameZh: '质量问题', nameEn: 'Quality' },
    { code: 'wrong_item', nameZh: '错货', nameEn: 'Wrong item' },
    { code: 'over_delivery', nameZh: '超量送货', nameEn: 'Over-delivery' },
    { code: 'other', nameZh: '其他', nameEn: 'Other' },
  ],
} as const satisfies Record<string, readonly ReasonName[]>;

export type DefaultedReasonKind = keyof typeof DEFAULT_REASONS;

const activeOfKind = sql<ReasonName, [kind: string]>(
  'SELECT code, name_zh AS nameZh, name_en AS nameEn FROM reason_codes WHERE kind = ? AND active = 1 ORDER BY rowid',
);

/** The active codes of a kind, in the order they were added (the built-in ones are seeded once per database: services/system/seeds.ts). */
export function activeReasons(ctx: Pick<Ctx, 'sqlite'>, kind: DefaultedReasonKind): ReasonName[] {
  return activeOfKind.all(ctx.sqlite, kind);
}
