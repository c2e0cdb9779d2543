import { eq } from 'drizzle-orm';
import type { CountHeaderDto } from '../../../src-shared/api/methods/counts';
import { toIso } from '../../../src-shared/time';
import type { Db } from '../../db/client';
import { stockCounts, type users } from '../../db/schema';
import { sql, type Conn, type SqlRow } from '../../db/sql';
import { AppError } from '../app-error';

/** What `stock_counts.scope` holds: the scope the count was started with, and where the frozen book ends. */
export interface StoredScope {
  areaIds: string[];
  categories: string[];
  /** The last ledger seq included in the frozen book: later rows happened during the count. */
  startSeq: number;
}

type Count = typeof stockCounts.$inferSelect;
export type CountRow = Pick<Count, 'id' | 'number' | 'status' | 'blind' | 'startedAt'> & { scope: StoredScope };

export function parseScope(json: string): StoredScope {
  const v = JSON.parse(json) as Partial<StoredScope>;
  return { areaIds: v.areaIds ?? [], categories: v.categories ?? [], startSeq: v.startSeq ?? 0 };
}

const HEADER_SQL = `SELECT c.id, c.number, c.status, c.blind, c.scope, c.started_at AS startedAt, c.posted_at AS postedAt,
    c.note, su.display_name AS startedBy, pu.display_name AS postedBy,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id) AS lines,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id AND l.counted_qty IS NOT NULL) AS counted
  FROM stock_counts c LEFT JOIN users su ON su.id = c.started_by LEFT JOIN users pu ON pu.id = c.posted_by`;

type UserName = (typeof users.$inferSelect)['displayName'] | null;
type HeaderSqlRow = SqlRow<
  Pick<Count, 'id' | 'number' | 'status' | 'blind' | 'scope' | 'startedAt' | 'postedAt' | 'note'>
> & {
  startedBy: UserName;
  postedBy: UserName;
  lines: number;
  counted: number;
};
const headersByStatus = sql<HeaderSqlRow, [status: string | null, status: string | null]>(
  `${HEADER_SQL} WHERE (? IS NULL OR c.status = ?) ORDER BY c.started_at DESC, c.number DESC`,
);
const headerById = sql<HeaderSqlRow, [id: string]>(`${HEADER_SQL} WHERE c.id = ?`);

function toHeader(r: HeaderSqlRow): CountHeaderDto {
  const scope = parseScope(r.scope);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    blind: !!r.blind,
    areaIds: scope.areaIds,
    categories: scope.categories,
    startedAt: toIso(r.startedAt)!,
    startedBy: r.startedBy,
    postedAt: toIso(r.postedAt),
    postedBy: r.postedBy,
    note: r.note,
    lines: r.lines,
    counted: r.counted,
  };
}

export function listHeaders(sqlite: Conn, status: string | null): CountHeaderDto[] {
  return headersByStatus.all(sqlite, status, status).map(toHeader);
}

export function headerDto(sqlite: Conn, id: string): CountHeaderDto {
  const row = headerById.get(sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', 'counts.error.notFound');
  return toHeader(row);
}

/** The count by id; `open` refuses a posted or cancelled one (it can no longer change). */
export function loadCount(db: Db, id: string, mustBeOpen = false): CountRow {
  const r = db
    .select({
      id: stockCounts.id,
      number: stockCounts.number,
      status: stockCounts.status,
      blind: stockCounts.blind,
      scope: stockCounts.scope,
      startedAt: stockCounts.startedAt,
    })
    .from(stockCounts)
    .where(eq(stockCounts.id, id))
    .get();
  if (!r) throw new AppError('NOT_FOUND', 'counts.error.notFound');
  if (mustBeOpen && r.status !== 'open') {
    throw new AppError('CONFLICT', r.status === 'posted' ? 'counts.error.posted' : 'counts.error.cancelled', {
      number: r.number,
    });
  }
  return { ...r, scope: parseScope(r.scope) };
}
