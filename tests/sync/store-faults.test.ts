import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { masterSpec, mirrorSpec } from '../../src-hq/db/columns';
import { writeMaster } from '../../src-hq/services/master/write';
import { readWire } from '../../src-hq/services/sync/wire';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import type { TestHq } from '../helpers/hq';
import { compareReplicas, describeDivergences } from './harness/converge';
import { drain, RetryableError } from './harness/drain';
import { inProcessHq, type HqUnderTest } from './harness/hq-under-test';
import { FaultProxy } from './harness/proxy';
import { Rng } from './harness/random';
import { RealStore, type SavedWrite } from './harness/real-store';

/**
 * The sync.md fault tests that need the real store: its SQLite file, outbox
 * triggers and sync worker in a child process (harness/real-store.ts) that is
 * SIGKILLed and restarted on the same file, writing through its API, behind
 * the fault proxy; HQ runs in this process. Every test ends as point 20 says:
 * faults off, queues drained, every replica compared.
 */
afterAll(stopTestPostgres);

const DRAIN_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The rows proving each saved write, as a store table query: a ledger document's moves, a posted line, a finished receipt. */
async function missingAtStore(s: RealStore, saved: readonly SavedWrite[]): Promise<SavedWrite[]> {
  const missing: SavedWrite[] = [];
  for (const w of saved) {
    const q =
      w.table === 'stock_moves'
        ? 'SELECT 1 FROM stock_moves WHERE doc_id = ?'
        : w.table === 'receipt_lines'
          ? "SELECT 1 FROM receipt_lines WHERE id = ? AND status = 'posted'"
          : "SELECT 1 FROM receipts WHERE id = ? AND status = 'finished'";
    if ((await s.query(q, w.id)).length === 0) missing.push(w);
  }
  return missing;
}

describe.each(DB_KINDS)('the real store under faults (HQ on %s)', (kind) => {
  let hq: HqUnderTest & { test: TestHq };
  let proxy: FaultProxy;
  const open: RealStore[] = [];
  beforeAll(async () => {
    hq = await inProcessHq(kind);
    proxy = await FaultProxy.start({ host: '127.0.0.1', port: hq.port }, 11);
  }, 90_000);
  afterAll(async () => {
    await proxy?.close();
    await hq?.close();
  });
  afterEach(async () => {
    await proxy.heal();
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  async function store(name: string): Promise<RealStore> {
    const s = await RealStore.create(
      `${name}${kind[1]}`,
      proxy.url,
      (await hq.createStore(`${name}${kind[1]}`)).enrollmentCode,
    );
    open.push(s);
    return s;
  }

  /** sync.md 20: faults off, every store up and drained, every replica compared. */
  async function converged(...stores: RealStore[]) {
    await proxy.heal();
    for (const s of stores) if (!s.running) await s.restart();
    await Promise.all(stores.map((s) => drain(s, DRAIN_MS)));
    await proxy.settle();
    expect(describeDivergences(await compareReplicas(hq, stores))).toBe('');
  }

  it('4: writes made offline survive a SIGKILL and are delivered after the restart', async () => {
    const rng = new Rng(4);
    const s = await store('K4');
    await drain(s, DRAIN_MS);
    await proxy.setOutage(true);
    const written = await s.writeRandom(rng, 30);
    await expect(s.syncOnce()).rejects.toBeInstanceOf(RetryableError);
    const queued = await s.query('SELECT seq, tbl, row_id FROM sync_outbox ORDER BY seq');
    expect(queued).toHaveLength(written);
    await s.kill();
    await s.restart();
    // The same entries, numbered the same: nothing lost, nothing renumbered by the kill or the restart's own
    // sync attempt; signing in again after the restart changes nothing HQ keeps, so it adds none.
    expect(await s.query('SELECT seq, tbl, row_id FROM sync_outbox ORDER BY seq')).toEqual(queued);
    expect(await missingAtStore(s, s.saved)).toEqual([]);
    await converged(s);
    expect(await s.pending()).toBe(0);
  }, 90_000);

  it('5: SIGKILL of the store at random moments during sync, again and again: store and HQ end identical', async () => {
    const rng = new Rng(5);
    const s = await store('K5');
    // Pushes slowed a little, so the kills land between batches and inside them on a fast machine too.
    proxy.setPlan({ path: '/sync/v1/push', rates: { delay: 1 }, delayMs: [30, 200] });
    let midway = 0;
    for (let round = 0; round < 5; round++) {
      await s.writeRandom(rng, 50);
      const before = await s.pending();
      const pass = s.syncOnce().catch((e: Error) => e);
      await sleep(rng.int(40, 700));
      const left = await s.pending();
      await s.kill();
      await pass;
      if (left > 0 && left < before) midway++;
      await s.restart();
      // Nothing the kill interrupted comes back as waiting (the restart's sign-in queues nothing).
      expect(await s.pending()).toBeLessThanOrEqual(left);
    }
    expect(midway, 'no kill landed in the middle of a sync').toBeGreaterThan(0);
    await converged(s);
  }, 120_000);

  it('19: SIGKILL during a burst of local writes: the file is intact and every write reported saved is there and reaches HQ', async () => {
    const rng = new Rng(19);
    const s = await store('K19');
    for (let round = 0; round < 3; round++) {
      const from = s.saved.length;
      const burst = s.burst(rng, 2000);
      await until('writes to be saved', () => s.saved.length >= from + rng.int(20, 120));
      await s.kill();
      expect(await burst).toBeInstanceOf(Error); // cut off by the kill, not finished
      expect(s.integrityCheck()).toBe('ok');
      await s.restart();
      expect(await missingAtStore(s, s.saved)).toEqual([]);
    }
    await converged(s);
    // Each saved ledger document and receipt line is in HQ's mirror of this store.
    const atHq = await hq.read(async (q) => ({
      moves: new Set(
        (await readWire(q, mirrorSpec('stock_moves')!, sql`store_id = ${s.storeId}`)).map((r) => String(r.doc_id)),
      ),
      lines: new Set(
        (await readWire(q, mirrorSpec('receipt_lines')!, sql`store_id = ${s.storeId}`)).map((r) => String(r.id)),
      ),
    }));
    const notAtHq = s.saved.filter(
      (w) =>
        (w.table === 'stock_moves' && !atHq.moves.has(w.id)) || (w.table === 'receipt_lines' && !atHq.lines.has(w.id)),
    );
    expect(notAtHq).toEqual([]);
  }, 120_000);

  it('18: a receipt finished offline stays finished when the next pull brings HQ changes to its item', async () => {
    const s = await store('K18');
    const [area] = await s.query<{ id: string }>("SELECT id FROM storage_areas WHERE code = 'COOL'");
    const [item] = await s.query<{ id: string }>("SELECT id FROM items WHERE code = 'T-BEEF'");
    const receipt = await s.call<{ id: string }>('receipts.open', { areaId: area!.id });
    await s.call('receiving.post', {
      receiptId: receipt.id,
      line: { itemId: item!.id, qty: '3', unit: 'kg', price: 40_000 },
      print: false,
    });
    await drain(s, DRAIN_MS); // HQ holds the receipt open, its line posted
    await proxy.setOutage(true);
    await s.call('receiving.post', {
      receiptId: receipt.id,
      line: { itemId: item!.id, qty: '2', unit: 'kg', price: 40_000 },
      print: false,
    });
    await s.call('receipts.finish', { receiptId: receipt.id });
    const onHand = () => s.query('SELECT item_id, area_id, sum(qty) AS q FROM stock_moves GROUP BY 1, 2 ORDER BY 1, 2');
    const stockBefore = await onHand();
    await s.kill(); // the offline state must also survive a restart before it is sent
    await s.restart();

    // Meanwhile HQ renames the item the receipt is for and adds one: the next pull brings both.
    const hqItemId = (await s.factRows('receipt_lines'))[0]!.item_id as string;
    await hq.read(async (q) => {
      const [row] = await readWire(q, masterSpec('items')!, sql`id = ${hqItemId}`);
      await q.transaction((tx) => writeMaster(tx, 'items', { ...row, name_zh: '肥牛卷(总部)' }, Date.now()));
    });
    await hq.saveItem({ code: 'HQ-18', nameZh: '总部新品', nameEn: 'HQ new item' });
    await converged(s);

    expect(await s.query('SELECT name_zh FROM items WHERE id = ?', item!.id)).toEqual([{ name_zh: '肥牛卷(总部)' }]);
    expect(await s.query("SELECT 1 FROM items WHERE code = 'HQ-18'")).toHaveLength(1);
    const [r] = await s.query<{ status: string }>('SELECT status FROM receipts WHERE id = ?', receipt.id);
    expect(r!.status).toBe('finished');
    expect(await s.query('SELECT status FROM receipt_lines WHERE receipt_id = ? ORDER BY line_no', receipt.id)).toEqual(
      [{ status: 'posted' }, { status: 'posted' }],
    );
    expect(await onHand()).toEqual(stockBefore);
    const [mirrored] = await hq.read((q) =>
      readWire(q, mirrorSpec('receipts')!, sql`store_id = ${s.storeId} AND id = ${receipt.id}`),
    );
    expect(mirrored!.status).toBe('finished');
  }, 120_000);

  it('13: three real stores, random writes, HQ changes and partial syncs on a faulty link, then a full sync: all identical', async () => {
    const rng = new Rng(13);
    const stores = [await store('KA'), await store('KB'), await store('KC')];
    proxy.setPlan({
      rates: { 'drop-response': 0.1, 'cut-request': 0.08, 'cut-response': 0.08, duplicate: 0.1, delay: 0.2 },
      delayMs: [5, 80],
    });
    let partial = 0;
    for (let step = 0; step < 24; step++) {
      const s = rng.pick(stores);
      const r = rng.next();
      if (r < 0.5) await s.writeRandom(rng, rng.int(1, 12));
      else if (r < 0.9) {
        try {
          await s.syncOnce();
        } catch (err) {
          if (!(err instanceof RetryableError)) throw err;
          partial++;
        }
      } else await hq.saveItem({ code: `HQ13-${step}`, nameZh: `总部品${step}`, nameEn: `HQ item ${step}` });
    }
    expect(partial, 'no sync was cut short').toBeGreaterThan(0);
    await converged(...stores);
  }, 150_000);
});
