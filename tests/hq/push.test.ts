import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { rows } from '../../src-hq/db/client';
import { mirrorSpec } from '../../src-hq/db/columns';
import { closedPeriods, stores, syncDeadLetters, syncLateEntries, workOrderFieldValues } from '../../src-hq/db/schema';
import { readWire } from '../../src-hq/services/sync/wire';
import { REQUEST_MEMORY_MS, sweepSyncState } from '../../src-hq/services/sync/auth';
import type { PushResponse, Refusal } from '../../src-shared/sync/protocol';
import { LIMITS } from '../../src-shared/sync/protocol';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { startTestHq, TEST_VERSIONS, type TestHq, type TestStore } from '../helpers/hq';
import { del, hlc, receipt, stockMove, upsert, workOrder } from '../helpers/store-rows';

afterAll(stopTestPostgres);

const ok = (r: { body: PushResponse | Refusal }): PushResponse => {
  if (!r.body.ok) throw new Error(`refused: ${r.body.code} ${r.body.message}`);
  return r.body;
};
const refusal = (r: { status: number; body: PushResponse | Refusal }) => {
  if (r.body.ok) throw new Error('unexpectedly accepted');
  return { status: r.status, code: r.body.code, message: r.body.message, expectedSeq: r.body.expectedSeq };
};

describe.each(DB_KINDS)('push on %s', (kind) => {
  let t: TestHq;
  beforeAll(async () => {
    t = await startTestHq({ kind });
  });
  afterAll(() => t?.close());

  const mirror = (table: string, storeId: string) =>
    readWire(t.hq.ctx.db, mirrorSpec(table)!, sql`store_id = ${storeId}`);

  it('applies a batch once: the same batch again, or a resend after a lost answer, changes nothing', async () => {
    const s = await t.enrolledStore();
    const moves = [stockMove(), stockMove(), stockMove()];
    const body = s.batch(moves.map((m) => upsert('stock_moves', m)));
    const first = ok(await s.send(body));
    expect(first).toMatchObject({ ackSeq: 3, duplicate: false, deadLetters: [], late: 0 });
    // The proxy delivered it twice / the answer was lost and the store sends it again (a new request id each time).
    const again = ok(await s.send({ ...body, requestId: randomUUID() }));
    expect(again).toMatchObject({ ackSeq: 3, duplicate: true });
    // A batch overlapping what HQ has: only the new entries apply.
    const overlap = s.batch([upsert('stock_moves', moves[2]!), upsert('stock_moves', stockMove())], { fromSeq: 3 });
    overlap.entries[0]!.seq = 3;
    overlap.entries[1]!.seq = 4;
    Object.assign(overlap, { fromSeq: 3, toSeq: 4 });
    expect(ok(await s.send(overlap))).toMatchObject({ ackSeq: 4, duplicate: false });
    expect(await mirror('stock_moves', s.storeId)).toHaveLength(4);
  });

  it('refuses a gap with where to resume, and applies nothing of it', async () => {
    const s = await t.enrolledStore();
    ok(await s.push([upsert('stock_moves', stockMove())]));
    const gap = refusal(await s.send(s.batch([upsert('stock_moves', stockMove())].map((e) => ({ ...e, seq: 5 })))));
    expect(gap).toMatchObject({ status: 409, code: 'GAP', expectedSeq: 2 });
    expect(await mirror('stock_moves', s.storeId)).toHaveLength(1);
  });

  it('dead-letters a bad entry with its reason and applies the ones behind it', async () => {
    const s = await t.enrolledStore();
    const good1 = stockMove();
    const good2 = stockMove();
    const res = ok(
      await s.push([
        upsert('stock_moves', good1),
        upsert('stock_moves', stockMove({ qty: 1.5 })),
        upsert('stock_moves', { ...stockMove(), colour: 'red' }),
        upsert('stock_moves', stockMove({ note: 'a\u0000b' })),
        upsert('items', { id: 'x' }),
        upsert('users', { id: uuidv7(), secret_hash: 'scrypt$...' }),
        { table: 'stock_moves', op: 'explode', row: {} },
        upsert('stock_moves', good2),
      ]),
    );
    expect(res.ackSeq).toBe(8);
    expect(res.deadLetters.map((d) => [d.seq, d.reason])).toEqual([
      [2, expect.stringMatching(/qty/)],
      [3, 'HQ has no column stock_moves.colour'],
      [4, expect.stringMatching(/NUL/)],
      [5, 'items is HQ master data: a store cannot send it'],
      [6, 'users.secret_hash never leaves the store'],
      [7, expect.stringMatching(/op/)],
    ]);
    const ids = (await mirror('stock_moves', s.storeId)).map((r) => r.id).sort();
    expect(ids).toEqual([good1.id, good2.id].sort());
    const kept = await t.hq.ctx.db.select().from(syncDeadLetters).where(eq(syncDeadLetters.storeId, s.storeId));
    expect(kept).toHaveLength(6);
    // The queue moves on.
    expect(ok(await s.push([upsert('stock_moves', stockMove())])).ackSeq).toBe(9);
  });

  it('keeps and flags entries dated in a month HQ has closed', async () => {
    const s = await t.enrolledStore();
    await t.hq.ctx.db.insert(closedPeriods).values({ scope: s.storeId, month: '2026-10', closedAt: Date.now() });
    const lateMove = stockMove({ day: '2026-10-31' });
    const res = ok(
      await s.push([upsert('stock_moves', lateMove), upsert('stock_moves', stockMove({ day: '2026-11-01' }))]),
    );
    expect(res.late).toBe(1);
    expect(await mirror('stock_moves', s.storeId)).toHaveLength(2);
    const flagged = await t.hq.ctx.db.select().from(syncLateEntries).where(eq(syncLateEntries.storeId, s.storeId));
    expect(flagged.map((f) => [f.rowKey, f.month])).toEqual([[lateMove.id, '2026-10']]);
  });

  it('never lets a late, older edit of a work-order field overwrite a newer one', async () => {
    const s = await t.enrolledStore();
    const base = Date.now() - 60_000;
    const wo = workOrder(s.storeId);
    ok(await s.push([upsert('work_orders', { ...wo, priority: 'urgent' }, { priority: hlc(base + 2000, 'tablet') })]));
    // An edit made earlier on another device arrives after it.
    ok(await s.push([upsert('work_orders', { ...wo, priority: 'low' }, { priority: hlc(base + 1000, 'pc') })]));
    const [row] = await mirror('work_orders', s.storeId);
    expect(row!.priority).toBe('urgent');
    const history = await t.hq.ctx.db
      .select()
      .from(workOrderFieldValues)
      .where(eq(workOrderFieldValues.workOrderId, wo.id as string));
    expect(history.map((h) => [h.value, h.applied]).sort()).toEqual([
      ['low', false],
      ['urgent', true],
    ]);
    // A newer one does win; events are insert-or-ignore.
    ok(await s.push([upsert('work_orders', { ...wo, priority: 'normal' }, { priority: hlc(base + 3000, 'pc') })]));
    expect((await mirror('work_orders', s.storeId))[0]!.priority).toBe('normal');
  });

  it("refuses a batch dated more than a day ahead, without applying it or moving HQ's clock", async () => {
    const s = await t.enrolledStore();
    const before = t.hq.ctx.clock.last();
    const ahead = Date.now() + 25 * 3600_000;
    const r = refusal(await s.push([upsert('stock_moves', stockMove())], { clock: hlc(ahead), sentAt: ahead }));
    expect(r).toMatchObject({ status: 409, code: 'CLOCK_AHEAD' });
    expect(r.message).toMatch(/1 d 1 h ahead/);
    expect(t.hq.ctx.clock.last()).toBe(before);
    expect(await mirror('stock_moves', s.storeId)).toHaveLength(0);
    // An hour ahead is taken (and the skew recorded for the store list).
    ok(await s.push([upsert('stock_moves', stockMove())], { sentAt: Date.now() + 3600_000 }));
    const [row] = await t.hq.ctx.db.select().from(stores).where(eq(stores.id, s.storeId));
    expect(row!.clockSkewMs).toBeGreaterThan(3500_000);
  });

  it('round-trips values exactly: safe-integer limits, nulls, Chinese text, days, booleans', async () => {
    const s = await t.enrolledStore();
    const move = stockMove({
      qty: Number.MAX_SAFE_INTEGER,
      value: Number.MIN_SAFE_INTEGER,
      expiry: null,
      lot: '批号-2026/11 ①',
      note: '鸡胸肉 😀 "quoted" \\ back',
      day: '2026-02-28',
      reverses_seq: 0,
    });
    ok(await s.push([upsert('stock_moves', move)]));
    const [back] = await mirror('stock_moves', s.storeId);
    const { store_id: _s, hq_seq: _q, hq_received_at: _r, ...stored } = back!;
    expect(stored).toEqual(move);
    const wo = workOrder(s.storeId, { down: 0, response_met: null, resolution_met: 1 });
    ok(await s.push([upsert('work_orders', wo)]));
    const [w] = await mirror('work_orders', s.storeId);
    expect([w!.down, w!.response_met, w!.resolution_met]).toEqual([0, null, 1]);
  });

  it('creates and deletes a row in one batch (and across batches): it is gone', async () => {
    const s = await t.enrolledStore();
    const r1 = receipt();
    const r2 = receipt();
    ok(
      await s.push([
        upsert('receipts', r1),
        upsert('receipts', { ...r1, status: 'finished' }),
        del('receipts', { id: r1.id! }),
        upsert('receipts', r2),
      ]),
    );
    expect((await mirror('receipts', s.storeId)).map((r) => r.id)).toEqual([r2.id]);
    ok(await s.push([del('receipts', { id: r2.id! })]));
    expect(await mirror('receipts', s.storeId)).toHaveLength(0);
  });

  it("refuses another store's token, a replayed request, an oversized batch, an unknown schema and a revoked store", async () => {
    const a = await t.enrolledStore();
    const b = await t.enrolledStore();
    const asB = refusal(await t.client.post<Refusal>('push', a.batch([upsert('stock_moves', stockMove())]), b.token));
    expect(asB).toMatchObject({ status: 403, code: 'WRONG_STORE' });
    // A row naming another store, sent with the store's own token, is a dead letter.
    const foreign = ok(await a.push([upsert('work_orders', workOrder(b.storeId))]));
    expect(foreign.deadLetters[0]!.reason).toMatch(/belongs to store/);

    const body = a.batch([upsert('stock_moves', stockMove())]);
    ok(await a.send(body));
    expect(refusal(await a.send(body))).toMatchObject({ status: 409, code: 'REPLAYED' });

    const many = Array.from({ length: LIMITS.entriesPerBatch + 1 }, () => upsert('stock_moves', { id: 'x' }));
    expect(refusal(await a.send(a.batch(many)))).toMatchObject({ status: 413, code: 'TOO_LARGE' });

    const newer = a.batch([upsert('stock_moves', stockMove())], {
      versions: { ...TEST_VERSIONS, schema: TEST_VERSIONS.schema + 1 },
    });
    expect(refusal(await a.send(newer))).toMatchObject({ status: 409, code: 'HQ_UPDATE_REQUIRED' });

    await t.hq.ctx.db.update(stores).set({ status: 'revoked' }).where(eq(stores.id, a.storeId));
    expect(refusal(await a.push([upsert('stock_moves', stockMove())]))).toMatchObject({ status: 403, code: 'REVOKED' });
    expect(await mirror('stock_moves', a.storeId)).toHaveLength(1);
    // The store list shows the refused batches and the last reason. They are recorded just after
    // the answer is sent, so poll (a fixed wait lost that race under load).
    await vi.waitFor(
      async () => {
        const [row] = await t.hq.ctx.db.select().from(stores).where(eq(stores.id, a.storeId));
        expect(row!.refusedCount).toBe(4);
        expect(row!.lastRefusal?.code).toBe('REVOKED');
      },
      { timeout: 10_000, interval: 50 },
    );
    // Request ids are remembered a day: the periodic sweep forgets older ones (and expired tokens).
    const remembered = sql`SELECT count(*)::int AS n FROM sync_requests WHERE request_id = ${body.requestId}`;
    await sweepSyncState(t.hq.ctx.db, Date.now() + 3600_000);
    expect((await rows<{ n: number }>(t.hq.ctx.db, remembered))[0]!.n).toBe(1);
    await sweepSyncState(t.hq.ctx.db, Date.now() + REQUEST_MEMORY_MS + 1000);
    expect((await rows<{ n: number }>(t.hq.ctx.db, remembered))[0]!.n).toBe(0);
  });

  it('flags a store whose audit chain no longer matches a head HQ recorded, and still applies its push', async () => {
    const s = await t.enrolledStore();
    const h = (c: string) => c.repeat(64);
    const first = ok(
      await s.push([upsert('stock_moves', stockMove())], { audit: { head: { seq: 5, hash: h('a') }, proof: null } }),
    );
    expect(first.auditProofSeq).toBe(5);
    ok(
      await s.push([upsert('stock_moves', stockMove())], {
        audit: { head: { seq: 7, hash: h('b') }, proof: { seq: 5, hash: h('a') } },
      }),
    );
    const [clean] = await t.hq.ctx.db.select().from(stores).where(eq(stores.id, s.storeId));
    expect(clean!.auditMismatch).toBe(false);
    // The tail was rewritten and rehashed: the hash at 7 is not the one HQ saw.
    const res = ok(
      await s.push([upsert('stock_moves', stockMove())], {
        audit: { head: { seq: 9, hash: h('d') }, proof: { seq: 7, hash: h('c') } },
      }),
    );
    expect(res.ackSeq).toBe(3);
    const [flagged] = await t.hq.ctx.db.select().from(stores).where(eq(stores.id, s.storeId));
    expect(flagged!.auditMismatch).toBe(true);
    const [m] = await rows<{ seq: number }>(
      t.hq.ctx.db,
      sql`SELECT seq FROM sync_audit_mismatches WHERE store_id = ${s.storeId}`,
    );
    expect(m!.seq).toBe(7);
  });

  it('records the backlog and last contact, and translates matched items to HQ ids', async () => {
    const s: TestStore = await t.enrolledStore();
    await t.hq.ctx.db.execute(
      sql`INSERT INTO sync_id_map (store_id, tbl, local_id, hq_id) VALUES (${s.storeId}, 'items', 'local-item', 'hq-item')`,
    );
    ok(await s.push([upsert('stock_moves', stockMove({ item_id: 'local-item' }))], { backlog: 1234 }));
    const [m] = await mirror('stock_moves', s.storeId);
    expect(m!.item_id).toBe('hq-item');
    const [row] = await t.hq.ctx.db.select().from(stores).where(eq(stores.id, s.storeId));
    expect(row!.backlog).toBe(1234);
    expect(row!.lastContactAt).toBeGreaterThan(Date.now() - 60_000);
  });
});
