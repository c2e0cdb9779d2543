import type { Ctx } from '../context';

/** Display names of users by id, for "created by" columns. */
export function userName(ctx: Ctx, id: string | null): string | null {
  if (!id) return null;
  const r = ctx.sqlite.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(id) as { n: string } | undefined;
  return r?.n ?? null;
}
