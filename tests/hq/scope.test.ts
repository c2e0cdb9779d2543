import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hqUserScopeRegions, hqUserScopes } from '../../src-hq/db/schema';
import { createHqUser } from '../../src-hq/services/auth/users';
import { hqApi, type HqMethodName } from '../../src-shared/hq-api';
import type { RegionDto } from '../../src-shared/hq-api/methods/regions';
import { StoreId, type StoreHealthDto } from '../../src-shared/hq-api/methods/stores';
import type { HqUserDto } from '../../src-shared/hq-api/methods/users';
import { HQ_ROLES, type HqRole } from '../../src-shared/hq-api/roles';
import { HqApiClient, startTestHq, type TestHq } from '../helpers/hq';

const PASSWORD = 'correct horse 9';

/** The input keys of a method that hold a store's id (the StoreId schema itself, optional or not). */
function storeKeys(input: z.ZodType): string[] {
  if (!(input instanceof z.ZodObject)) return [];
  return Object.entries(input.shape as Record<string, z.ZodType>)
    .filter(([, field]) => {
      let f: unknown = field;
      while (f && f !== StoreId && (f as { def?: { innerType?: unknown } }).def?.innerType) {
        f = (f as { def: { innerType: unknown } }).def.innerType;
      }
      return f === StoreId;
    })
    .map(([key]) => key);
}

describe('regions and HQ users’ scope', () => {
  let t: TestHq;
  let admin: HqApiClient;
  let east: RegionDto;
  let west: RegionDto;
  let inEast: StoreHealthDto;
  let inWest: StoreHealthDto;
  beforeAll(async () => {
    t = await startTestHq({ kind: 'pglite' });
    admin = new HqApiClient(t.url);
    await admin.call('setup.createAdmin', { username: 'boss', displayName: 'Boss', password: PASSWORD });
    east = await admin.call<RegionDto>('regions.save', { code: 'EAST', nameZh: '华东', nameEn: 'East China' });
    west = await admin.call<RegionDto>('regions.save', { code: 'WEST', nameZh: '西南', nameEn: 'Southwest' });
    inEast = (
      await admin.call<{ store: StoreHealthDto }>('stores.create', { code: 'E-1', name: '上海店', regionId: east.id })
    ).store;
    inWest = (
      await admin.call<{ store: StoreHealthDto }>('stores.create', { code: 'W-1', name: '成都店', regionId: west.id })
    ).store;
  });
  afterAll(() => t?.close());

  async function regional(role: HqRole, regionIds = [east.id]): Promise<{ c: HqApiClient; id: string }> {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    const u = await admin.call<HqUserDto>('users.create', {
      username,
      displayName: role,
      role: 'viewer',
      password: PASSWORD,
    });
    await admin.call('users.setScope', { id: u.id, scope: { kind: 'regions', regionIds } });
    await admin.call('users.update', { id: u.id, role });
    const c = new HqApiClient(t.url);
    await c.call('session.login', { username, password: PASSWORD });
    return { c, id: u.id };
  }

  it('manages regions: codes unique, a used region stays, a store’s region set on create and edited', async () => {
    expect(inEast.region).toMatchObject({ code: 'EAST', nameZh: '华东', nameEn: 'East China' });
    const dup = await admin.raw('regions.save', { code: 'east', nameZh: 'x', nameEn: 'x' });
    expect([dup.body.error?.code, dup.body.error?.message]).toEqual([
      'CONFLICT',
      'A region with the code east already exists. Choose another code.',
    ]);
    const inUse = await admin.raw('regions.delete', { id: east.id });
    expect(inUse.body.error?.code).toBe('CONFLICT');
    const moved = await admin.call<StoreHealthDto>('stores.update', {
      id: inWest.id,
      name: '成都春熙路店',
      regionId: null,
    });
    expect([moved.name, moved.region]).toEqual(['成都春熙路店', null]);
    await admin.call('stores.update', { id: inWest.id, name: '成都春熙路店', regionId: west.id });
    const bad = await admin.raw('stores.create', { code: 'X-1', name: 'x', regionId: 'no-such-region' });
    expect([bad.body.error?.code, bad.body.error?.message]).toEqual([
      'NOT_FOUND',
      'This region no longer exists. Refresh and choose again.',
    ]);
    const list = await admin.call<RegionDto[]>('regions.list');
    expect(list.map((r) => [r.code, r.stores])).toEqual([
      ['EAST', 1],
      ['WEST', 1],
    ]);
  });

  it('shows a regional user only the region’s stores and refuses another region’s store by name', async () => {
    const { c } = await regional('operations');
    expect((await c.call<StoreHealthDto[]>('stores.list')).map((s) => s.code)).toEqual(['E-1']);
    await c.call('stores.detail', { id: inEast.id });
    const other = await c.raw('stores.detail', { id: inWest.id });
    expect([other.status, other.body.error?.code, other.body.error?.message]).toEqual([
      403,
      'FORBIDDEN',
      'The store W-1 成都春熙路店 is outside your HQ scope. Ask an HQ administrator if you need it.',
    ]);
    // Nothing made or moved out of their own sight, and the chain's regions are not theirs to change.
    expect((await c.raw('stores.create', { code: 'E-2', name: 'x', regionId: west.id })).body.error?.code).toBe(
      'FORBIDDEN',
    );
    await c.call('stores.create', { code: 'E-2', name: '杭州店', regionId: east.id });
    expect((await c.raw('stores.update', { id: inEast.id, name: 'x', regionId: west.id })).body.error?.code).toBe(
      'FORBIDDEN',
    );
    expect((await c.raw('regions.save', { code: 'N', nameZh: '华北', nameEn: 'North' })).body.error?.code).toBe(
      'FORBIDDEN',
    );
    // A month closed for every store is a chain-wide act.
    const chainWide = await c.raw('periods.close', { month: '2026-01' });
    expect(chainWide.body.error?.message).toMatch(/not the whole chain/);
  });

  it('scopes a user to a list of stores, follows a store’s id through enrollment, and keeps administrators chain-wide', async () => {
    const u = await admin.call<HqUserDto>('users.create', {
      username: 'one',
      displayName: 'One',
      role: 'viewer',
      password: PASSWORD,
    });
    const pending = await t.createStore('S-ONE');
    const set = await admin.call<HqUserDto>('users.setScope', {
      id: u.id,
      scope: { kind: 'stores', storeIds: [pending.storeId] },
    });
    expect(set.scope).toEqual({ kind: 'stores', regionIds: [], storeIds: [pending.storeId] });
    const c = new HqApiClient(t.url);
    await c.call('session.login', { username: 'one', password: PASSWORD });
    expect((await c.call<StoreHealthDto[]>('stores.list')).map((s) => s.code)).toEqual(['S-ONE']);
    // At enrollment HQ adopts the store's own id: the scope follows it.
    const { TestStore } = await import('../helpers/hq');
    const store = new TestStore(t.client);
    await store.enroll(pending.enrollmentCode);
    expect(store.storeId).not.toBe(pending.storeId);
    expect((await c.call<StoreHealthDto[]>('stores.list')).map((s) => s.id)).toEqual([store.storeId]);

    const empty = await admin.raw('users.setScope', { id: u.id, scope: { kind: 'regions', regionIds: [] } });
    expect([empty.body.error?.code, empty.body.error?.message]).toEqual(['VALIDATION', 'Choose at least one region.']);
    const me = await admin.call<{ user: HqUserDto }>('session.current');
    const adm = await admin.raw('users.setScope', {
      id: me.user!.id,
      scope: { kind: 'regions', regionIds: [east.id] },
    });
    expect(adm.body.error?.code).toBe('VALIDATION');
  });

  it('refuses an out-of-scope store on every method that names one (generated from the contract)', async () => {
    const naming = (Object.keys(hqApi) as HqMethodName[])
      .map((m) => ({ m, keys: storeKeys(hqApi[m].input), declared: (hqApi[m] as { store?: string }).store }))
      .filter((x) => x.keys.length > 0 || x.declared);
    // Each method whose input holds a store declares it, so the dispatch checks it: a new one cannot forget.
    for (const x of naming) expect([x.m, x.declared], x.m).toEqual([x.m, x.keys[0]]);
    expect(naming.map((x) => x.m).sort()).toEqual(
      expect.arrayContaining([
        'stores.detail',
        'stores.newCode',
        'stores.revoke',
        'stores.update',
        'workOrders.edit',
        'periods.close',
      ]),
    );

    // A caller of each role the method allows, scoped to the east; administrators are chain-wide through the
    // API, so theirs is written directly: the check itself must hold for any role.
    const callers = new Map<HqRole, HqApiClient>();
    for (const role of HQ_ROLES) {
      const username = `gen-${role}`;
      const u = await createHqUser(t.hq.ctx.db, { username, displayName: role, role, password: PASSWORD }, Date.now());
      await t.hq.ctx.db.insert(hqUserScopes).values({ userId: u.id, kind: 'regions', updatedAt: Date.now() });
      await t.hq.ctx.db.insert(hqUserScopeRegions).values({ userId: u.id, regionId: east.id });
      const c = new HqApiClient(t.url);
      await c.call('session.login', { username, password: PASSWORD });
      callers.set(role, c);
    }
    for (const { m, declared } of naming) {
      const access = hqApi[m].access;
      const role = access === 'any' || access === 'public' ? 'viewer' : access[0]!;
      const c = callers.get(role)!;
      const out = await c.raw(m, { [declared!]: inWest.id });
      expect([out.body.error?.code, out.body.error?.message], `${m} as ${role}`).toEqual([
        'FORBIDDEN',
        expect.stringContaining('W-1'),
      ]);
      // The store left out means every store: refused too where it may be left out.
      if (!hqApi[m].input.safeParse({ [declared!]: undefined }).success) continue;
      const all = await c.raw(m, {});
      expect(all.body.error?.code, `${m} for every store as ${role}`).toBe('FORBIDDEN');
    }
  });
});
