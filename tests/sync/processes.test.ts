import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src-hq/db/client';
import type { PushResponse } from '../../src-shared/sync/protocol';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { SyncClient, TestStore } from '../helpers/hq';
import { stockMove, upsert } from '../helpers/store-rows';
import { HqProcess } from './harness/processes';

afterAll(stopTestPostgres);

describe.each(DB_KINDS)('HQ as a process on %s', (kind) => {
  let hq: HqProcess;
  beforeAll(async () => {
    hq = await HqProcess.start(kind);
  }, 90_000);
  afterAll(() => hq?.close());

  it('serves, dies by SIGKILL, and comes back on the same data and port', async () => {
    const store = new TestStore(new SyncClient(hq.url));
    await store.enroll((await hq.createStore(`P-${kind}`)).enrollmentCode);
    await store.openSession();
    const first = await store.push([upsert('stock_moves', stockMove()), upsert('stock_moves', stockMove())]);
    expect((first.body as PushResponse).ackSeq).toBe(2);
    const pid = hq.pid;

    await hq.kill();
    expect(hq.running).toBe(false);
    await expect(fetch(`${hq.url}/healthz`)).rejects.toThrow();
    await hq.restart();
    expect(hq.pid).not.toBe(pid);

    // The token, the stream's ack and the rows survived the kill.
    const again = await store.push([upsert('stock_moves', stockMove())]);
    expect((again.body as PushResponse).ackSeq).toBe(3);
    const n = await hq.read(
      async (q) =>
        (
          await rows<{ n: number }>(
            q,
            sql`SELECT count(*)::int AS n FROM mirror.stock_moves WHERE store_id = ${store.storeId}`,
          )
        )[0]!.n,
    );
    expect(n).toBe(3);
    expect(hq.running).toBe(true);
    expect(hq.rssKb()).toBeGreaterThan(10_000);
  }, 90_000);
});
