import { and, between, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { decodeHlc, isHlc, MAX_AHEAD_MS } from '../../../src-shared/sync/hlc';
import { LIMITS, OutboxEntry, PushRequest, type PushResponse } from '../../../src-shared/sync/protocol';
import type { HqContext } from '../../context';
import { rows, type Q } from '../../db/client';
import { stores, syncDeadLetters, syncLateEntries, syncStreams } from '../../db/schema';
import { applyFacts, collapse, mapRefsToHq } from './apply-facts';
import { checkAuditAnchor } from './audit-anchor';
import { authenticate, rememberRequest } from './auth';
import { checkEntry, type ValidEntry } from './entries';
import { closedMonths, lateMonth } from './late';
import { SyncRefusal } from './refusal';
import { storable } from './wire';
import { applyShared, type DeadEntry } from './shared-records';
import { checkVersions } from './versions';
import { routeTransfers } from '../transfers/route';

/**
 * The push envelope is checked strictly; its entries only for their seq: an
 * entry that is malformed in any other way becomes a dead letter instead of
 * refusing the whole batch (which would block the store's queue behind it).
 */
export const PushEnvelope = PushRequest.extend({
  entries: z.array(z.looseObject({ seq: OutboxEntry.shape.seq })).max(LIMITS.entriesPerBatch),
});
export type PushEnvelope = z.infer<typeof PushEnvelope>;

function spell(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  return h >= 24 ? `${Math.floor(h / 24)} d ${h % 24} h` : `${h} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A batch stamped more than a day ahead of HQ's clock is refused whole, before anything is applied or merged. */
function checkClock(req: PushEnvelope, now: number): void {
  let ahead = req.sentAt;
  ahead = Math.max(ahead, decodeHlc(req.clock).wall);
  for (const e of req.entries) {
    const clocks = (e as { clocks?: unknown }).clocks;
    if (clocks && typeof clocks === 'object') {
      for (const c of Object.values(clocks))
        if (typeof c === 'string' && isHlc(c)) ahead = Math.max(ahead, decodeHlc(c).wall);
    }
  }
  if (ahead > now + MAX_AHEAD_MS) {
    throw new SyncRefusal(
      'CLOCK_AHEAD',
      `This batch is dated ${spell(ahead - now)} ahead of HQ's clock (more than a day). Set this PC's clock right; the entries stay queued and are sent again.`,
    );
  }
}

function checkRange(req: PushEnvelope): void {
  const n = req.entries.length;
  const contiguous =
    n > 0 && req.entries.every((e, i) => e.seq === req.fromSeq + i) && req.toSeq === req.fromSeq + n - 1;
  if (!contiguous) {
    throw new SyncRefusal(
      'BAD_REQUEST',
      `A batch's entries must be numbered fromSeq..toSeq (${req.fromSeq}..${req.toSeq}) without a gap, in order.`,
    );
  }
}

/** Locks the (store, stream) row for the rest of the transaction: pushes of one stream serialize, in any HQ process. */
async function lockStream(q: Q, storeId: string, streamId: string, now: number): Promise<number> {
  await q
    .insert(syncStreams)
    .values({ storeId, streamId, ackSeq: 0, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await rows<{ ack_seq: number }>(
    q,
    sql`SELECT ack_seq FROM sync_streams WHERE store_id = ${storeId} AND stream_id = ${streamId} FOR UPDATE`,
  );
  return row!.ack_seq;
}

/**
 * One batch, one transaction. Entries up to the stream's acknowledged seq are
 * skipped (duplicates: a resend after a lost answer changes nothing); a batch
 * starting beyond ack + 1 is a gap (refused with where to resume); the rest
 * are checked one by one (dead letters for the bad ones), translated to HQ's
 * ids, applied to the mirrors, flagged late where HQ closed their month, and
 * acknowledged together. HQ's clock moves only after the batch committed.
 */
export async function push(
  ctx: HqContext,
  req: PushEnvelope,
  meta: { token: string | null; store: string | null },
): Promise<PushResponse> {
  checkVersions(req.versions, ctx.replicationSchema);
  const store = await authenticate(ctx, meta.token, req.storeId);
  meta.store = store.id;
  checkRange(req);
  const now = ctx.now();
  checkClock(req, now);

  const outcome = await ctx.db.transaction(async (tx) => {
    await rememberRequest(tx, req.requestId, store.id, 'push', now);
    const ack = await lockStream(tx, store.id, req.streamId, now);
    if (req.fromSeq > ack + 1) {
      throw new SyncRefusal(
        'GAP',
        `HQ has this stream up to entry ${ack}; this batch starts at ${req.fromSeq}. Send again from ${ack + 1}.`,
        { expectedSeq: ack + 1 },
      );
    }
    const fresh = req.entries.filter((e) => e.seq > ack);
    const dead: DeadEntry[] = [];
    const valid: ValidEntry[] = [];
    for (const raw of fresh) {
      const c = checkEntry(store.id, raw);
      if (c.ok) valid.push(c.entry);
      else dead.push({ seq: c.seq, table: c.table, reason: c.reason });
    }
    await mapRefsToHq(tx, store.id, valid);
    const closed = await closedMonths(tx, store.id);
    const late: { seq: number; tbl: string; rowKey: string; month: string }[] = [];
    for (const e of valid) {
      const month = lateMonth(e, closed);
      if (month) late.push({ seq: e.seq, tbl: e.table.name, rowKey: e.key, month });
    }
    await applyFacts(tx, collapse(valid.filter((e) => e.table.direction === 'up')), now);
    await routeTransfers(tx, store.id, valid, now);
    dead.push(
      ...(await applyShared(
        tx,
        store.id,
        valid.filter((e) => e.table.direction === 'both'),
        now,
      )),
    );
    if (dead.length) {
      const byEntry = new Map(fresh.map((e) => [e.seq, e]));
      await tx
        .insert(syncDeadLetters)
        .values(
          dead.map((d) => ({
            storeId: store.id,
            streamId: req.streamId,
            seq: d.seq,
            tbl: storable(d.table),
            op: storable(String((byEntry.get(d.seq) as { op?: unknown } | undefined)?.op ?? '?').slice(0, 10)),
            entry: storable(byEntry.get(d.seq) ?? {}),
            reason: storable(d.reason),
            at: now,
          })),
        )
        .onConflictDoNothing();
      ctx.log.warn('sync: dead letters', { storeId: store.id, dead: dead.slice(0, 20) });
    }
    if (late.length) {
      await tx
        .insert(syncLateEntries)
        .values(late.map((l) => ({ storeId: store.id, streamId: req.streamId, ...l, at: now })))
        .onConflictDoNothing();
    }
    const ackSeq = Math.max(ack, req.toSeq);
    await tx
      .update(syncStreams)
      .set({ ackSeq, updatedAt: now })
      .where(and(eq(syncStreams.storeId, store.id), eq(syncStreams.streamId, req.streamId)));
    const anchor = await checkAuditAnchor(ctx, tx, store.id, req.audit, now);
    await tx
      .update(stores)
      .set({
        lastContactAt: now,
        backlog: req.backlog,
        appVersion: req.versions.app,
        schemaVersion: req.versions.schema,
        clockSkewMs: req.sentAt - now,
      })
      .where(eq(stores.id, store.id));
    // What HQ holds for the whole range, so a store that lost an earlier answer still learns its dead letters.
    const inRange = and(
      eq(syncDeadLetters.storeId, store.id),
      eq(syncDeadLetters.streamId, req.streamId),
      between(syncDeadLetters.seq, req.fromSeq, req.toSeq),
    );
    const letters = await tx
      .select({ seq: syncDeadLetters.seq, table: syncDeadLetters.tbl, reason: syncDeadLetters.reason })
      .from(syncDeadLetters)
      .where(inRange)
      .orderBy(syncDeadLetters.seq);
    const [lateCount] = await tx
      .select({ n: count() })
      .from(syncLateEntries)
      .where(
        and(
          eq(syncLateEntries.storeId, store.id),
          eq(syncLateEntries.streamId, req.streamId),
          between(syncLateEntries.seq, req.fromSeq, req.toSeq),
        ),
      );
    return {
      ackSeq,
      duplicate: fresh.length === 0,
      deadLetters: letters,
      late: lateCount?.n ?? 0,
      auditProofSeq: anchor.proofSeq,
    };
  });
  // Only a batch that committed may move HQ's clock (a refused one leaves it where it was).
  ctx.clock.receive(req.clock);
  return { ok: true, ...outcome, hqTime: ctx.now() };
}
