import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { enroll, Line, mirror, openStore, rows } from './harness';

/**
 * Only a change HQ keeps makes an outbox entry. A sign-in stamps the user's
 * counters and last sign-in, which never leave the store; before, each one
 * (and each wrong PIN) sent the unchanged user up to HQ again.
 */
describe('bookkeeping writes after enrollment', () => {
  let hq: TestHq;
  let t: TestBackend;
  beforeAll(async () => {
    hq = await startTestHq({ kind: 'pglite' });
  });
  afterAll(() => hq?.close());
  beforeEach(async () => {
    t = await openStore(new Line());
    await t.call('users.create', {
      username: 'amy',
      displayName: 'Amy',
      role: 'clerk',
      authKind: 'pin',
      secret: '5678',
    });
    await enroll(t, hq);
    await t.call('sync.now', {});
  });
  afterEach(() => t.close());

  const outbox = () => rows(t, 'SELECT tbl, row_id, op FROM sync_outbox ORDER BY seq');
  const userId = (name: string) => rows(t, 'SELECT id FROM users WHERE username = ?', name)[0]!.id as string;
  /** HQ's copy of a store row, for the columns given: equal to the store's when nothing was left behind. */
  async function atHq(table: string, id: string, columns: string[]) {
    const storeId = String(rows(t, 'SELECT store_id FROM sync_state')[0]!.store_id);
    const copy = (await mirror(hq, table, storeId)).find((r) => r.id === id);
    return copy && Object.fromEntries(columns.map((c) => [c, copy[c]]));
  }
  const atStore = (table: string, id: string, columns: string[]) =>
    rows(t, `SELECT ${columns.join(', ')} FROM "${table}" WHERE id = ?`, id)[0];

  it('sign-ins, a wrong PIN, an unlock and a new PIN leave the outbox as it was', async () => {
    const before = outbox();
    for (let i = 0; i < 3; i++) {
      await t.call('session.login', { username: 'amy', secret: '5678' });
      await t.call('session.login', { username: 'boss', secret: '1234' });
    }
    expect((await t.fail('session.login', { username: 'amy', secret: '0000' })).code).toBe('BAD_CREDENTIALS');
    expect(rows(t, "SELECT failed_attempts FROM users WHERE username = 'amy'")).toEqual([{ failed_attempts: 1 }]);
    await t.call('users.unlock', { id: userId('amy') });
    await t.call('users.resetSecret', { id: userId('amy'), authKind: 'pin', secret: '6789' });
    expect(outbox()).toEqual(before);
    // No entry, so the row HQ keeps must not have moved at the store either (updated_at included).
    const cols = ['display_name', 'role', 'updated_at'];
    expect(await atHq('users', userId('amy'), cols)).toEqual(atStore('users', userId('amy'), cols));
  });

  it('the store settings alone make no entry; a changed name does, and HQ gets it', async () => {
    const { store, settings } = await t.call('store.get', {});
    const { id: _id, code: _code, ...fields } = store;
    await t.call('store.update', { store: fields, settings: { ...settings, lockoutThreshold: 7 } });
    expect(outbox()).toEqual([]);
    expect(await atHq('store', store.id, ['name', 'updated_at'])).toEqual(
      atStore('store', store.id, ['name', 'updated_at']),
    );
    await t.call('store.update', { store: { ...fields, name: 'Renamed' }, settings });
    expect(outbox()).toEqual([{ tbl: 'store', row_id: store.id, op: 'upsert' }]);
  });

  it('renaming a user or changing a role writes one entry each, and HQ’s copy equals the store’s', async () => {
    const id = userId('amy');
    await t.call('session.login', { username: 'amy', secret: '5678' });
    await t.call('session.login', { username: 'boss', secret: '1234' });
    await t.call('users.update', { id, displayName: 'Amy W' });
    expect(outbox()).toEqual([{ tbl: 'users', row_id: id, op: 'upsert' }]);
    await t.call('users.update', { id, role: 'manager' });
    expect(outbox()).toHaveLength(2);
    await t.call('sync.now', {});
    const cols = ['display_name', 'role', 'updated_at'];
    expect(await atHq('users', id, cols)).toEqual({ ...atStore('users', id, cols), role: 'manager' });
  });
});
