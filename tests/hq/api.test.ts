import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src-hq/db/client';
import { changeLog, hqAudit, stores } from '../../src-hq/db/schema';
import { createHqUser } from '../../src-hq/services/auth/users';
import { hqApi, type HqMethodName } from '../../src-shared/hq-api';
import type { StoreDetailDto, StoreHealthDto } from '../../src-shared/hq-api/methods/stores';
import { HQ_ROLES, type HqRole } from '../../src-shared/hq-api/roles';
import type { PullResponse, Refusal } from '../../src-shared/sync/protocol';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { HqApiClient, startTestHq, TestStore, type TestHq } from '../helpers/hq';
import { stockMove, upsert } from '../helpers/store-rows';

afterAll(stopTestPostgres);

const PASSWORD = 'correct horse 9';

describe.each(DB_KINDS)("HQ's web API on %s", (kind) => {
  let t: TestHq;
  let admin: HqApiClient;
  beforeAll(async () => {
    t = await startTestHq({ kind });
    admin = new HqApiClient(t.url);
  });
  afterAll(() => t?.close());

  async function signedIn(role: HqRole): Promise<HqApiClient> {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    await createHqUser(t.hq.ctx.db, { username, displayName: role, role, password: PASSWORD }, Date.now());
    const c = new HqApiClient(t.url);
    await c.call('session.login', { username, password: PASSWORD });
    return c;
  }
  const audits = async () => (await t.hq.ctx.db.select({ n: count() }).from(hqAudit))[0]!.n;
  const logged = async () => (await t.hq.ctx.db.select({ n: count() }).from(changeLog))[0]!.n;

  it("creates the first administrator once, on HQ's own machine only", async () => {
    expect(await admin.call('session.current')).toMatchObject({ user: null, needsSetup: true });
    const remote = await t.hq.dispatch(
      'setup.createAdmin',
      { username: 'boss', displayName: 'Boss', password: PASSWORD },
      { token: null, locale: 'en', loopback: false },
    );
    expect(remote.result.ok ? null : remote.result.error.message).toMatch(/--create-admin/);
    const s = await admin.call<{ user: { role: string } }>('setup.createAdmin', {
      username: 'boss',
      displayName: 'Boss',
      password: PASSWORD,
    });
    expect(s.user.role).toBe('admin');
    expect(admin.cookie).toMatch(/^hq_session=/);
    const again = await new HqApiClient(t.url).raw('setup.createAdmin', {
      username: 'boss2',
      displayName: 'B',
      password: PASSWORD,
    });
    expect([again.status, again.body.error?.code]).toEqual([409, 'CONFLICT']);
  });

  it('signs in with a password, counts failures even though the call fails, and locks after five', async () => {
    await createHqUser(
      t.hq.ctx.db,
      { username: 'ops1', displayName: 'Ops', role: 'operations', password: PASSWORD },
      Date.now(),
    );
    const c = new HqApiClient(t.url);
    for (let i = 0; i < 5; i++) {
      const r = await c.raw('session.login', { username: 'ops1', password: 'wrong-password' });
      expect(r.body.error?.code).toBe('BAD_CREDENTIALS');
    }
    const locked = await c.raw('session.login', { username: 'OPS1', password: PASSWORD });
    expect([locked.status, locked.body.error?.code]).toEqual([423, 'LOCKED_OUT']);
  });

  it('creates a store with a one-time code shown once, lists its health, revokes it', async () => {
    const ops = await signedIn('operations');
    const before = await audits();
    const issued = await ops.call<{ store: StoreHealthDto; enrollmentCode: string }>('stores.create', {
      code: 'SH-01',
      name: '上海一号店',
      region: '华东',
    });
    expect(issued.enrollmentCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(await audits()).toBe(before + 1);
    const [row] = await t.hq.ctx.db.select().from(stores).where(eq(stores.code, 'SH-01'));
    expect(JSON.stringify(row)).not.toContain(issued.enrollmentCode);
    const dup = await ops.raw('stores.create', { code: 'SH-01', name: 'x' });
    expect(dup.body.error?.message).toMatch(/SH-01 already exists/);
    expect(await audits()).toBe(before + 1);

    const store = new TestStore(t.client);
    await store.enroll(issued.enrollmentCode);
    await store.openSession();
    const list = await ops.call<StoreHealthDto[]>('stores.list');
    expect(list.find((s) => s.code === 'SH-01')).toMatchObject({
      status: 'active',
      id: store.localId,
      codeExpiresAt: null,
    });

    // Operations may not revoke; an administrator may, and the store is refused from then on.
    expect((await ops.raw('stores.revoke', { id: store.storeId })).body.error?.code).toBe('FORBIDDEN');
    await admin.call('stores.revoke', { id: store.storeId });
    const push = await store.push([upsert('stock_moves', stockMove())]);
    expect((push.body as Refusal).code).toBe('UNAUTHENTICATED'); // its tokens are gone
    const session = await t.client.post<Refusal>('session', {
      requestId: crypto.randomUUID(),
      storeId: store.storeId,
      credential: store.credential,
      versions: { protocol: 1, schema: 1, app: '0.1.0' },
    });
    expect(session.body.code).toBe('REVOKED');
  });

  it('shows per store what arrived: rows per table, the newest, dead letters, late entries, audit mismatches', async () => {
    const s = await t.enrolledStore();
    await admin.call('periods.close', { month: '2026-09', storeId: s.storeId });
    const moves = [stockMove({ day: '2026-09-30' }), stockMove()];
    await s.push([...moves.map((m) => upsert('stock_moves', m)), upsert('stock_moves', { id: 'bad' })], {
      audit: { head: { seq: 3, hash: 'a'.repeat(64) }, proof: null },
    });
    await s.push([upsert('stock_moves', stockMove())], {
      audit: { head: { seq: 4, hash: 'c'.repeat(64) }, proof: { seq: 3, hash: 'b'.repeat(64) } },
    });
    const viewer = await signedIn('viewer');
    const d = await viewer.call<StoreDetailDto>('stores.detail', { id: s.storeId });
    expect(d.tables.find((x) => x.table === 'stock_moves')!.rows).toBe(3);
    expect(d.recent.find((x) => x.table === 'stock_moves')!.rows).toHaveLength(3);
    expect(d.deadLetters.map((x) => x.seq)).toEqual([3]);
    expect(d.lateEntries.map((x) => x.rowKey)).toEqual([moves[0]!.id]);
    expect(d.auditMismatches.map((x) => x.seq)).toEqual([3]);
    expect(d.store).toMatchObject({ auditMismatch: true, deadLetters: 1, lateEntries: 1 });
    expect(d.streams[0]!.ackSeq).toBe(4);
  });

  it('edits items and catalogue prices: logged for the stores and audited in the same transaction', async () => {
    const ops = await signedIn('operations');
    const s = await t.enrolledStore();
    const head = async () => {
      let cursor = 0;
      for (;;) {
        const p = (await s.pull(cursor)).body as PullResponse;
        cursor = p.nextCursor;
        if (!p.more) return cursor;
      }
    };
    const cursor = await head();
    const [a0, l0] = [await audits(), await logged()];
    const item = await ops.call<{ id: string }>('items.save', {
      code: 'API-ITEM',
      nameZh: '鸡腿',
      nameEn: 'Chicken leg',
      category: 'meat',
      baseUnit: 'g',
    });
    const sup = await ops.call<{ id: string }>('suppliers.save', { code: 'API-SUP', name: '禽肉供应商' });
    const line = await ops.call<{ id: string; price: number }>('supplierItems.save', {
      supplierId: sup.id,
      itemId: item.id,
      packUnit: '箱',
      packQty: 10_000_000,
      price: 2_500_000,
    });
    await ops.call('supplierItems.setPrice', { id: line.id, price: 2_650_000 });
    expect([(await audits()) - a0, (await logged()) - l0]).toEqual([4, 4]);
    const page = (await s.pull(cursor)).body as PullResponse;
    expect(page.changes.map((c) => [c.table, c.row.price ?? c.row.code])).toEqual([
      ['items', 'API-ITEM'],
      ['suppliers', 'API-SUP'],
      ['supplier_items', 2_500_000],
      ['supplier_items', 2_650_000],
    ]);
    // A refused write leaves neither a change nor an audit entry.
    const clash = await ops.raw('items.save', {
      code: 'API-ITEM',
      nameZh: 'x',
      nameEn: 'x',
      category: 'c',
      baseUnit: 'g',
    });
    expect(clash.body.error?.code).toBe('CONFLICT');
    expect([(await audits()) - a0, (await logged()) - l0]).toEqual([4, 4]);
    const [audited] = await rows<{ method: string; user_id: string }>(
      t.hq.ctx.db,
      sql`SELECT method, user_id FROM hq_audit ORDER BY seq DESC LIMIT 1`,
    );
    expect(audited!.method).toBe('supplierItems.setPrice');
  });
});

describe('HQ roles on every method', () => {
  let t: TestHq;
  beforeAll(async () => {
    t = await startTestHq({ kind: 'pglite' });
  });
  afterAll(() => t?.close());

  it('refuses each method to the roles it does not name, and everything but public methods to no session', async () => {
    const tokens = new Map<HqRole, string>();
    for (const role of HQ_ROLES) {
      await createHqUser(
        t.hq.ctx.db,
        { username: `r-${role}`, displayName: role, role, password: PASSWORD },
        Date.now(),
      );
      const out = await t.hq.dispatch(
        'session.login',
        { username: `r-${role}`, password: PASSWORD },
        { token: null, locale: 'en', loopback: true },
      );
      tokens.set(role, (out.session as { token: string }).token);
    }
    const checked: string[] = [];
    for (const method of Object.keys(hqApi) as HqMethodName[]) {
      const access = hqApi[method].access;
      if (access === 'public') continue;
      const anon = await t.hq.dispatch(method, {}, { token: null, locale: 'en', loopback: true });
      expect(anon.result.ok ? 'ok' : anon.result.error.code, method).toBe('UNAUTHENTICATED');
      if (access === 'any') continue;
      for (const role of HQ_ROLES.filter((r) => !access.includes(r))) {
        const out = await t.hq.dispatch(method, {}, { token: tokens.get(role)!, locale: 'zh-CN', loopback: true });
        expect(out.result.ok ? 'ok' : out.result.error.code, `${method} as ${role}`).toBe('FORBIDDEN');
        checked.push(`${method}/${role}`);
      }
    }
    expect(checked).toContain('stores.revoke/operations');
    expect(checked).toContain('items.save/viewer');
    expect(checked).toContain('workOrders.edit/operations');
  });
});
