/**
 * The phases dispatch gives a mutation (issue 10, point 1): work before the
 * transaction that writes nothing (prepare), the transaction with its one
 * audit entry (run), and work after the commit that never undoes it
 * (ctx.afterCommit); a declared failure record written by dispatch itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mutation } from '../../src-shared/api/contract';
import type { ServerEvent } from '../../src-shared/events';
import { createDispatch } from '../../src-main/api/dispatch';
import { AppError } from '../../src-main/services/app-error';
import type { Ctx } from '../../src-main/services/context';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
afterEach(() => t?.close());

const meta = { token: null, locale: 'en' as const, caller: { loopback: true, client: 't' } };
const written = () =>
  t.backend.database.sqlite.prepare("SELECT key, value FROM meta WHERE key LIKE 'test.%' ORDER BY key").all();
const entries = (method: string) =>
  t.backend.database.sqlite.prepare('SELECT username, detail FROM audit_log WHERE method = ?').all(method) as {
    username: string | null;
    detail: string;
  }[];
const put = (ctx: Ctx, key: string, value: string) =>
  ctx.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);

function dispatchWith(handlers: Record<string, { prepare?: unknown; run: unknown }>, auditFailures = false) {
  const { database, host, log, events } = t.backend;
  const contract = mutation({
    input: z.object({ v: z.string() }),
    output: z.object({ v: z.string() }),
    access: 'public',
    invalidates: ['test.read'],
    auditFailures,
  });
  return createDispatch({
    db: database.db,
    sqlite: database.sqlite,
    host,
    log,
    events,
    contracts: Object.fromEntries(Object.keys(handlers).map((m) => [m, contract])),
    handlers: handlers as never,
  });
}

describe('a mutation in dispatch', () => {
  it('prepares outside the transaction, then writes and audits in one, handing the prepared value on', async () => {
    t = await openSetUpBackend();
    const seen: boolean[] = [];
    const dispatch = dispatchWith({
      'test.write': {
        prepare: async (ctx: Ctx, i: { v: string }) => {
          seen.push(ctx.sqlite.inTransaction);
          await new Promise((r) => setTimeout(r, 5));
          return i.v.toUpperCase();
        },
        run: (ctx: Ctx, i: { v: string }, prepared: string) => {
          seen.push(ctx.sqlite.inTransaction);
          put(ctx, 'test.a', prepared);
          return { v: prepared };
        },
      },
    });
    expect((await dispatch('test.write', { v: 'abc' }, meta)).result).toEqual({ ok: true, value: { v: 'ABC' } });
    expect(seen).toEqual([false, true]);
    expect(written()).toEqual([{ key: 'test.a', value: 'ABC' }]);
    expect(entries('test.write')).toHaveLength(1);
  });

  it('a refusal while preparing leaves no trace', async () => {
    t = await openSetUpBackend();
    const dispatch = dispatchWith({
      'test.write': {
        prepare: () => Promise.reject(new AppError('VALIDATION', 'validation.invalid')),
        run: (ctx: Ctx) => {
          put(ctx, 'test.a', 'x');
          return { v: 'x' };
        },
      },
    });
    expect((await dispatch('test.write', { v: 'a' }, meta)).result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(written()).toEqual([]);
    expect(entries('test.write')).toEqual([]);
  });

  it('refuses an asynchronous run (a write must not wait inside its transaction), writing nothing', async () => {
    t = await openSetUpBackend();
    const dispatch = dispatchWith({
      'test.write': {
        run: async (ctx: Ctx) => {
          put(ctx, 'test.a', 'x');
          return { v: 'x' };
        },
      },
    });
    expect((await dispatch('test.write', { v: 'a' }, meta)).result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(written()).toEqual([]);
    expect(entries('test.write')).toEqual([]);
  });

  it('an AppError after the commit is the answer; the commit and its invalidations stand', async () => {
    t = await openSetUpBackend();
    const seen: ServerEvent[] = [];
    t.backend.events.subscribe((e) => seen.push(e));
    const dispatch = dispatchWith({
      'test.write': {
        run: (ctx: Ctx) => {
          put(ctx, 'test.a', 'x');
          ctx.afterCommit(() => {
            throw new AppError('DEVICE_OFFLINE', 'devices.error.offline');
          });
          return { v: 'x' };
        },
      },
    });
    const out = await dispatch('test.write', { v: 'a' }, meta);
    expect(out.result).toMatchObject({ ok: false, error: { code: 'DEVICE_OFFLINE' } });
    expect(written()).toEqual([{ key: 'test.a', value: 'x' }]);
    expect(entries('test.write')).toHaveLength(1);
    expect(seen).toContainEqual({ type: 'invalidate', methods: ['test.read'] });
  });

  it('records a declared failure in a transaction of its own: the kept writes and one entry, the call rolled back', async () => {
    t = await openSetUpBackend();
    const run = (ctx: Ctx, i: { v: string }) => {
      put(ctx, 'test.call', 'rolled back');
      if (i.v === 'quiet') throw new AppError('BAD_CREDENTIALS');
      ctx.auditNote({ result: 'bad-secret', summary: { tries: 1 } });
      ctx.keepOnFailure(() => put(ctx, 'test.kept', 'counted'));
      throw new AppError('BAD_CREDENTIALS');
    };
    const declared = dispatchWith({ 'test.login': { run } }, true);
    expect((await declared('test.login', { v: 'a' }, meta)).result).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    });
    expect(written()).toEqual([{ key: 'test.kept', value: 'counted' }]);
    const [entry] = entries('test.login');
    expect(JSON.parse(entry!.detail)).toEqual({ input: { v: 'a' }, result: 'bad-secret', summary: { tries: 1 } });
    // A refusal the handler said nothing about (a locked account) leaves nothing.
    await declared('test.login', { v: 'quiet' }, meta);
    expect(entries('test.login')).toHaveLength(1);
    // Without the declaration, a kept write is a bug, not a record.
    const undeclared = dispatchWith({ 'test.other': { run } });
    expect((await undeclared('test.other', { v: 'a' }, meta)).result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(entries('test.other')).toEqual([]);
  });
});
