import { and, eq } from 'drizzle-orm';
import { prefs } from '../../db/schema';
import type { Ctx } from '../context';
import { requireUser } from '../context';

export function getPref(ctx: Ctx, key: string): { value: unknown } {
  const row = ctx.db
    .select({ value: prefs.value })
    .from(prefs)
    .where(and(eq(prefs.userId, requireUser(ctx).id), eq(prefs.key, key)))
    .get();
  return { value: row ? (JSON.parse(row.value) as unknown) : null };
}

export function setPref(ctx: Ctx, key: string, value: unknown): { ok: true } {
  // The contract bounds the value's size and depth (methods/prefs.ts).
  const json = JSON.stringify(value ?? null);
  ctx.db
    .insert(prefs)
    .values({ userId: requireUser(ctx).id, key, value: json, updatedAt: ctx.now })
    .onConflictDoUpdate({ target: [prefs.userId, prefs.key], set: { value: json, updatedAt: ctx.now } })
    .run();
  return { ok: true };
}
