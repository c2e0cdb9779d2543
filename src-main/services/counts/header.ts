import type Database from 'better-sqlite3';
import type { CountHeaderDto } from '../../../src-shared/api/methods/counts';
import { toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';

/** What `stock_counts.scope` holds: the scope the count was started with, and where the frozen book ends. */
export interface StoredScope {
  areaIds: string[];
  categories: string[];
  /** The last ledger seq included in the frozen book: later rows happened during the count. */
  startSeq: number;
}

export interface CountRow {
  id: string;
  number: string;
  status: 'open' | 'posted' | 'cancelled';
  blind: boolean;
  scope: StoredScope;
  startedAt: number;
}

export function parseScope(json: string): StoredScope {
  const v = JSON.parse(json) as Partial<StoredScope>;
  return { areaIds: v.areaIds ?? [], categories: v.categories ?? [], startSeq: v.startSeq ?? 0 };
}

const HEADER_SQL = `SELECT c.id, c.number, c.status, c.blind, c.scope, c.started_at AS startedAt, c.posted_at AS postedAt,
    c.note, su.display_name AS startedBy, pu.display_name AS postedBy,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id) AS lines,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id AND l.counted_qty IS NOT NULL) AS counted
  FROM stock_counts c LEFT JOIN users su ON su.id = c.started_by LEFT JOIN users pu ON pu.id = c.posted_by`;

interface HeaderSqlRow {
  id: string;
  number: string;
  status: CountRow['status'];
  blind: number;
  scope: string;
  startedAt: number;
  postedAt: number | null;
  note: string;
  startedBy: string | null;
  postedBy: string | null;
  lines: number;
  counted: number;
}

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

export function listHeaders(sqlite: Database.Database, status: string | null): CountHeaderDto[] {
  const rows = sqlite
    .prepare(`${HEADER_SQL} WHERE (? IS NULL OR c.status = ?) ORDER BY c.started_at DESC, c.number DESC`)
    .all(status, status) as HeaderSqlRow[];
  return rows.map(toHeader);
}

export function headerDto(sqlite: Database.Database, id: string): CountHeaderDto {
  const row = sqlite.prepare(`${HEADER_SQL} WHERE c.id = ?`).get(id) as HeaderSqlRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'counts.error.notFound');
  return toHeader(row);
}

/** The count by id; `open` refuses a posted or cancelled one (it can no longer change). */
export function loadCount(sqlite: Database.Database, id: string, mustBeOpen = false): CountRow {
  const r = sqlite
    .prepare('SELECT id, number, status, blind, scope, started_at AS startedAt FROM stock_counts WHERE id = ?')
    .get(id) as (Omit<CountRow, 'blind' | 'scope'> & { blind: number; scope: string }) | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'counts.error.notFound');
  if (mustBeOpen && r.status !== 'open') {
    throw new AppError('CONFLICT', r.status === 'posted' ? 'counts.error.posted' : 'counts.error.cancelled', {
      number: r.number,
    });
  }
  return { ...r, blind: !!r.blind, scope: parseScope(r.scope) };
}
