import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mutation, query } from '../../src-shared/api/contract';
import type { ServerEvent } from '../../src-shared/events';
import { createDispatch } from '../../src-main/api/dispatch';
import { openSetUpBackend, openTestBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
afterEach(() => t?.close());

const count = (table: string) =>
  (t.backend.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('dispatch', () => {
  it('answers an unknown method with UNKNOWN_METHOD naming it', async () => {
    t = await openSetUpBackend();
    const err = await t.fail('users.explode', {});
    expect(err.code).toBe('UNKNOWN_METHOD');
    expect(err.message).toContain('users.explode');
  });

  it('tells a missing session, an expired one and a missing role apart', async () => {
    t = await openSetUpBackend();
    expect((await t.fail('users.list', {}, { token: null })).code).toBe('UNAUTHENTICATED');
    expect((await t.fail('users.list', {}, { token: 'not-a-session' })).code).toBe('UNAUTHENTICATED');
    await t.call('users.create', {
      username: 'clerk',
      displayName: 'Clerk',
      role: 'clerk',
      authKind: 'pin',
      secret: '1111',
    });
    const admin = t.token;
    await t.call('session.login', { username: 'clerk', secret: '1111' });
    const forbidden = await t.fail('users.list', {});
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toContain('Clerk');
    const zh = await t.fail(
      'users.create',
      { username: 'x2', displayName: 'X', role: 'admin', authKind: 'pin', secret: '1234' },
      { locale: 'zh-CN' },
    );
    expect(zh.code).toBe('FORBIDDEN');
    expect(zh.message).toContain('收货员');
    expect(count('users')).toBe(2);
    // the admin's session is still good
    expect(await t.call('users.list', {}, { token: admin })).toHaveLength(2);
  });

  it('rejects invalid input with VALIDATION naming each field, in the caller language, and writes nothing', async () => {
    t = await openSetUpBackend();
    const users = count('users');
    const audit = count('audit_log');
    const err = await t.fail('users.create', {
      username: 'a b',
      displayName: '',
      role: 'chef',
      authKind: 'pin',
      secret: '12',
    });
    expect(err.code).toBe('VALIDATION');
    const paths = err.fields!.map((f) => f.path).sort();
    expect(paths).toEqual(['displayName', 'role', 'secret', 'username']);
    expect(err.fields!.find((f) => f.path === 'secret')!.message).toBe('A PIN is 4 to 8 digits.');
    const zh = await t.fail(
      'users.create',
      { username: 'ab', displayName: 'x', role: 'clerk', authKind: 'pin', secret: '12' },
      { locale: 'zh-CN' },
    );
    expect(zh.fields![0]!.message).toBe('PIN 为 4 到 8 位数字。');
    expect(zh.message).toBe('部分字段无效，请更正后重试。');
    expect(count('users')).toBe(users);
    expect(count('audit_log')).toBe(audit);
  });

  it('records each mutation in the audit log with secrets redacted, inside the same transaction', async () => {
    t = await openSetUpBackend();
    await t.call('users.create', {
      username: 'li',
      displayName: '李',
      role: 'manager',
      authKind: 'pin',
      secret: '987654',
    });
    const row = t.backend.database.sqlite
      .prepare("SELECT username, method, detail FROM audit_log WHERE method = 'users.create'")
      .get() as { username: string; method: string; detail: string };
    expect(row.username).toBe('boss');
    expect(row.detail).not.toContain('987654');
    expect(row.detail).not.toMatch(/scrypt\$/);
    const detail = JSON.parse(row.detail) as { input: { secret: string }; changes: { table: string; op: string }[] };
    expect(detail.input.secret).toBe('[redacted]');
    expect(detail.changes[0]).toMatchObject({ table: 'users', op: 'insert' });
  });

  it('maps a conflict to CONFLICT on the field, and publishes invalidations after a mutation', async () => {
    t = await openSetUpBackend();
    const seen: ServerEvent[] = [];
    t.backend.events.subscribe((e) => seen.push(e));
    await t.call('users.create', {
      username: 'wang',
      displayName: 'W',
      role: 'clerk',
      authKind: 'pin',
      secret: '1234',
    });
    expect(seen).toContainEqual({ type: 'invalidate', methods: ['users.list'] });
    const err = await t.fail('users.create', {
      username: 'WANG',
      displayName: 'W',
      role: 'clerk',
      authKind: 'pin',
      secret: '1234',
    });
    expect(err.code).toBe('CONFLICT');
    expect(err.fields![0]!.path).toBe('username');
  });

  it('turns a bug into INTERNAL with a log reference and rolls back what the handler wrote', async () => {
    t = await openSetUpBackend();
    const { database, host, log, events } = t.backend;
    const contracts = {
      'test.boom': mutation({ input: z.object({}), output: z.object({}), access: 'public' }),
      'test.read': query({
        input: z.object({ n: z.number().int() }),
        output: z.object({ n: z.number() }),
        access: 'public',
      }),
    };
    const dispatch = createDispatch({
      db: database.db,
      sqlite: database.sqlite,
      host,
      log,
      events,
      contracts,
      handlers: {
        'test.boom': {
          run: (ctx) => {
            ctx.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('boom', 'x')").run();
            throw new Error('kaboom');
          },
        },
        'test.read': { run: (_ctx, i: { n: number }) => ({ n: i.n * 2 }) },
      },
    });
    const meta = { token: null, locale: 'en' as const, caller: { loopback: true, client: 't' } };
    const out = await dispatch('test.boom', {}, meta);
    expect(out.result.ok).toBe(false);
    if (out.result.ok) return;
    expect(out.result.error.code).toBe('INTERNAL');
    expect(out.result.error.ref).toMatch(/^[0-9A-F]{8}$/);
    expect(out.result.error.message).toContain(out.result.error.ref!);
    expect(database.sqlite.prepare("SELECT 1 FROM meta WHERE key = 'boom'").get()).toBeUndefined();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(log.file, 'utf8')).toContain(out.result.error.ref!);
    expect((await dispatch('test.read', { n: 21 }, meta)).result).toEqual({ ok: true, value: { n: 42 } });
    expect((await dispatch('test.read', { n: 'x' }, meta)).result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('sign-in', () => {
  it('locks an account after repeated wrong PINs, refuses even the right PIN until unlocked', async () => {
    t = await openSetUpBackend();
    await t.call('users.create', {
      username: 'zhao',
      displayName: '赵',
      role: 'clerk',
      authKind: 'pin',
      secret: '2468',
    });
    const admin = t.token;
    for (let i = 0; i < 4; i++) {
      expect((await t.fail('session.login', { username: 'zhao', secret: '0000' }, { token: null })).code).toBe(
        'BAD_CREDENTIALS',
      );
    }
    const locked = await t.fail('session.login', { username: 'zhao', secret: '0000' }, { token: null });
    expect(locked.code).toBe('LOCKED_OUT');
    expect(locked.message).toMatch(/locked until \d{4}-\d\d-\d\d \d\d:\d\d here/);
    expect((await t.fail('session.login', { username: 'zhao', secret: '2468' }, { token: null })).code).toBe(
      'LOCKED_OUT',
    );
    const users = await t.call('users.list', {}, { token: admin });
    const zhao = users.find((u) => u.username === 'zhao')!;
    expect(zhao.lockedUntil).not.toBeNull();
    await t.call('users.unlock', { id: zhao.id }, { token: admin });
    const s = await t.call('session.login', { username: 'zhao', secret: '2468' });
    expect(s.user?.username).toBe('zhao');
    const attempts = t.backend.database.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'session.login'")
      .get() as { n: number };
    expect(attempts.n).toBe(6); // the attempt refused while locked is not checked, so not audited
  });

  it('gives the same answer for an unknown user and a wrong PIN', async () => {
    t = await openSetUpBackend();
    const a = await t.fail('session.login', { username: 'nobody', secret: '1234' }, { token: null });
    const b = await t.fail('session.login', { username: 'boss', secret: '9999' }, { token: null });
    expect(a).toEqual(b);
  });

  it('ends a session after the idle limit and says so', async () => {
    let now = Date.parse('2026-11-27T02:00:00Z');
    t = await openTestBackend({ now: () => now });
    await t.call('setup.initialize', {
      store: { code: 'SH-002', name: 'x', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'boss', displayName: 'B', authKind: 'password', secret: 'correct horse' },
    });
    now += 60 * 60_000;
    expect((await t.call('session.current', {})).user?.username).toBe('boss');
    now += 8 * 60 * 60_000 + 1;
    expect((await t.fail('users.list', {})).code).toBe('SESSION_EXPIRED');
  });

  it('allows first-run setup only once and only from the store PC', async () => {
    t = await openTestBackend();
    const input = {
      store: { code: 'SH-003', name: 'x', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'boss', displayName: 'B', authKind: 'pin' as const, secret: '1234' },
    };
    expect((await t.fail('setup.initialize', input, { loopback: false })).code).toBe('FORBIDDEN');
    expect(
      (await t.fail('setup.initialize', { ...input, store: { ...input.store, timezone: 'Mars/Base' } })).fields![0]!
        .path,
    ).toBe('store.timezone');
    await t.call('setup.initialize', input);
    expect((await t.fail('setup.initialize', input)).code).toBe('ALREADY_SET_UP');
  });

  it('never lets the store lose its last administrator', async () => {
    t = await openSetUpBackend();
    const me = (await t.call('session.current', {})).user!;
    expect((await t.fail('users.update', { id: me.id, disabled: true })).code).toBe('CONFLICT');
    expect((await t.fail('users.update', { id: me.id, role: 'clerk' })).message).toContain('last active administrator');
    const other = await t.call('users.create', {
      username: 'a2',
      displayName: 'A2',
      role: 'admin',
      authKind: 'pin',
      secret: '1234',
    });
    await t.call('users.update', { id: other.id, disabled: true });
    expect((await t.fail('session.login', { username: 'a2', secret: '1234' }, { token: null })).code).toBe('FORBIDDEN');
  });
});
