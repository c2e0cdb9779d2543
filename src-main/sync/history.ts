import type { DeadLetterDto, SyncRunDto } from '../../src-shared/api/methods/sync';
import { sql, type Conn } from '../db/sql';

/**
 * The sync screen's lists: one row per worker run (idle checks that found
 * nothing fold into one row, so a quiet day is not 2,880 rows) and the dead
 * letters with their reasons.
 */
type Trigger = SyncRunDto['trigger'];
type Result = SyncRunDto['result'];

interface RunRow {
  id: number;
  startedAt: number;
  endedAt: number | null;
  trigger: Trigger;
  sent: number;
  received: number;
  deadLetters: number;
  late: number;
  result: Result;
  code: string | null;
  message: string;
}

const insertRun = sql<never, [number, Trigger]>(
  "INSERT INTO sync_runs (started_at, trigger, result) VALUES (?, ?, 'running')",
);
const lastRuns = sql<RunRow, [number]>(
  `SELECT id, started_at AS startedAt, ended_at AS endedAt, trigger, sent, received, dead_letters AS deadLetters,
          late, result, code, message FROM sync_runs ORDER BY id DESC LIMIT ?`,
);
const endRun = sql<never, [number, number, number, number, number, Result, string | null, string, number]>(
  `UPDATE sync_runs SET ended_at = ?, sent = ?, received = ?, dead_letters = ?, late = ?, result = ?, code = ?, message = ?
   WHERE id = ?`,
);
const dropRun = sql<never, [number]>('DELETE FROM sync_runs WHERE id = ?');
const extendRun = sql<never, [number, number]>('UPDATE sync_runs SET ended_at = ? WHERE id = ?');
const prune = sql<never, [number]>('DELETE FROM sync_runs WHERE id <= (SELECT max(id) FROM sync_runs) - ?');

export function startRun(conn: Conn, at: number, trigger: Trigger): number {
  return Number(insertRun.run(conn, at, trigger).lastInsertRowid);
}

export interface RunEnd {
  sent: number;
  received: number;
  deadLetters: number;
  late: number;
  result: Exclude<Result, 'running'>;
  code: string | null;
  message: string;
}

const KEEP_RUNS = 2000;

export function finishRun(conn: Conn, id: number, at: number, end: RunEnd): void {
  conn.transaction(() => {
    const quiet = end.result === 'ok' && !end.sent && !end.received && !end.deadLetters && !end.message;
    const [, previous] = lastRuns.all(conn, 2);
    const prevQuiet =
      previous?.result === 'ok' && !previous.sent && !previous.received && !previous.deadLetters && !previous.message;
    if (quiet && prevQuiet && previous) {
      dropRun.run(conn, id);
      extendRun.run(conn, at, previous.id);
    } else {
      endRun.run(conn, at, end.sent, end.received, end.deadLetters, end.late, end.result, end.code, end.message, id);
    }
    prune.run(conn, KEEP_RUNS);
  })();
}

const iso = (ms: number) => new Date(ms).toISOString();

export function runHistory(conn: Conn, limit: number): SyncRunDto[] {
  return lastRuns.all(conn, limit).map((r) => ({
    ...r,
    startedAt: iso(r.startedAt),
    endedAt: r.endedAt === null ? null : iso(r.endedAt),
  }));
}

const letters = sql<Omit<DeadLetterDto, 'at'> & { at: number }, [number]>(
  `SELECT id, direction, tbl AS "table", row_id AS rowId, op, seq, reason, data, at
   FROM sync_dead_letters ORDER BY id DESC LIMIT ?`,
);
const letterCount = sql<{ n: number }>('SELECT count(*) AS n FROM sync_dead_letters');

export function deadLetters(conn: Conn, limit: number): DeadLetterDto[] {
  return letters.all(conn, limit).map((r) => ({ ...r, at: iso(r.at) }));
}

export function deadLetterCount(conn: Conn): number {
  return letterCount.get(conn)?.n ?? 0;
}
