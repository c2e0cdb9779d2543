import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { stockMove } from '../helpers/store-rows';
import { compareReplicas, describeDivergences } from './harness/converge';
import { hqFacts } from './harness/hq-facts';
import { HqProcess } from './harness/processes';
import { FaultProxy } from './harness/proxy';
import { Rng } from './harness/random';
import { SimStore, type Fact } from './harness/sim-store';

/**
 * The fault tests that need HQ as a real process (`npm run hq`'s entry,
 * harness/processes.ts): HQ down when the store starts, HQ failing every Nth
 * request while its memory is watched, and HQ SIGKILLed in the middle of
 * pushes and restarted on the same data.
 */
afterAll(stopTestPostgres);

const DRAIN_MS = 30_000;
/** HQ's resident memory may grow at most this much over the rounds after a warm-up (kB). */
const RSS_GROWTH_KB = 48 * 1024;

const moves = (n: number): Fact[] =>
  Array.from({ length: n }, () => ({ table: 'stock_moves', op: 'upsert', row: stockMove() }));

describe.each(DB_KINDS)('sync faults with HQ as a process on %s', (kind) => {
  let hq: HqProcess;
  let proxy: FaultProxy;
  let n = 0;
  beforeAll(async () => {
    hq = await HqProcess.start(kind);
    proxy = await FaultProxy.start({ host: '127.0.0.1', port: hq.port }, 99);
  }, 90_000);
  afterAll(async () => {
    await proxy?.close();
    await hq?.close();
  });
  beforeEach(async () => {
    await proxy.heal();
    if (!hq.running) await hq.restart();
  });

  async function store(batchSize = 20): Promise<SimStore> {
    const name = `P${kind[1]}${++n}`;
    const s = new SimStore(name, proxy.url, { batchSize, requestTimeoutMs: 5000 });
    await s.enroll((await hq.createStore(name)).enrollmentCode);
    return s;
  }
  async function converged(...stores: SimStore[]) {
    await proxy.heal();
    await Promise.all(stores.map((s) => s.syncUntilDrained(DRAIN_MS)));
    await proxy.settle();
    expect(describeDivergences(await compareReplicas(hq, stores))).toBe('');
  }

  it('7: HQ is down when the store starts syncing; when it comes up, sync completes by itself', async () => {
    const s = await store();
    await hq.stop();
    s.write(moves(60));
    const drained = s.syncUntilDrained(DRAIN_MS);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await s.pending()).toBe(60);
    await hq.restart();
    await drained;
    expect(s.stats.failures).toBeGreaterThan(0);
    await converged(s);
  }, 60_000);

  it('8: HQ fails every Nth request (and loses bodies and answers): sync completes, HQ memory stays bounded', async () => {
    const rng = new Rng(8);
    const stores = [await store(), await store()];
    proxy.setPlan({ failEveryNth: 3, rates: { 'cut-request': 0.1, 'drop-response': 0.1 } });
    const round = async () => {
      for (const s of stores) await s.writeRandom(rng, 120);
      await Promise.all(stores.map((s) => s.syncUntilDrained(DRAIN_MS)));
    };
    await round(); // warm-up: caches, JIT, connection pools
    const before = hq.rssKb();
    expect(before).toBeGreaterThan(10_000);
    for (let i = 0; i < 3; i++) await round();
    const after = hq.rssKb();
    expect(proxy.stats.faults.fail).toBeGreaterThan(20);
    expect(after - before, `HQ grew from ${before} kB to ${after} kB`).toBeLessThan(RSS_GROWTH_KB);
    await converged(...stores);
  }, 120_000);

  it('SIGKILL of HQ in the middle of pushes leaves nothing half-applied; after restart the queue drains', async () => {
    const rng = new Rng(13);
    const s = await store(250);
    let killedMidway = 0;
    // Pushes are slowed a little so that, on a fast machine too, the kill lands while batches are still going.
    proxy.setPlan({ path: '/sync/v1/push', rates: { delay: 1 }, delayMs: [20, 120] });
    for (let round = 0; round < 3; round++) {
      s.write(moves(1000));
      const drained = s.syncUntilDrained(DRAIN_MS).catch((e: Error) => e);
      await new Promise((r) => setTimeout(r, rng.int(50, 400)));
      const waiting = await s.pending();
      const pid = hq.pid;
      await hq.kill();
      if (waiting > 0) killedMidway++;
      expect(hq.running).toBe(false);
      await expect(fetch(`${hq.url}/healthz`)).rejects.toThrow();
      // Each entry is a new row: a batch is in whole or not at all, so the rows are exactly what HQ acknowledged.
      const facts = await hqFacts(hq, s.storeId);
      expect(facts.rows).toBe(facts.ack);
      await hq.restart(); // same data, same port: the proxy and the store's token need no change
      expect(hq.pid).not.toBe(pid);
      const result = await drained;
      expect(result).not.toBeInstanceOf(Error);
    }
    expect(killedMidway).toBeGreaterThan(0);
    expect(await hqFacts(hq, s.storeId)).toMatchObject({ ack: 3000, rows: 3000 });
    await converged(s);
  }, 120_000);
});
