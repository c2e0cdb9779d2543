import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { Conn } from '../db/sql';
import { firstWaitingSeq } from './outbox';
import { setSyncState, syncStateOf } from './state';

/**
 * The outbox stream HQ acknowledges by (store, stream, seq). A database
 * restored from a backup numbers its outbox from where the backup stood, so
 * its new entries would take numbers HQ already acknowledged and be skipped
 * as duplicates: such a database must push on a new stream.
 *
 * How a restored copy is recognised: before every push the worker writes a
 * fresh `epoch` into the database and, once committed, into a file beside it
 * (`sync-stream`). A backup made before that push holds an older epoch than
 * the file; one made after it already holds every entry the push carried, so
 * its numbering cannot collide. Any mismatch starts a new stream: resending
 * the waiting entries under it is harmless (HQ upserts rows by id).
 */
export interface StreamMark {
  streamId: string;
  epoch: string;
}

export function readStreamMark(file: string): StreamMark | null {
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as StreamMark;
    return typeof m.streamId === 'string' && typeof m.epoch === 'string' ? m : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file, flushed, then renamed: the file is always one whole mark. */
export function writeStreamMark(file: string, mark: StreamMark): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(mark));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** True when this database is not the one that made the last push from this data directory. */
export function looksRestored(conn: Conn, file: string): boolean {
  const s = syncStateOf(conn);
  if (!s.streamId) return false;
  const mark = readStreamMark(file);
  if (!mark) return s.epoch !== null;
  return mark.streamId !== s.streamId || mark.epoch !== s.epoch;
}

/** A new stream starting at the first waiting entry (or the next one to come). */
export function startNewStream(conn: Conn): string {
  const streamId = randomUUID();
  setSyncState(conn, { streamId, streamBase: firstWaitingSeq(conn) - 1, epoch: null, auditProofSeq: null });
  return streamId;
}

/** A new epoch in the database (call inside the transaction that reads the batch). */
export function newEpoch(conn: Conn): StreamMark {
  const epoch = randomUUID();
  setSyncState(conn, { epoch });
  return { streamId: syncStateOf(conn).streamId!, epoch };
}
