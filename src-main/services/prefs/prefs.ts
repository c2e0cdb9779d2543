import type { Ctx } from '../context';
import { requireUser } from '../context';

export function getPref(ctx: Ctx, key: string): { value: unknown } {
  const row = ctx.sqlite
    .prepare('SELECT value FROM prefs WHERE user_id = ? AND key = ?')
    .get(requireUser(ctx).id, key) as { value: string } | undefined;
  return { value: row ? (JSON.parse(row.value) as unknown) : null };
}

export function setPref(ctx: Ctx, key: string, value: unknown): { ok: true } {
  // The contract bounds the value's size and depth (methods/prefs.ts).
  const json = JSON.stringify(value ?? null);
  ctx.sqlite
    .prepare(
      `INSERT INTO prefs (user_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(requireUser(ctx).id, key, json, ctx.now);
  return { ok: true };
}
