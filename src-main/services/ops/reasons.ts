import type { Ctx } from '../context';

/** The waste reasons every store starts with; admins may add more later (HQ-owned once sync exists). */
export const DEFAULT_WASTE_REASONS = [
  { code: 'spoiled', nameZh: '变质', nameEn: 'Spoiled' },
  { code: 'expired', nameZh: '过期', nameEn: 'Expired' },
  { code: 'prep', nameZh: '备料损耗', nameEn: 'Prep waste' },
  { code: 'damaged', nameZh: '破损', nameEn: 'Damaged' },
  { code: 'return', nameZh: '客退', nameEn: 'Customer return' },
  { code: 'other', nameZh: '其他', nameEn: 'Dropped / other' },
] as const;

/**
 * Inserted lazily (INSERT OR IGNORE on the primary key kind+code) so any
 * database, old or new, demo or empty, has them without a migration, and a
 * renamed or deactivated reason is never overwritten.
 */
export function ensureWasteReasons(ctx: Ctx): void {
  const have = ctx.sqlite.prepare("SELECT count(*) AS n FROM reason_codes WHERE kind = 'waste'").get() as { n: number };
  if (have.n >= DEFAULT_WASTE_REASONS.length) return;
  const ins = ctx.sqlite.prepare(
    "INSERT OR IGNORE INTO reason_codes (code, kind, name_zh, name_en, active) VALUES (?, 'waste', ?, ?, 1)",
  );
  ctx.sqlite.transaction(() => {
    for (const r of DEFAULT_WASTE_REASONS) ins.run(r.code, r.nameZh, r.nameEn);
  })();
}

export function wasteReasons(ctx: Ctx) {
  ensureWasteReasons(ctx);
  return ctx.sqlite
    .prepare(
      "SELECT code, name_zh AS nameZh, name_en AS nameEn FROM reason_codes WHERE kind = 'waste' AND active = 1 ORDER BY rowid",
    )
    .all() as { code: string; nameZh: string; nameEn: string }[];
}
