import { afterEach, describe, expect, it } from 'vitest';
import type { ApiErrorData } from '../../src-shared/errors';
import { openTestBackend, STORE, type TestBackend } from '../helpers/backend';

let t: TestBackend;
let now = Date.parse('2026-11-27T02:00:00Z');
afterEach(() => t?.close());

const MIN = 60_000;

/** A store with boss (admin, 1234) and zhao (clerk, 2468); the clock is `now`. */
async function store(): Promise<TestBackend> {
  now = Date.parse('2026-11-27T02:00:00Z');
  const b = await openTestBackend({ now: () => now });
  await b.call('setup.initialize', {
    store: STORE,
    admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
  });
  await b.call('users.create', { username: 'zhao', displayName: '赵', role: 'clerk', authKind: 'pin', secret: '2468' });
  return b;
}

/** One sign-in from a client address ('local' = this PC: Electron or loopback). */
async function signIn(username: string, secret: string, source: string): Promise<ApiErrorData | 'ok'> {
  const out = await t.backend.dispatch(
    'session.login',
    { username, secret },
    { token: null, locale: 'en', caller: { loopback: source === 'local', client: 'test', source } },
  );
  return out.result.ok ? 'ok' : out.result.error;
}
const codeOf = (r: ApiErrorData | 'ok') => (r === 'ok' ? 'ok' : r.code);

describe('sign-in throttling', () => {
  it('answers an unknown name exactly like a real one, wrong PIN after wrong PIN, through the lockout', async () => {
    t = await store();
    const real: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      // each from its own machine: the per-machine wait is the same for both and is tested below
      real.push(await signIn('zhao', '0000', `10.0.1.${i}`));
      unknown.push(await signIn('zhang', '0000', `10.0.2.${i}`));
    }
    expect(unknown).toEqual(real);
    expect(real.map((r) => codeOf(r as ApiErrorData))).toEqual([
      'BAD_CREDENTIALS',
      'BAD_CREDENTIALS',
      'BAD_CREDENTIALS',
      'BAD_CREDENTIALS',
      'LOCKED_OUT',
      'BAD_CREDENTIALS', // a machine that had not failed on the account yet still gets its tries
      'BAD_CREDENTIALS',
    ]);
    // from a machine that took part, the answer is "locked" for both, with the same time
    expect(await signIn('zhang', '0000', '10.0.2.0')).toEqual(await signIn('zhao', '0000', '10.0.1.0'));
  });

  it('does not let another machine keep a user out: the right PIN still works where nobody failed', async () => {
    t = await store();
    const attacker = '192.168.1.66';
    for (let i = 0; i < 5; i++) await signIn('zhao', String(1000 + i), attacker);
    expect(codeOf(await signIn('zhao', '2468', attacker))).toBe('LOCKED_OUT');
    const locked = (await t.call('users.list', {})).find((u) => u.username === 'zhao')!;
    expect(locked.lockedUntil).not.toBeNull(); // the administrator sees that someone is trying
    expect(locked.failedAttempts).toBe(5);

    // zhao at the store PC, and on her tablet after one typo
    expect(await signIn('zhao', '2468', 'local')).toBe('ok');
    expect(codeOf(await signIn('zhao', '2467', '192.168.1.20'))).toBe('BAD_CREDENTIALS');
    expect(await signIn('zhao', '2468', '192.168.1.20')).toBe('ok');
    // the attacker keeps trying, to no effect on her
    for (let i = 0; i < 10; i++) {
      now += MIN;
      expect(['LOCKED_OUT', 'RATE_LIMITED']).toContain(codeOf(await signIn('zhao', '0000', attacker)));
    }
    expect(await signIn('zhao', '2468', 'local')).toBe('ok');
  });

  it('makes one machine wait longer and longer whatever names it tries, and forgets it after a success', async () => {
    t = await store();
    const laptop = '192.168.1.99';
    const names = ['boss', 'zhao', 'li', 'wang', 'admin', 'chen', 'liu', 'yang', 'huang', 'zhou'];
    for (const n of names) expect(codeOf(await signIn(n, '0000', laptop))).toMatch(/BAD_CREDENTIALS|LOCKED_OUT/);
    const wait = await signIn('zhao', '2468', laptop); // even the right PIN of an untouched account waits
    expect(wait).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many failed sign-ins from this device. Try again in 30 s.',
    });
    now += 30_000;
    expect(codeOf(await signIn('qian', '0000', laptop))).toBe('BAD_CREDENTIALS');
    expect(await signIn('sun', '0000', laptop)).toMatchObject({ code: 'RATE_LIMITED', params: { wait: '60 s' } });
    now += 60_000;
    await signIn('zheng', '0000', laptop);
    expect(await signIn('wu', '0000', laptop)).toMatchObject({ params: { wait: '2 min' } });
    // other machines are not affected
    expect(await signIn('zhao', '2468', '192.168.1.20')).toBe('ok');
    // the waits stop growing at the lockout length (15 min)
    for (let i = 0; i < 8; i++) {
      now += 15 * MIN;
      await signIn(`n${i}`, '0000', laptop);
    }
    expect(await signIn('x', '0000', laptop)).toMatchObject({ params: { wait: '15 min' } });
    now += 15 * MIN;
    expect(await signIn('zhao', '2468', laptop)).toBe('ok');
    expect(codeOf(await signIn('x', '0000', laptop))).toBe('BAD_CREDENTIALS');
  });

  it('counts Electron and loopback sign-ins as this PC, and an administrator can unlock', async () => {
    t = await store();
    for (let i = 0; i < 5; i++) await signIn('zhao', '0000', 'local');
    // IPC calls carry no source: the same machine as 'local'
    const ipc = await t.backend.dispatch(
      'session.login',
      { username: 'zhao', secret: '2468' },
      { token: null, locale: 'zh-CN', caller: { loopback: true, client: 'electron' } },
    );
    expect(ipc.result).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    if (!ipc.result.ok) expect(ipc.result.error.message).toContain('此用户在本设备上登录失败次数过多');
    const zhao = (await t.call('users.list', {})).find((u) => u.username === 'zhao')!;
    await t.call('users.unlock', { id: zhao.id });
    expect(await signIn('zhao', '2468', 'local')).toBe('ok');
    const row = t.backend.database.sqlite
      .prepare("SELECT failed_attempts AS n, locked_until AS until FROM users WHERE username = 'zhao'")
      .get() as { n: number; until: number | null };
    expect(row).toEqual({ n: 0, until: null });
  });

  it('audits every checked attempt with its source, but not the ones refused unchecked', async () => {
    t = await store();
    const before = auditCount();
    for (let i = 0; i < 5; i++) await signIn('nobody', '0000', '10.0.0.9');
    for (let i = 0; i < 50; i++) await signIn('nobody', '0000', '10.0.0.9');
    expect(auditCount() - before).toBe(5);
    const last = t.backend.database.sqlite
      .prepare("SELECT detail FROM audit_log WHERE method = 'session.login' ORDER BY seq DESC LIMIT 1")
      .get() as { detail: string };
    expect(JSON.parse(last.detail)).toMatchObject({ result: 'locked-now', summary: { source: '10.0.0.9' } });
  });
});

function auditCount(): number {
  return (
    t.backend.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'session.login'").get() as {
      n: number;
    }
  ).n;
}

describe('changing one own secret', () => {
  it('signs the session out after the wrong current PIN too many times, audited', async () => {
    t = await store();
    await t.call('session.login', { username: 'zhao', secret: '2468' });
    const change = (current: string) => t.fail('users.changeOwnSecret', { current, authKind: 'pin', secret: '1357' });
    for (let left = 4; left >= 1; left--) {
      const wrong = await change('0000');
      expect(wrong).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'current' }] });
      expect(wrong.message).toBe(`The current PIN/password is wrong. ${left} more wrong and you will be signed out.`);
    }
    const out = await change('0000');
    expect(out.code).toBe('UNAUTHENTICATED');
    expect(out.message).toContain('signed out');
    expect(t.token).toBeNull();
    // the right PIN is no use now: the session is gone
    expect((await t.fail('users.changeOwnSecret', { current: '2468', authKind: 'pin', secret: '1357' })).code).toBe(
      'UNAUTHENTICATED',
    );
    const audit = t.backend.database.sqlite
      .prepare("SELECT detail FROM audit_log WHERE method = 'users.changeOwnSecret' ORDER BY seq")
      .all() as { detail: string }[];
    expect(audit.map((a) => (JSON.parse(a.detail) as { result: string }).result)).toEqual([
      'wrong-current',
      'wrong-current',
      'wrong-current',
      'wrong-current',
      'signed-out',
    ]);
    // signing in again and proving the PIN works, and is audited without the secrets
    await t.call('session.login', { username: 'zhao', secret: '2468' });
    await t.call('users.changeOwnSecret', { current: '2468', authKind: 'pin', secret: '1357' });
    const ok = t.backend.database.sqlite
      .prepare("SELECT detail FROM audit_log WHERE method = 'users.changeOwnSecret' ORDER BY seq DESC LIMIT 1")
      .get() as { detail: string };
    expect(ok.detail).not.toContain('2468');
    expect(ok.detail).not.toContain('1357');
    expect(JSON.parse(ok.detail)).toMatchObject({ input: { current: '[redacted]', secret: '[redacted]' } });
    expect(await signIn('zhao', '1357', 'local')).toBe('ok');
  });
});
