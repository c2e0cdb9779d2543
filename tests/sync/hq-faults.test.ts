import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { receipt, stockMove } from '../helpers/store-rows';
import { compareReplicas, describeDivergences } from './harness/converge';
import { hqFacts } from './harness/hq-facts';
import { inProcessHq, type HqUnderTest } from './harness/hq-under-test';
import { FaultProxy } from './harness/proxy';
import { Rng } from './harness/random';
import { SimStore, type Fact } from './harness/sim-store';

/**
 * The fault tests of sync.md that HQ answers for, with a protocol-level
 * simulated store (harness/sim-store.ts) pushing and pulling through the
 * fault proxy to an HQ in this process. The tests that need HQ as a process
 * (down, killed, its memory) are in hq-process-faults.test.ts. Every test
 * ends as sync.md's point 20 says: faults off, the queue drained, every
 * replica compared.
 */
afterAll(stopTestPostgres);

/** After the link heals, a store's queue of a few hundred entries drains within this. */
const DRAIN_MS = 20_000;

const move = (o: Record<string, string | number | null> = {}): Fact => ({
  table: 'stock_moves',
  op: 'upsert',
  row: stockMove(o),
});

describe.each(DB_KINDS)('sync faults at HQ on %s', (kind) => {
  let hq: HqUnderTest;
  let proxy: FaultProxy;
  let n = 0;
  beforeAll(async () => {
    hq = await inProcessHq(kind);
    proxy = await FaultProxy.start({ host: '127.0.0.1', port: hq.port }, 1234);
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await hq?.close();
  });
  beforeEach(async () => {
    await proxy.heal();
    await proxy.settle();
  });

  async function store(opts: { batchSize?: number } = {}): Promise<SimStore> {
    const name = `F${kind[1]}${++n}`;
    const s = new SimStore(name, proxy.url, { batchSize: opts.batchSize ?? 10, requestTimeoutMs: 2500 });
    await s.enroll((await hq.createStore(name)).enrollmentCode);
    return s;
  }
  async function drainedAndConverged(...stores: SimStore[]) {
    await proxy.heal();
    const t0 = Date.now();
    await Promise.all(stores.map((s) => s.syncUntilDrained(DRAIN_MS)));
    await proxy.settle();
    expect(Date.now() - t0).toBeLessThan(DRAIN_MS);
    expect(describeDivergences(await compareReplicas(hq, stores))).toBe('');
  }

  it('1: the same batch delivered twice, once at once and once late after a newer batch, leaves exactly one copy', async () => {
    const s = await store({ batchSize: 2 });
    const r = receipt();
    s.write([{ table: 'receipts', op: 'upsert', row: r }, move()]);
    s.write([{ table: 'receipts', op: 'upsert', row: { ...r, status: 'finished' } }, move()]);
    // The first copy of batch 1 is held until two later requests were answered; the store gives up waiting and
    // resends it, and that resend is delivered twice; batch 2 follows; then the held copy reaches HQ, last.
    const before = { ...proxy.stats.faults };
    proxy.inject({ kind: 'reorder', after: 2 }, '/sync/v1/push');
    proxy.inject({ kind: 'duplicate' }, '/sync/v1/push');
    await s.syncUntilDrained(DRAIN_MS);
    await proxy.settle();
    expect(proxy.stats.faults.reorder - before.reorder).toBe(1);
    expect(proxy.stats.faults.duplicate - before.duplicate).toBe(1);
    // Three at least: on a loaded machine a slow answer can time out once more and be resent (harmless, it is acked by seq).
    expect(s.stats.pushes).toBeGreaterThanOrEqual(3);
    // Applied again, the stale copy would have put the receipt back to 'open'.
    expect(await hqFacts(hq, s.storeId, 'receipts')).toMatchObject({ ack: 4, rows: 1 });
    expect(await hqFacts(hq, s.storeId)).toMatchObject({ rows: 2 });
    await drainedAndConverged(s);
  });

  it('1b: every batch delivered twice leaves exactly one copy', async () => {
    const s = await store();
    s.write(Array.from({ length: 30 }, () => move()));
    proxy.setPlan({ path: '/sync/v1/push', rates: { duplicate: 1 } });
    await s.syncUntilDrained(DRAIN_MS);
    await proxy.settle();
    expect(proxy.stats.faults.duplicate).toBeGreaterThanOrEqual(3);
    expect(await hqFacts(hq, s.storeId)).toMatchObject({ ack: 30, rows: 30 });
    await drainedAndConverged(s);
  });

  it('2: HQ commits, the answer is lost, the store resends: no duplicate', async () => {
    const s = await store();
    s.write(Array.from({ length: 20 }, () => move()));
    proxy.inject({ kind: 'drop-response' }, '/sync/v1/push');
    proxy.inject({ kind: 'cut-response', afterBytes: 40 }, '/sync/v1/push');
    await s.syncUntilDrained(DRAIN_MS);
    // The first batch was applied and its answer lost; its resend was acknowledged as a duplicate but that answer
    // was cut too; the second resend's answer arrived (a duplicate again); then the second batch.
    expect(s.stats).toMatchObject({ pushes: 4, duplicates: 1 });
    expect(await hqFacts(hq, s.storeId)).toMatchObject({ ack: 20, rows: 20 });
    await drainedAndConverged(s);
  });

  it('6: network cut in random windows, both directions: after healing the queues drain in time and replicas match', async () => {
    const rng = new Rng(66);
    const stores = await Promise.all([store(), store(), store()]);
    await hq.saveItem({ code: `NET-${kind}`, nameZh: '断网测试', nameEn: 'Cut link' });
    proxy.setPlan({
      rates: {
        'drop-request': 0.1,
        'drop-response': 0.1,
        'cut-request': 0.08,
        'cut-response': 0.08,
        reorder: 0.04,
        duplicate: 0.05,
        delay: 0.05,
      },
      delayMs: [10, 300],
    });
    const until = Date.now() + 4000;
    const workers = stores.map(async (s) => {
      for (let round = 0; round < 8 && Date.now() < until; round++) {
        await s.writeRandom(rng, 15);
        await s.syncOnce().catch(() => null);
      }
      while (Date.now() < until) await s.syncOnce().catch(() => null);
    });
    const outages = (async () => {
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, rng.int(200, 800)));
        await proxy.setOutage(true);
        await new Promise((r) => setTimeout(r, rng.int(50, 400)));
        await proxy.setOutage(false);
      }
    })();
    await Promise.all([...workers, outages]);
    const faults = Object.values(proxy.stats.faults).reduce((a, b) => a + b, 0);
    expect(faults).toBeGreaterThan(10);
    await drainedAndConverged(...stores);
    for (const s of stores) expect(s.replica.table('items').size).toBeGreaterThan(0);
  }, 60_000);

  it("a store that believes HQ has more than it has is refused the gap and resends from HQ's ack", async () => {
    const s = await store({ batchSize: 4 });
    s.write(Array.from({ length: 10 }, () => move()));
    s.assumeAcked(6);
    await s.syncUntilDrained(DRAIN_MS);
    expect(s.stats.gaps).toBe(1);
    expect(await hqFacts(hq, s.storeId)).toMatchObject({ ack: 10, rows: 10 });
    await drainedAndConverged(s);
  });

  it('5 (protocol level): a store killed at random moments during sync, many times, ends identical at HQ', async () => {
    const rng = new Rng(5);
    const s = await store({ batchSize: 15 });
    let cutMidway = 0;
    // Pushes slowed a little, so that on a fast machine too the kills land while batches are going.
    proxy.setPlan({ path: '/sync/v1/push', rates: { delay: 1 }, delayMs: [5, 40] });
    for (let i = 0; i < 8; i++) {
      await s.writeRandom(rng, 60);
      const syncing = s.syncUntilDrained(DRAIN_MS).catch((e: Error) => e);
      await new Promise((r) => setTimeout(r, rng.int(0, 150)));
      if ((await s.pending()) > 0) cutMidway++;
      await s.kill(); // requests in flight are cut: HQ may have applied a batch whose answer the store never sees
      await syncing;
      await s.restart();
    }
    expect(cutMidway).toBeGreaterThan(0);
    await drainedAndConverged(s);
  });

  it('9: a sync rerun with nothing new transfers nothing', async () => {
    const s = await store();
    s.write(Array.from({ length: 5 }, () => move()));
    await s.syncUntilDrained(DRAIN_MS);
    const before = await hqFacts(hq, s.storeId);
    const requests = proxy.stats.requests;
    const cursor = s.replica.cursor;
    const pass = await s.syncOnce();
    expect(pass).toEqual({ pushed: 0, duplicates: 0, pulled: 0 });
    // One small pull that brings nothing; no push at all.
    expect(proxy.stats.requests - requests).toBe(1);
    expect(s.replica.cursor).toBe(cursor);
    expect(await hqFacts(hq, s.storeId)).toEqual(before);
  });

  it('12: create then delete in one window, across batch boundaries and lost answers', async () => {
    const s = await store({ batchSize: 2 });
    const kept = receipt();
    const gone = receipt();
    const alsoGone = receipt();
    s.write([
      { table: 'receipts', op: 'upsert', row: gone },
      { table: 'receipts', op: 'upsert', row: kept },
      { table: 'receipts', op: 'upsert', row: { ...gone, status: 'finished' } },
      { table: 'receipts', op: 'delete', row: { id: gone.id! } },
      { table: 'receipts', op: 'upsert', row: alsoGone },
      { table: 'receipts', op: 'delete', row: { id: alsoGone.id! } },
    ]);
    proxy.inject({ kind: 'drop-response' }, '/sync/v1/push');
    proxy.inject({ kind: 'duplicate' }, '/sync/v1/push');
    await s.syncUntilDrained(DRAIN_MS);
    expect(await hqFacts(hq, s.storeId, 'receipts')).toMatchObject({ ack: 6, rows: 1 });
    await drainedAndConverged(s);
  });

  it('14: values round-trip exactly through a faulty link: integers, decimal strings, nulls, Chinese text, dates', async () => {
    const s = await store();
    s.write([
      move({
        qty: Number.MAX_SAFE_INTEGER,
        value: Number.MIN_SAFE_INTEGER,
        lot: '1234567890.0000000001',
        note: '鸡胸肉 2.5公斤 「冷藏」 😀 \\ "q"',
        expiry: null,
        day: '2026-02-28',
        occurred_at: Date.parse('2026-02-28T23:59:59.999Z'),
        reverses_seq: 0,
      }),
      move({ qty: -1, value: 0, lot: '-0.50', note: '', expiry: '2027-12-31', user_id: null }),
      { table: 'receipts', op: 'upsert', row: receipt({ note: '供应商：广州白云区 №7', finished_at: null }) },
    ]);
    proxy.inject({ kind: 'cut-response', afterBytes: 100 }, '/sync/v1/push');
    proxy.inject({ kind: 'duplicate' }, '/sync/v1/push');
    await s.syncUntilDrained(DRAIN_MS);
    // The checksum covers every column the store sends, in its exact wire value.
    await drainedAndConverged(s);
  });

  it('16: one invalid entry does not stop the queue, even when its answer is lost', async () => {
    const s = await store({ batchSize: 5 });
    const bad = stockMove({ qty: 1.5 });
    s.write([move(), move(), { table: 'stock_moves', op: 'upsert', row: bad }, move(), move(), move(), move()]);
    proxy.inject({ kind: 'drop-response' }, '/sync/v1/push');
    await s.syncUntilDrained(DRAIN_MS);
    expect(s.deadLetters).toHaveLength(1);
    expect(s.deadLetters[0]).toMatchObject({ seq: 3, table: 'stock_moves', reason: expect.stringMatching(/qty/) });
    expect(await hqFacts(hq, s.storeId)).toMatchObject({ ack: 7, rows: 6, deadLetters: 1 });
    await drainedAndConverged(s);
  });

  it('17: HQ closes a period while the store is offline: its late entries are kept and flagged', async () => {
    const s = await store();
    await proxy.setOutage(true);
    s.write([move({ day: '2026-09-30' }), move({ day: '2026-09-01' }), move({ day: '2026-10-01' })]);
    await expect(s.syncOnce()).rejects.toThrow(/ECONNREFUSED|fetch failed/);
    await hq.closePeriod('2026-09', s.storeId);
    await proxy.setOutage(false);
    await s.syncUntilDrained(DRAIN_MS);
    expect(s.late).toBe(2);
    expect(await hqFacts(hq, s.storeId)).toMatchObject({ ack: 3, rows: 3, late: 2 });
    await drainedAndConverged(s);
  });
});
