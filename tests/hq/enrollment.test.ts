import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { rows } from '../../src-hq/db/client';
import { changeLog, enrollments, equipment, items, stores, syncIdMap } from '../../src-hq/db/schema';
import { writeMaster } from '../../src-hq/services/master/write';
import { revokeStore } from '../../src-hq/services/stores/stores';
import type { MatchPlan, Refusal } from '../../src-shared/sync/protocol';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { startTestHq, TEST_VERSIONS, TestStore, type TestHq } from '../helpers/hq';

afterAll(stopTestPostgres);

const item = (id: string, code: string, nameZh: string) => ({
  id,
  code,
  name_zh: nameZh,
  name_en: code,
  category: 'meat',
  base_unit: 'g',
  active: 1,
  shelf_life_days: null,
  lot_tracked: 0,
});

describe.each(DB_KINDS)('enrollment and sessions on %s', (kind) => {
  let t: TestHq;
  beforeAll(async () => {
    t = await startTestHq({ kind });
  });
  afterAll(() => t?.close());

  async function master(table: string, row: Record<string, unknown>) {
    await t.hq.ctx.db.transaction((tx) => writeMaster(tx, table, row, Date.now()));
  }

  it('matches a store with data by code: matched, conflicts, adopted, incoming; the code works once', async () => {
    const hqChicken = uuidv7();
    const hqBeef = uuidv7();
    await master('items', item(hqChicken, 'ENR-CHK', '鸡胸肉'));
    await master('items', item(hqBeef, 'ENR-BEEF', '牛腩'));
    await master('item_units', { item_id: hqChicken, unit: '箱', factor: 10_000_000, purchase: 1, count: 0 });
    const { storeId: hqStoreId, enrollmentCode } = await t.createStore('ENR-1', '一号店');
    // Equipment HQ registered for the store before it enrolled: it follows the store's id.
    const fridge = uuidv7();
    await master('equipment', {
      id: fridge,
      code: 'ENR-FRIDGE',
      name: '冷柜',
      category: 'refrigeration',
      store_id: hqStoreId,
      criticality: 'high',
      active: 1,
    });

    const store = new TestStore(t.client);
    const localChicken = uuidv7();
    const localPork = uuidv7();
    const existing = {
      items: [
        { id: localChicken, code: 'ENR-CHK', row: item(localChicken, 'ENR-CHK', '鸡胸肉') },
        { id: 'x', code: 'ENR-BEEF', row: { ...item(uuidv7(), 'ENR-BEEF', '牛肉'), id: 'x' } },
        { id: localPork, code: 'ENR-PORK', row: item(localPork, 'ENR-PORK', '五花肉') },
      ],
      item_units: [
        {
          id: `${localChicken}|箱`,
          code: '箱',
          row: { item_id: localChicken, unit: '箱', factor: 10_000_000, purchase: 1, count: 0 },
        },
      ],
    };
    const preview = await store.preview(enrollmentCode, existing);
    expect(preview.status).toBe(200);
    if (!preview.body.ok) throw new Error(preview.body.message);
    expect(preview.body.storeCode).toBe('ENR-1');
    const plan = (name: string) => preview.body.ok && preview.body.plans.find((p: MatchPlan) => p.table === name)!;
    const itemsPlan = plan('items') as MatchPlan;
    expect(itemsPlan.matched).toEqual([{ code: 'ENR-CHK', localId: localChicken, hqId: hqChicken }]);
    expect(itemsPlan.conflicts).toEqual([
      { code: 'ENR-BEEF', localId: 'x', hqId: hqBeef, fields: [{ column: 'name_zh', store: '牛肉', hq: '牛腩' }] },
    ]);
    expect(itemsPlan.adopted).toEqual([{ code: 'ENR-PORK', localId: localPork }]);
    expect(itemsPlan.incoming).toBe(0);
    // The unit is matched through the item's mapping (local id -> HQ id).
    expect((plan('item_units') as MatchPlan).matched).toHaveLength(1);
    expect((plan('equipment') as MatchPlan).incoming).toBe(1);

    const confirmed = await store.enroll(enrollmentCode, existing);
    expect(confirmed.storeId).toBe(store.localId);
    const db = t.hq.ctx.db;
    const [row] = await db.select().from(stores).where(eq(stores.id, store.localId));
    expect(row!.status).toBe('active');
    expect(row!.code).toBe('ENR-1');
    expect(row!.credentialHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(confirmed.credential);
    // HQ adopted the store's id; its equipment and change-log entries followed.
    const [eq1] = await db.select().from(equipment).where(eq(equipment.id, fridge));
    expect(eq1!.storeId).toBe(store.localId);
    const mapped = await db.select().from(syncIdMap).where(eq(syncIdMap.storeId, store.localId));
    expect(mapped.map((m) => [m.tbl, m.localId, m.hqId]).sort()).toEqual(
      [
        ['items', localChicken, hqChicken],
        ['items', 'x', hqBeef],
      ].sort(),
    );
    // Adopted under the store's id, logged for every store; HQ's values won the conflict, the store's are in the report.
    const [pork] = await db.select().from(items).where(eq(items.id, localPork));
    expect(pork!.nameZh).toBe('五花肉');
    const [beef] = await db.select().from(items).where(eq(items.id, hqBeef));
    expect(beef!.nameZh).toBe('牛腩');
    const logged = await db.select().from(changeLog).where(eq(changeLog.rowKey, localPork));
    expect(logged).toHaveLength(1);
    const [report] = await db.select().from(enrollments).where(eq(enrollments.storeId, store.localId));
    expect(JSON.stringify(report!.plans)).toContain('牛肉');

    // The code is spent.
    const again = await new TestStore(t.client).preview(enrollmentCode);
    expect(again.status).toBe(403);
    expect((again.body as Refusal).code).toBe('INVALID_CODE');
  });

  it('refuses to confirm a plan HQ has changed since the preview, and keeps the code', async () => {
    const hqId = uuidv7();
    await master('items', item(hqId, 'PLAN-1', '原名'));
    const { enrollmentCode } = await t.createStore();
    const store = new TestStore(t.client);
    const localId = uuidv7();
    const existing = { items: [{ id: localId, code: 'PLAN-1', row: item(localId, 'PLAN-1', '原名') }] };
    const p = await store.preview(enrollmentCode, existing);
    if (!p.body.ok) throw new Error(p.body.message);
    await master('items', item(hqId, 'PLAN-1', '新名'));
    const c = await t.client.post<Refusal>('enroll/confirm', {
      code: enrollmentCode,
      versions: TEST_VERSIONS,
      store: store.identity(),
      existing,
      planHash: p.body.planHash,
    });
    expect(c.status).toBe(409);
    expect(c.body.code).toBe('PLAN_CHANGED');
    expect(c.body.message).toMatch(/preview again/);
    const [row] = await rows<{ n: number }>(t.hq.ctx.db, sql`SELECT count(*)::int AS n FROM sync_id_map`);
    await store.enroll(enrollmentCode, existing); // the code still works
    const [after] = await rows<{ n: number }>(t.hq.ctx.db, sql`SELECT count(*)::int AS n FROM sync_id_map`);
    expect(after!.n).toBe(row!.n + 1);
  });

  it('refuses an expired code and a store database already enrolled as another store', async () => {
    const { storeId, enrollmentCode } = await t.createStore();
    await t.hq.ctx.db
      .update(stores)
      .set({ enrollmentExpiresAt: Date.now() - 1 })
      .where(eq(stores.id, storeId));
    const expired = await new TestStore(t.client).preview(enrollmentCode);
    expect((expired.body as Refusal).code).toBe('INVALID_CODE');
    expect((expired.body as Refusal).message).toMatch(/new code/);

    const enrolled = await t.enrolledStore();
    const second = await t.createStore();
    const impostor = new TestStore(t.client);
    Object.assign(impostor, { localId: enrolled.localId });
    const refused = await impostor.preview(second.enrollmentCode);
    expect(refused.status).toBe(403);
    expect((refused.body as Refusal).code).toBe('WRONG_STORE');
  });

  it("exchanges the credential for a token; refuses a wrong, another store's or a revoked credential, and a replay", async () => {
    const a = await t.enrolledStore();
    const b = await t.enrolledStore();
    const ask = (storeId: string, credential: string, requestId = randomUUID()) =>
      t.client.post<Refusal>('session', { requestId, storeId, credential, versions: TEST_VERSIONS });
    const wrong = await ask(a.storeId, 'y'.repeat(43));
    expect([wrong.status, wrong.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const other = await ask(a.storeId, b.credential);
    expect([other.status, other.body.code]).toEqual([403, 'WRONG_STORE']);
    const id = randomUUID();
    expect((await ask(a.storeId, a.credential, id)).status).toBe(200);
    const replay = await ask(a.storeId, a.credential, id);
    expect([replay.status, replay.body.code]).toEqual([409, 'REPLAYED']);
    await t.hq.ctx.db.transaction((tx) => revokeStore(tx, b.storeId, Date.now()));
    const revoked = await ask(b.storeId, b.credential);
    expect([revoked.status, revoked.body.code]).toEqual([403, 'REVOKED']);
  });

  it('tells an old store to update and waits for HQ to be updated for a newer one', async () => {
    const a = await t.enrolledStore();
    const ask = (versions: object) =>
      t.client.post<Refusal>('session', {
        requestId: randomUUID(),
        storeId: a.storeId,
        credential: a.credential,
        versions: { ...TEST_VERSIONS, ...versions },
      });
    // HQ takes its own schema and the one before: this HQ is two versions ahead of the store.
    t.hq.ctx.replicationSchema = TEST_VERSIONS.schema + 2;
    const old = await ask({}).finally(() => (t.hq.ctx.replicationSchema = TEST_VERSIONS.schema));
    expect([old.status, old.body.code]).toEqual([426, 'STORE_UPDATE_REQUIRED']);
    expect(old.body.message).toMatch(/Update this store's app/);
    expect((await ask({ schema: TEST_VERSIONS.schema - 1 })).status).toBe(200);
    const newer = await ask({ schema: TEST_VERSIONS.schema + 1 });
    expect([newer.status, newer.body.code]).toEqual([409, 'HQ_UPDATE_REQUIRED']);
    expect(newer.body.message).toMatch(/HQ needs an update/);
  });
});
