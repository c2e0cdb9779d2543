import type { PushRequest } from '../../src-shared/sync/protocol';
import { sql, type Conn } from '../db/sql';

const head = sql<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
const at = sql<{ hash: string }, [number]>('SELECT hash FROM audit_log WHERE seq = ?');

/**
 * The audit chain's head for HQ to record, and the proof HQ asked for: the
 * hash, as this database has it now, of the entry HQ recorded last. A chain
 * rewritten since would give another hash, and HQ flags the store.
 */
export function auditAnchor(conn: Conn, proofSeq: number | null): PushRequest['audit'] {
  const h = head.get(conn) ?? { seq: 0, hash: '' };
  if (proofSeq === null) return { head: h, proof: null };
  return { head: h, proof: { seq: proofSeq, hash: at.get(conn, proofSeq)?.hash ?? '' } };
}
