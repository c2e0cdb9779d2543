import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { auditLog } from '../../db/schema';
import { sql } from '../../db/sql';

export const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

export interface AuditEntry {
  at: number;
  userId: string | null;
  username: string | null;
  method: string;
  detail: string;
}

type StoredRow = typeof auditLog.$inferSelect;

const metaValue = sql<{ value: string }, [string]>('SELECT value FROM meta WHERE key = ?');
const setMeta = sql<never, [string, string]>(
  'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
);
const insertEntry = sql<never, [number, number, string | null, string | null, string, string, string, string]>(
  'INSERT INTO audit_log (seq, at, user_id, username, method, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);
const entriesInOrder = sql<StoredRow>(
  'SELECT seq, at, user_id AS userId, username, method, detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq',
);

export function entryHash(prevHash: string, seq: number, e: AuditEntry): string {
  return createHash('sha256')
    .update([prevHash, seq, e.at, e.userId ?? '', e.username ?? '', e.method, e.detail].join('\u001f'))
    .digest('hex');
}

function readHead(sqlite: Database.Database): { seq: number; hash: string } {
  const row = metaValue.get(sqlite, HEAD_KEY);
  if (!row) return { seq: 0, hash: GENESIS };
  const [seq, hash] = row.value.split(':');
  return { seq: Number(seq), hash: hash ?? GENESIS };
}

/**
 * Appends one entry. Must run inside the caller's transaction, so the audit row
 * exists exactly when the change it describes does. The head (last seq and
 * hash) is kept in `meta` so deleting the newest rows is detectable too.
 */
export function appendAudit(sqlite: Database.Database, e: AuditEntry): number {
  const head = readHead(sqlite);
  const seq = head.seq + 1;
  const hash = entryHash(head.hash, seq, e);
  insertEntry.run(sqlite, seq, e.at, e.userId, e.username, e.method, e.detail, head.hash, hash);
  setMeta.run(sqlite, HEAD_KEY, `${seq}:${hash}`);
  return seq;
}

export type AuditProblemKind = 'edited' | 'missing' | 'head-mismatch';
export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
}

/**
 * Walks the whole chain. An edited row no longer matches its hash (or, if the
 * hash was recomputed too, the next row's prev_hash); a deleted row leaves a
 * gap in seq; deleted newest rows leave the recorded head pointing past the end.
 */
export function verifyAudit(sqlite: Database.Database): { checked: number; problems: AuditProblem[] } {
  const problems: AuditProblem[] = [];
  const rows = entriesInOrder.iterate(sqlite);
  let lastSeq = 0;
  let lastHash = GENESIS;
  let checked = 0;
  for (const row of rows) {
    checked++;
    if (row.seq !== lastSeq + 1) {
      problems.push({ seq: lastSeq + 1, kind: 'missing' });
    } else if (row.prevHash !== lastHash) {
      // the previous row was rewritten together with its own hash
      problems.push({ seq: lastSeq || row.seq, kind: 'edited' });
    }
    if (entryHash(row.prevHash, row.seq, row) !== row.hash) problems.push({ seq: row.seq, kind: 'edited' });
    lastSeq = row.seq;
    lastHash = row.hash;
  }
  const head = readHead(sqlite);
  if (head.seq !== lastSeq || head.hash !== lastHash) problems.push({ seq: head.seq, kind: 'head-mismatch' });
  const seen = new Set<string>();
  return {
    checked,
    problems: problems.filter((p) => {
      const k = `${p.seq}:${p.kind}`;
      return seen.has(k) ? false : (seen.add(k), true);
    }),
  };
}
