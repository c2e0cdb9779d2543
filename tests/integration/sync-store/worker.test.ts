import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeStore } from '../../../src-hq/services/stores/stores';
import { createLogger } from '../../../src-main/lib/log';
import { nodeTransport, type Transport } from '../../../src-main/sync/http';
import { SyncWorker } from '../../../src-main/sync/worker';
import { REPLICATION_SCHEMA } from '../../../src-shared/sync/version';
import type { ServerEvent } from '../../../src-shared/events';
import { DB_KINDS, stopTestPostgres } from '../../helpers/hq-db';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { postStock, seedStockFixture, type StockFixture } from '../../helpers/stock';
import type { TestBackend } from '../../helpers/backend';
import { enroll, Line, mirror, openStore, QUIET, row } from './harness';

const KG = 1000;
const YUAN = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A transport that rewrites what goes to HQ or comes back (another app version, another clock). */
function rewriting(
  body: (b: Record<string, unknown>) => void,
  answer: (a: Record<string, unknown>) => void = () => {},
): Transport {
  return async (url, text, opts) => {
    const b = JSON.parse(text) as Record<string, unknown>;
    body(b);
    const raw = await nodeTransport(url, JSON.stringify(b), opts);
    const a = JSON.parse(raw.text) as Record<string, unknown>;
    answer(a);
    return { status: raw.status, text: JSON.stringify(a) };
  };
}

afterAll(stopTestPostgres);

describe.each(DB_KINDS)('the store sync worker (HQ on %s)', (kind) => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq({ kind });
  });
  afterAll(() => hq?.close());

  async function enrolledStore(
    line: Line,
    timing = QUIET,
  ): Promise<{ t: TestBackend; fx: StockFixture; storeId: string }> {
    const t = await openStore(line, timing);
    const fx = seedStockFixture(t);
    await enroll(t, hq);
    await t.call('sync.now', {});
    return { t, fx, storeId: String(row(t, 'SELECT store_id AS s FROM sync_state')!.s) };
  }
  const receive = (t: TestBackend, fx: StockFixture, n = 1) =>
    postStock(
      t,
      Array.from({ length: n }, () => ({
        itemId: fx.items.rice,
        areaId: fx.areas.dry,
        kind: 'receipt' as const,
        qty: 1 * KG,
        value: 5 * YUAN,
      })),
    );

  it('lets one worker per database push: a second one on the same file waits and sends nothing', async () => {
    const line = new Line();
    const { t, fx, storeId } = await enrolledStore(line);
    const second = new Line();
    const conn = new Database(t.backend.host.paths.db);
    conn.pragma('busy_timeout = 5000');
    const other = new SyncWorker({
      conn: () => conn,
      streamFile: join(t.dir, 'sync-stream'),
      appVersion: '0.0.0-test',
      log: createLogger({ dir: join(t.dir, 'logs'), name: 'second' }),
      transport: second.transport,
      timing: { ...QUIET, lockPollMs: 50 },
    });
    try {
      receive(t, fx, 20);
      other.start();
      // Both asked to run at once: one holds the lock, the other waits.
      await Promise.all([t.call('sync.now', {}), other.syncNow(2_000)]);
      expect(second.calls).toEqual([]);
      expect(other.status(conn)).toMatchObject({ state: 'waiting', waiting: 0 });
      expect(await mirror(hq, 'stock_moves', storeId)).toHaveLength(20);
      // Once the first worker is gone, the second takes over by itself.
      await t.backend.sync!.close();
      receive(t, fx, 3);
      await until('the second worker to push', () => second.calls.includes('push'));
      await until('the queue to drain', () => other.status(conn).waiting === 0);
      expect(await mirror(hq, 'stock_moves', storeId)).toHaveLength(23);
    } finally {
      await other.stop();
      conn.close();
      t.close();
    }
  });

  it('backs off with jitter while HQ is unreachable or busy, then syncs by itself once it is back', async () => {
    const line = new Line();
    const timing = { ...QUIET, minBackoffMs: 40, maxBackoffMs: 320 };
    const { t, fx, storeId } = await enrolledStore(line, timing);
    try {
      const attempts: number[] = [];
      const events: ServerEvent[] = [];
      const off = t.backend.events.subscribe((e) => events.push(e));
      line.down = true;
      const busy: Transport = async (url, body, opts) => {
        attempts.push(Date.now());
        // Every other failure is HQ answering 503 busy rather than no answer at all.
        if (attempts.length % 2 === 0) {
          return {
            status: 503,
            text: JSON.stringify({ ok: false, code: 'BUSY', message: 'database busy', hqTime: Date.now() }),
          };
        }
        return line.transport(url, body, opts);
      };
      (t.backend.sync!.worker as unknown as { opts: { transport: Transport } }).opts.transport = busy;
      receive(t, fx);
      await t.call('sync.now', {});
      await until('seven attempts', () => attempts.length >= 7);
      const status = await t.call('sync.status', {});
      expect(['offline', 'retrying', 'syncing']).toContain(status.state);
      expect(status.waiting).toBe(1);
      // Each wait is at least half the doubled base (jitter), never below the first one, and the doubling stops at the cap.
      const gaps = attempts.slice(1).map((a, i) => a - attempts[i]!);
      for (let i = 1; i < gaps.length; i++)
        expect(gaps[i]).toBeGreaterThanOrEqual(Math.min(320, 40 * 2 ** (i - 1)) / 2 - 5);
      expect(Math.max(...gaps)).toBeLessThan(2_000);
      // HQ is back: the worker gets through on its own, without "sync now".
      line.down = false;
      (t.backend.sync!.worker as unknown as { opts: { transport: Transport } }).opts.transport = line.transport;
      await until('the queue to drain', async () => {
        const s = await t.call('sync.status', {});
        return s.waiting === 0 && s.state === 'idle';
      });
      expect(await mirror(hq, 'stock_moves', storeId)).toHaveLength(1);
      expect(await t.call('sync.status', {})).toMatchObject({ state: 'idle', online: true, lastError: null });
      // The status bar heard about it through the event bus.
      off();
      expect(events.some((e) => e.type === 'invalidate' && e.methods.includes('sync.status'))).toBe(true);
    } finally {
      t.close();
    }
  });

  it('stops on a refusal only a person can fix (revoked, app too old) and says why; keeps entries queued', async () => {
    const line = new Line();
    const { t, fx, storeId } = await enrolledStore(line, { ...QUIET, idleMs: 50 });
    try {
      const worker = t.backend.sync!.worker as unknown as { opts: { transport: Transport } };
      // HQ two replication schemas ahead of this app.
      const hqCtx = hq.hq.ctx as { replicationSchema: number };
      hqCtx.replicationSchema = REPLICATION_SCHEMA + 2;
      receive(t, fx);
      const old = await t.call('sync.now', {}).finally(() => {
        hqCtx.replicationSchema = REPLICATION_SCHEMA;
      });
      expect(old).toMatchObject({ state: 'stopped', waiting: 1, refusal: { code: 'STORE_UPDATE_REQUIRED' } });
      // Stopped means stopped: the timer does not knock on HQ's door again.
      line.calls.length = 0;
      const calls = line.calls.length;
      await sleep(400);
      expect(line.calls.length).toBe(calls);
      // A newer app than HQ: deferred (retried slowly), not stopped, nothing lost.
      worker.opts.transport = rewriting((b) => {
        if (b.versions) (b.versions as { schema: number }).schema = REPLICATION_SCHEMA + 1;
      });
      const newer = await t.call('sync.now', {});
      expect(newer).toMatchObject({ state: 'retrying', waiting: 1, refusal: { code: 'HQ_UPDATE_REQUIRED' } });

      // A PC clock a day ahead: HQ refuses the batch; the reason is shown, the entries stay.
      worker.opts.transport = rewriting((b) => {
        if (typeof b.sentAt === 'number') b.sentAt += 25 * 3_600_000;
      });
      const ahead = await t.call('sync.now', {});
      expect(ahead).toMatchObject({ state: 'retrying', waiting: 1, refusal: { code: 'CLOCK_AHEAD' } });

      // HQ's clock an hour ahead of this PC's: measured for the status message, sync goes on.
      worker.opts.transport = rewriting(
        () => {},
        (a) => {
          if (typeof a.hqTime === 'number') a.hqTime += 3_600_000 + 120_000;
        },
      );
      const skewed = await t.call('sync.now', {});
      expect(skewed).toMatchObject({ state: 'idle', waiting: 0, refusal: null });
      expect(skewed.clockOffsetMs).toBeGreaterThan(3_600_000);
      expect(skewed.clockOffsetMs).toBeLessThan(3_800_000);

      // Revoked at HQ: stopped with that reason until someone acts.
      worker.opts.transport = line.transport;
      await hq.hq.ctx.db.transaction((tx) => revokeStore(tx, storeId, Date.now()));
      receive(t, fx);
      const revoked = await t.call('sync.now', {});
      expect(revoked).toMatchObject({ state: 'stopped', waiting: 1, refusal: { code: 'REVOKED' } });
      const runs = await t.call('sync.history', { limit: 20 });
      expect(runs[0]).toMatchObject({ result: 'refused', code: 'REVOKED' });
    } finally {
      t.close();
    }
  });

  it('shows an entry HQ cannot accept as a dead letter with its reason; the entries behind it go through', async () => {
    const line = new Line();
    const { t, fx, storeId } = await enrolledStore(line);
    try {
      receive(t, fx);
      // A row no service would write (a fractional amount) reaches the outbox through its trigger.
      const [bad] = receive(t, fx);
      t.backend.database.sqlite.prepare('UPDATE stock_moves SET value = 1.5 WHERE id = ?').run(bad!.id);
      receive(t, fx);
      const status = await t.call('sync.now', {});
      // Its insert and the edit made two entries; each went up as the row is now, and each was refused.
      expect(status).toMatchObject({ waiting: 0, deadLetters: 2, state: 'idle' });
      const letters = await t.call('sync.deadLetters', { limit: 10 });
      for (const letter of letters) {
        expect(letter).toMatchObject({ direction: 'up', table: 'stock_moves', rowId: bad!.id });
        expect(letter.reason).toMatch(/value/);
      }
      expect((await mirror(hq, 'stock_moves', storeId)).map((m) => m.id)).not.toContain(bad!.id);
      expect(await mirror(hq, 'stock_moves', storeId)).toHaveLength(2);
    } finally {
      t.close();
    }
  });
});
