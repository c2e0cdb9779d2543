import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src-hq/db/client';
import { THROTTLE } from '../../src-hq/services/stores/enrollment-throttle';
import { SYNC_PATH, type Refusal } from '../../src-shared/sync/protocol';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { startTestHq, TEST_VERSIONS, TestStore, type TestHq } from '../helpers/hq';

afterAll(stopTestPostgres);

/** enroll/preview as a store sends it, with the answer's status and Retry-After header. */
async function preview(t: TestHq, store: TestStore, code: string) {
  const res = await fetch(`${t.url}${SYNC_PATH}/enroll/preview`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, versions: TEST_VERSIONS, store: store.identity(), existing: {} }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Refusal };
}

describe.each(DB_KINDS)('wrong enrollment codes are throttled on %s', (kind) => {
  let t: TestHq;
  let clock = Date.parse('2026-12-01T09:00:00Z');
  beforeAll(async () => {
    t = await startTestHq({ kind, options: { now: () => clock } });
  });
  afterAll(() => t?.close());

  it('refuses every code once an address has used up its wrong ones, a right one too, and takes it after the window', async () => {
    const { enrollmentCode } = await t.createStore();
    const store = new TestStore(t.client);
    for (let i = 0; i < THROTTLE.perSource; i++) {
      clock += 1000;
      const wrong = await preview(t, store, `WRONG-CODE-${i}`);
      expect(wrong.body.code).toBe('INVALID_CODE');
    }
    // The next attempt is refused for the address, whatever the code: the right one as well.
    clock += 1000;
    const right = await preview(t, store, enrollmentCode);
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(right.body.message).toMatch(/Too many wrong enrollment codes from this address/);
    // The first failure leaves the window 15 minutes after it was counted: that is the wait.
    const wait = THROTTLE.windowMs / 1000 - THROTTLE.perSource;
    expect(Number(right.retryAfter)).toBe(wait);
    expect(right.body.retryAfter).toBe(wait);
    // Confirm is behind the same throttle.
    const confirm = await t.client.post<Refusal>('enroll/confirm', {
      code: enrollmentCode,
      versions: TEST_VERSIONS,
      store: store.identity(),
      existing: {},
      planHash: 'x',
    });
    expect(confirm.body.code).toBe('TOO_MANY_ATTEMPTS');

    // Each wrong code is in HQ's audit with the address it came from (never the code).
    const audit = await rows<{ detail: { source: string } }>(
      t.hq.ctx.db,
      sql`SELECT detail FROM hq_audit WHERE method = 'sync.enroll.invalidCode' ORDER BY seq`,
    );
    expect(audit).toHaveLength(THROTTLE.perSource);
    expect(audit[0]!.detail.source).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(audit)).not.toContain('WRONG-CODE');

    // After the wait the right code goes through, and the store enrolls.
    clock += wait * 1000;
    await store.enroll(enrollmentCode);
    expect(store.storeId).toBe(store.localId);
  });

  it('also limits wrong codes from all addresses together, in the database every HQ process shares', async () => {
    // Failures recorded from many addresses (as another HQ process would have): none of them is over its own limit.
    clock += THROTTLE.windowMs * 2;
    const values = Array.from({ length: THROTTLE.overall }, (_, i) => sql`(${clock - i * 1000}, ${`10.0.${i}.1`})`);
    await t.hq.ctx.db.execute(sql`INSERT INTO enrollment_failures (at, source) VALUES ${sql.join(values, sql`, `)}`);
    const { enrollmentCode } = await t.createStore();
    const refused = await preview(t, new TestStore(t.client), enrollmentCode);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.body.message).toMatch(/were tried at HQ/);
    expect(Number(refused.retryAfter)).toBe(THROTTLE.windowMs / 1000 - (THROTTLE.overall - 1));
  });
});
