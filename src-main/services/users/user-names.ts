import type { users } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';

/* A keyed read, but prepared SQL: lists ask it for every row's "created by" (receipts per line). */
const displayNameOf = sql<Pick<typeof users.$inferSelect, 'displayName'>, [id: string]>(
  'SELECT display_name AS displayName FROM users WHERE id = ?',
);

/** Display names of users by id, for "created by" columns. */
export function userName(ctx: Pick<Ctx, 'sqlite'>, id: string | null): string | null {
  if (!id) return null;
  return displayNameOf.get(ctx.sqlite, id)?.displayName ?? null;
}
