import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqAudit } from '../../src-hq/db/schema';
import { updateUser } from '../../src-hq/services/auth/manage-users';
import { createHqUser } from '../../src-hq/services/auth/users';
import type { HqUserDto } from '../../src-shared/hq-api/methods/users';
import { HqApiClient, startTestHq, type TestHq } from '../helpers/hq';

const PASSWORD = 'correct horse 9';

/** HQ user management through HQ's web API, as its users page calls it (PGlite: nothing here is dialect-specific). */
describe('HQ users', () => {
  let t: TestHq;
  let admin: HqApiClient;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestHq({ kind: 'pglite' });
    admin = new HqApiClient(t.url);
    const s = await admin.call<{ user: HqUserDto }>('setup.createAdmin', {
      username: 'boss',
      displayName: 'Boss',
      password: PASSWORD,
    });
    adminId = s.user.id;
  });
  afterAll(() => t?.close());

  const audited = async (method: string) =>
    (await t.hq.ctx.db.select({ n: count() }).from(hqAudit).where(eq(hqAudit.method, method)))[0]!.n;
  async function signIn(username: string, password = PASSWORD): Promise<HqApiClient> {
    const c = new HqApiClient(t.url);
    await c.call('session.login', { username, password });
    return c;
  }

  it('lists, creates and edits users; disabling ends their sessions at once and re-enabling lets them back', async () => {
    const u = await admin.call<HqUserDto>('users.create', {
      username: 'lin',
      displayName: 'Lin',
      role: 'viewer',
      password: PASSWORD,
    });
    expect(u).toMatchObject({ role: 'viewer', disabled: false, mustChangePassword: false, scope: { kind: 'chain' } });
    const lin = await signIn('lin');
    await lin.call('stores.list');

    const edited = await admin.call<HqUserDto>('users.update', {
      id: u.id,
      displayName: 'Lin Wei',
      role: 'operations',
    });
    expect(edited).toMatchObject({ displayName: 'Lin Wei', role: 'operations' });
    // The new role applies to the session already open.
    expect((await lin.call<{ user: HqUserDto }>('session.current')).user!.role).toBe('operations');

    const a0 = await audited('users.update');
    await admin.call('users.update', { id: u.id, disabled: true });
    expect(await audited('users.update')).toBe(a0 + 1);
    expect((await lin.raw('stores.list')).body.error?.code).toBe('SESSION_EXPIRED');
    expect(
      (await new HqApiClient(t.url).raw('session.login', { username: 'lin', password: PASSWORD })).body.error?.code,
    ).toBe('BAD_CREDENTIALS');
    await admin.call('users.update', { id: u.id, disabled: false });
    await (await signIn('lin')).call('stores.list');

    const list = await admin.call<HqUserDto[]>('users.list');
    expect(list.map((x) => x.username)).toEqual(['boss', 'lin']);
  });

  it('resets a password: sessions end, and the next sign-in must set a new one before anything else', async () => {
    const u = await admin.call<HqUserDto>('users.create', {
      username: 'zhao',
      displayName: 'Zhao',
      role: 'maintenance',
      password: PASSWORD,
    });
    const before = await signIn('zhao');
    const reset = await admin.call<HqUserDto>('users.resetPassword', { id: u.id, password: 'temporary-123' });
    expect(reset.mustChangePassword).toBe(true);
    expect((await before.raw('stores.list')).body.error?.code).toBe('SESSION_EXPIRED');
    const [row] = await t.hq.ctx.db.select().from(hqAudit).where(eq(hqAudit.method, 'users.resetPassword'));
    expect(JSON.stringify(row!.detail)).not.toContain('temporary-123');

    const zhao = await signIn('zhao', 'temporary-123');
    expect((await zhao.call<{ user: HqUserDto }>('session.current')).user!.mustChangePassword).toBe(true);
    const refused = await zhao.raw('stores.list');
    expect([refused.body.error?.code, refused.body.error?.message]).toEqual([
      'FORBIDDEN',
      'An administrator reset your password: set a new one first.',
    ]);
    const wrong = await zhao.raw('session.changePassword', { current: 'not-it', password: 'my-own-pass-1' });
    expect(wrong.body.error?.code).toBe('VALIDATION');
    const same = await zhao.raw('session.changePassword', { current: 'temporary-123', password: 'temporary-123' });
    expect(same.body.error?.code).toBe('VALIDATION');
    await zhao.call('session.changePassword', { current: 'temporary-123', password: 'my-own-pass-1' });
    await zhao.call('stores.list');
    expect((await zhao.call<{ user: HqUserDto }>('session.current')).user!.mustChangePassword).toBe(false);
    await signIn('zhao', 'my-own-pass-1');
  });

  it('refuses an administrator disabling or demoting themselves, and losing the last active administrator', async () => {
    const self = await admin.raw('users.update', { id: adminId, disabled: true });
    expect([self.body.error?.code, self.body.error?.message]).toEqual([
      'CONFLICT',
      'You cannot disable your own account.',
    ]);
    const demote = await admin.raw('users.update', { id: adminId, role: 'viewer' });
    expect(demote.body.error?.code).toBe('CONFLICT');
    expect(demote.body.error?.message).toMatch(/administrator role from yourself/);
    // Anyone else (the command line, another process) taking the last active administrator away is refused too.
    await expect(
      t.hq.ctx.db.transaction((tx) => updateUser(tx, 'someone-else', { id: adminId, role: 'viewer' }, Date.now())),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'error.lastAdmin' });
    // With a second administrator, the first may be demoted by the second.
    const second = await createHqUser(
      t.hq.ctx.db,
      { username: 'second', displayName: 'Second', role: 'admin', password: PASSWORD },
      Date.now(),
    );
    const other = await signIn('second');
    expect((await other.call<HqUserDto>('users.update', { id: adminId, role: 'operations' })).role).toBe('operations');
    await other.call('users.update', { id: adminId, role: 'admin' });
    expect(second.role).toBe('admin');
  });

  it('answers bad input clearly and only administrators may manage users', async () => {
    const unknown = await admin.raw('users.update', { id: 'no-such-user', displayName: 'X' });
    expect([unknown.body.error?.code, unknown.body.error?.message]).toEqual([
      'NOT_FOUND',
      'This HQ user no longer exists. Refresh the list.',
    ]);
    const short = await admin.raw('users.resetPassword', { id: adminId, password: 'short' });
    expect(short.body.error?.code).toBe('VALIDATION');
    const ops = await signIn('lin');
    for (const m of ['users.list', 'users.update', 'users.resetPassword', 'users.setScope']) {
      expect((await ops.raw(m, { id: adminId })).body.error?.code, m).toBe('FORBIDDEN');
    }
  });
});
