import type { StoreSettingsDto } from '../../../src-shared/api/methods/store';
import type { Ctx } from '../context';
import { activeReasons } from '../ops/reason-codes';
import { storeSettings } from '../store/settings';

/** The active rejection reasons (reason_codes, kind 'reject'; the built-in ones are seeded once, services/system/seeds.ts). */
export function rejectReasons(ctx: Ctx) {
  return activeReasons(ctx, 'reject');
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
