import { toIso } from '../../../src-shared/time';
import type { auditLog } from '../../db/schema';
import { dynamicSql } from '../../db/sql';
import type { Ctx } from '../context';

type ListedEntry = Pick<typeof auditLog.$inferSelect, 'seq' | 'at' | 'userId' | 'username' | 'method' | 'detail'>;

export interface AuditListInput {
  limit: number;
  beforeSeq?: number | null;
  method?: string | null;
  username?: string | null;
}

/** Newest first, keyset-paged on seq so any page is an index range, however long the log. */
export function listAudit(ctx: Ctx, input: AuditListInput) {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (input.beforeSeq) {
    where.push('seq < ?');
    args.push(input.beforeSeq);
  }
  if (input.method) {
    where.push("method LIKE ? ESCAPE '\\'");
    args.push(`%${input.method.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (input.username) {
    where.push('lower(username) = lower(?)');
    args.push(input.username);
  }
  const rows = dynamicSql<ListedEntry>(
    ctx.sqlite,
    `SELECT seq, at, user_id AS userId, username, method, detail FROM audit_log
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT ?`,
  ).all(...args, input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    rows: page.map((r) => ({ ...r, at: toIso(r.at)! })),
    nextBeforeSeq: rows.length > input.limit ? page[page.length - 1]!.seq : null,
  };
}
