import { randomUUID } from 'node:crypto';
import type { HybridClock } from '../../src-shared/sync/hlc';
import type { OutboxEntry, PushRequest, PushResponse } from '../../src-shared/sync/protocol';
import { sql, type Conn } from '../db/sql';
import { auditAnchor } from './audit-anchor';
import { saveClock } from './clock';
import { dropAcknowledged, entriesFor, nextEntries, waitingCount, type OutboxRow } from './outbox';
import { setSyncState, syncStateOf } from './state';
import { looksRestored, newEpoch, startNewStream, writeStreamMark, type StreamMark } from './stream';

/**
 * One push: the oldest waiting entries (contiguous, up to `limit`) read with
 * their rows as they are now, sent as one batch; HQ's acknowledgement applied
 * in one local transaction (entries dropped up to the ack, HQ's dead letters
 * recorded with what they were, the audit seq HQ wants proven next).
 */
export interface PreparedBatch {
  request: Omit<PushRequest, 'requestId'>;
  rows: OutboxRow[];
  base: number;
  /** This database turned out to be a restored copy: it pushes on a new stream from now on. */
  newStream: boolean;
}

/** A batch's JSON must stay under HQ's 8 MB body limit, whatever its rows hold. */
const MAX_BATCH_BYTES = 6 * 1024 * 1024;

export interface PrepareOptions {
  limit: number;
  /** The stream mark beside the database (null: not checked, e.g. a database without a data directory). */
  streamFile: string | null;
  clock: HybridClock;
  versions: PushRequest['versions'];
  now: number;
}

export function prepareBatch(conn: Conn, opts: PrepareOptions): PreparedBatch | null {
  let mark: StreamMark | null = null;
  const batch = conn
    .transaction((): PreparedBatch | null => {
      let newStream = false;
      if (opts.streamFile && looksRestored(conn, opts.streamFile)) {
        // A stream that never pushed (just enrolled, or renewed after a gap) moves on quietly.
        newStream = syncStateOf(conn).epoch !== null;
        startNewStream(conn);
      }
      let rows = nextEntries(conn, opts.limit);
      if (!rows.length) return null;
      const s = syncStateOf(conn);
      let entries: OutboxEntry[] = entriesFor(conn, rows, s.streamBase);
      while (entries.length > 1 && Buffer.byteLength(JSON.stringify(entries)) > MAX_BATCH_BYTES) {
        rows = rows.slice(0, Math.ceil(rows.length / 2));
        entries = entries.slice(0, rows.length);
      }
      if (opts.streamFile) mark = newEpoch(conn);
      const stamp = opts.clock.now();
      saveClock(conn, opts.clock);
      return {
        rows,
        base: s.streamBase,
        newStream,
        request: {
          storeId: s.storeId!,
          batchId: randomUUID(),
          streamId: s.streamId!,
          fromSeq: entries[0]!.seq,
          toSeq: entries[entries.length - 1]!.seq,
          versions: opts.versions,
          clock: stamp,
          sentAt: opts.now,
          audit: auditAnchor(conn, s.auditProofSeq),
          backlog: waitingCount(conn) - rows.length,
          entries,
        },
      };
    })
    .immediate();
  // Only once the new epoch is committed: a backup taken from now on holds it.
  if (batch && mark && opts.streamFile) writeStreamMark(opts.streamFile, mark);
  return batch;
}

const recordUp = sql<never, [string, number, string, string, string, string, string, number]>(
  `INSERT INTO sync_dead_letters (direction, stream_id, seq, tbl, row_id, op, reason, data, at)
   VALUES ('up', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (stream_id, seq) DO NOTHING`,
);

export interface AckOutcome {
  /** Entries HQ now holds (applied, duplicate or dead-lettered). */
  acknowledged: number;
  deadLetters: number;
  late: number;
  /** HQ holds more of this stream than this database ever sent: a restored copy the stream mark missed. */
  streamAhead: boolean;
}

export function applyAck(conn: Conn, batch: PreparedBatch, ack: PushResponse, now: number): AckOutcome {
  return conn
    .transaction((): AckOutcome => {
      const s = syncStateOf(conn);
      // The stream changed while the batch was out (a restore was detected): this answer is about the old one.
      if (s.streamId !== batch.request.streamId)
        return { acknowledged: 0, deadLetters: 0, late: 0, streamAhead: false };
      if (ack.ackSeq > batch.request.toSeq) {
        startNewStream(conn);
        return { acknowledged: 0, deadLetters: 0, late: 0, streamAhead: true };
      }
      const bySeq = new Map(batch.rows.map((r) => [r.seq - batch.base, r]));
      let dead = 0;
      for (const d of ack.deadLetters) {
        const r = bySeq.get(d.seq);
        const e = batch.request.entries[d.seq - batch.request.fromSeq];
        const changes = recordUp.run(
          conn,
          s.streamId,
          d.seq,
          d.table,
          r?.rowId ?? '',
          r?.op ?? e?.op ?? '',
          d.reason,
          JSON.stringify(e?.row ?? {}),
          now,
        ).changes;
        dead += changes;
      }
      const before = syncStateOf(conn);
      dropAcknowledged(conn, batch.base + ack.ackSeq);
      setSyncState(conn, {
        auditProofSeq: ack.auditProofSeq,
        lateTotal: before.lateTotal + ack.late,
      });
      return {
        acknowledged: Math.max(0, ack.ackSeq - batch.request.fromSeq + 1),
        deadLetters: dead,
        late: ack.late,
        streamAhead: false,
      };
    })
    .immediate();
}
