import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src-hq/db/client';
import { writeMaster } from '../../src-hq/services/master/write';
import type { PullResponse, PushResponse, Refusal } from '../../src-shared/sync/protocol';
import { openTestHqDb, stopTestPostgres, type TestHqDb } from '../helpers/hq-db';
import { startTestHq, SyncClient, TestStore, type TestHq } from '../helpers/hq';
import { stockMove, upsert } from '../helpers/store-rows';

afterAll(stopTestPostgres);

/**
 * HQ keeps no state of its own between requests: two HQ processes against one
 * PostgreSQL serve the same stores. A store (or a proxy duplicating its
 * requests) may reach either, in any interleaving.
 */
describe('two HQ processes on one PostgreSQL', () => {
  let db: TestHqDb;
  let a: TestHq;
  let b: TestHq;
  let other: ChildProcess | null = null;
  const logs = mkdtempSync(join(tmpdir(), 'hq-two-'));
  beforeAll(async () => {
    db = await openTestHqDb('postgres');
    a = await startTestHq({ kind: 'postgres', db });
    b = await startTestHq({ kind: 'postgres', db });
  });
  afterAll(async () => {
    if (other && other.exitCode === null) other.kill('SIGKILL');
    await a?.close();
    await b?.close();
    await db?.hq.close();
    rmSync(logs, { recursive: true, force: true });
  });

  const count = async (storeId: string) =>
    (
      await rows<{ n: number }>(
        db.hq.db,
        sql`SELECT count(*)::int AS n FROM mirror.stock_moves WHERE store_id = ${storeId}`,
      )
    )[0]!.n;
  const ack = async (storeId: string) =>
    (
      await rows<{ ack: number }>(
        db.hq.db,
        sql`SELECT max(ack_seq) AS ack FROM sync_streams WHERE store_id = ${storeId}`,
      )
    )[0]!.ack;

  it('applies a batch delivered to both at once exactly once, batch after batch', async () => {
    const store = await a.enrolledStore(); // enrolled through A, its token works at B too
    const viaB = new TestStore(b.client);
    Object.assign(viaB, { storeId: store.storeId, token: store.token, streamId: store.streamId });
    let duplicates = 0;
    for (let i = 0; i < 12; i++) {
      const body = store.batch(Array.from({ length: 50 }, () => upsert('stock_moves', stockMove())));
      const [ra, rb] = await Promise.all([store.send(body), viaB.send({ ...body, requestId: randomUUID() })]);
      const answers = [ra.body, rb.body] as (PushResponse | Refusal)[];
      for (const r of answers) {
        if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
        expect(r.ackSeq).toBe(body.toSeq);
      }
      expect(answers.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
      duplicates += answers.filter((r) => r.ok && r.duplicate).length;
      store.nextSeq = body.toSeq + 1;
    }
    expect(duplicates).toBe(12);
    expect(await count(store.storeId)).toBe(600);
    expect(await ack(store.storeId)).toBe(600);
  });

  it('loses no ack when batches race through both hosts out of order: a gap is refused and resent, never skipped', async () => {
    const store = await b.enrolledStore();
    const hosts = [a.client, b.client];
    const bodies = Array.from({ length: 20 }, (_, i) => {
      const entries = Array.from({ length: 25 }, (_, j) => ({
        ...upsert('stock_moves', stockMove()),
        seq: i * 25 + j + 1,
      }));
      return store.batch(entries);
    });
    // Every batch is sent at once, each to a random host (a proxy reordering them); the store then resends from where HQ says.
    await Promise.all(
      bodies.map(async (body, i) => {
        const r = await hosts[i % 2]!.post<PushResponse | Refusal>('push', body, store.token);
        if (!r.body.ok) expect(r.body.code).toBe('GAP');
      }),
    );
    for (;;) {
      const acked = await ack(store.storeId);
      const next = bodies.find((x) => x.toSeq > acked);
      if (!next) break;
      const r = await hosts[Math.floor(Math.random() * 2)]!.post<PushResponse | Refusal>(
        'push',
        { ...next, requestId: randomUUID() },
        store.token,
      );
      expect(r.body.ok || (r.body as Refusal).code === 'GAP').toBe(true);
    }
    expect(await ack(store.storeId)).toBe(500);
    expect(await count(store.storeId)).toBe(500);
  });

  it('shares request ids, sessions and the change log between the processes', async () => {
    const store = await a.enrolledStore();
    const body = store.batch([upsert('stock_moves', stockMove())]);
    expect((await a.client.post<PushResponse>('push', body, store.token)).body.ok).toBe(true);
    const replay = await b.client.post<Refusal>('push', body, store.token);
    expect(replay.body.code).toBe('REPLAYED');
    // A master write through A's process is pulled through B's, in order, with checksums that agree.
    await a.hq.ctx.db.transaction((tx) =>
      writeMaster(
        tx,
        'items',
        {
          id: randomUUID(),
          code: `TWO-${store.code}`,
          name_zh: '两进程',
          name_en: 'Two',
          category: 'dry',
          base_unit: 'g',
        },
        Date.now(),
      ),
    );
    const viaB = new TestStore(b.client);
    Object.assign(viaB, { storeId: store.storeId, token: store.token });
    const pulled = (await viaB.pull(0)).body as PullResponse;
    expect(pulled.changes.some((c) => c.row.code === `TWO-${store.code}`)).toBe(true);
    const viaA = (await store.pull(0)).body as PullResponse;
    expect(viaA.checksums).toEqual(pulled.checksums);
  });

  it('runs beside a real second HQ process (npm run hq with DATABASE_URL) serving the same store', async () => {
    other = spawn(process.execPath, ['--import', 'tsx', 'src-hq/host/main.ts', '--port', '0'], {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: db.url!, HQ_DATA_DIR: logs },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    other.stdout!.on('data', (d) => (out += d));
    other.stderr!.on('data', (d) => (out += d));
    const end = Date.now() + 30_000;
    while (!/HQ is running at (\S+)/.test(out)) {
      if (Date.now() > end || other.exitCode !== null) throw new Error(`the second HQ did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = /HQ is running at (\S+)/.exec(out)![1]!;
    const processClient = new SyncClient(url);
    const store = await a.enrolledStore();
    const viaProcess = new TestStore(processClient);
    Object.assign(viaProcess, { storeId: store.storeId, token: store.token, streamId: store.streamId });
    const sends = [];
    for (let i = 0; i < 10; i++) {
      const body = store.batch(Array.from({ length: 20 }, () => upsert('stock_moves', stockMove())));
      sends.push(Promise.all([store.send(body), viaProcess.send({ ...body, requestId: randomUUID() })]));
      await sends[sends.length - 1];
      store.nextSeq = body.toSeq + 1;
    }
    expect(await count(store.storeId)).toBe(200);
    expect(await ack(store.storeId)).toBe(200);
    other.kill('SIGTERM');
    await new Promise((r) => other!.on('exit', r));
  }, 60_000);
});
