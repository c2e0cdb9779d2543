import { describe, expect, it } from 'vitest';
import type { CallMeta, Dispatch, DispatchOutcome } from '../api/dispatch';
import { createCallHandler, RefusedCallError, type FrameLike, type InvokeEventLike } from './ipc-calls';
import { rendererOrigin } from './renderer-origin';

const origin = rendererOrigin(undefined);

function frame(over: Partial<FrameLike> = {}): FrameLike {
  return {
    processId: 4,
    frameToken: 'top',
    parent: null,
    url: 'app://renderer/#/items',
    isDestroyed: () => false,
    ...over,
  };
}

function event(id = 1, sender: FrameLike | null = frame()): InvokeEventLike {
  return { sender: { id, mainFrame: frame(), isDestroyed: () => false }, senderFrame: sender };
}

function setup(outcomes: DispatchOutcome[] = []) {
  const seen: { method: string; meta: CallMeta }[] = [];
  const refused: string[] = [];
  const open = new Set([1, 2]);
  const dispatch: Dispatch = async (method, _input, meta) => {
    seen.push({ method, meta });
    return outcomes.shift() ?? { result: { ok: true, value: null } };
  };
  const calls = createCallHandler({
    dispatch,
    isOurWindow: (id) => open.has(id),
    ownsUrl: origin.owns,
    systemLocale: () => 'zh-CN',
    onRefused: (reason) => refused.push(reason),
  });
  return { calls, seen, refused, open };
}

describe('IPC call handler', () => {
  it('passes calls from our window to dispatch as a local Electron caller', async () => {
    const { calls, seen } = setup();
    expect(await calls.handle(event(), 'system.ping', {}, 'en')).toEqual({ ok: true, value: null });
    expect(seen[0]).toEqual({
      method: 'system.ping',
      meta: { token: null, locale: 'en', caller: { loopback: true, client: 'electron' } },
    });
  });

  it('falls back to the system locale for an unknown one', async () => {
    const { calls, seen } = setup();
    await calls.handle(event(), 'system.ping', {}, 'fr');
    expect(seen[0]!.meta.locale).toBe('zh-CN');
  });

  it('refuses subframes, other pages, other windows and non-string methods', async () => {
    const { calls, seen, refused } = setup();
    const cases: [InvokeEventLike, unknown][] = [
      [event(1, frame({ parent: {} })), 'system.ping'],
      [event(1, frame({ frameToken: 'child' })), 'system.ping'],
      [event(1, frame({ url: 'https://evil.example/' })), 'system.ping'],
      [event(1, frame({ url: 'file:///tmp/index.html' })), 'system.ping'],
      [event(1, null), 'system.ping'],
      [event(9), 'system.ping'],
      [event(), 42],
    ];
    for (const [e, method] of cases) {
      await expect(calls.handle(e, method, {}, 'en')).rejects.toBeInstanceOf(RefusedCallError);
    }
    expect(seen).toHaveLength(0);
    expect(refused).toEqual(['sender', 'sender', 'sender', 'sender', 'sender', 'sender', 'method']);
  });

  it('lets dispatch answer unknown method names', async () => {
    const { calls, seen } = setup();
    await calls.handle(event(), 'no.such.method', {}, 'en');
    expect(seen[0]!.method).toBe('no.such.method');
  });

  it('keeps the session token per window in main and applies session changes', async () => {
    const login = { token: 'secret-token', expiresAt: 1 };
    const { calls, seen } = setup([
      { result: { ok: true, value: { user: 'a' } }, session: login },
      { result: { ok: true, value: null } },
      { result: { ok: true, value: null } },
      { result: { ok: true, value: null }, session: null },
      { result: { ok: true, value: null } },
    ]);
    const result = await calls.handle(event(1), 'session.login', {}, 'en');
    expect(JSON.stringify(result)).not.toContain('secret-token');
    await calls.handle(event(1), 'session.current', {}, 'en');
    await calls.handle(event(2), 'session.current', {}, 'en');
    await calls.handle(event(1), 'session.logout', {}, 'en');
    await calls.handle(event(1), 'session.current', {}, 'en');
    expect(seen.map((s) => s.meta.token)).toEqual([null, 'secret-token', null, 'secret-token', null]);
  });

  it('does not keep a token for a window that closed during the call', async () => {
    const { calls, seen, open } = setup([
      { result: { ok: true, value: null }, session: { token: 't', expiresAt: 1 } },
      { result: { ok: true, value: null } },
    ]);
    const pending = calls.handle(event(2), 'session.login', {}, 'en');
    open.delete(2);
    await pending;
    open.add(2);
    await calls.handle(event(2), 'session.current', {}, 'en');
    expect(seen[1]!.meta.token).toBeNull();
  });
});

describe('IPC input shape', () => {
  it('refuses input nested past the limit or carrying a cycle, without calling dispatch', async () => {
    const { calls, seen } = setup();
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    for (const input of [{ key: 'x', value: deep }, cyclic]) {
      const out = await calls.handle(event(), 'prefs.set', input, 'en');
      expect(out).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!out.ok) expect(out.error.message).toContain('64');
    }
    expect(seen).toEqual([]);
    expect(await calls.handle(event(), 'prefs.set', { key: 'x', value: [[[1]]] }, 'en')).toMatchObject({ ok: true });
  });
});
