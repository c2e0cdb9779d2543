import type { Ctx } from '../context';
import { requireUser } from '../context';

/** Largest preference value stored; grid column state is a few KB at most. */
const MAX_BYTES = 64 * 1024;

export function getPref(ctx: Ctx, key: string): { value: unknown } {
  const row = ctx.sqlite
    .prepare('SELECT value FROM prefs WHERE user_id = ? AND key = ?')
    .get(requireUser(ctx).id, key) as { value: string } | undefined;
  return { value: row ? (JSON.parse(row.value) as unknown) : null };
}

export function setPref(ctx: Ctx, key: string, value: unknown): { ok: true } {
  const json = JSON.stringify(value ?? null);
  if (json.length > MAX_BYTES) throw new Error(`preference ${key} is too large (${json.length} bytes)`);
  ctx.sqlite
    .prepare(
      `INSERT INTO prefs (user_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(requireUser(ctx).id, key, json, ctx.now);
  return { ok: true };
}
