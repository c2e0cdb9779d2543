import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
afterEach(() => t?.close());

async function withHistory(): Promise<TestBackend> {
  t = await openSetUpBackend();
  for (let i = 0; i < 5; i++) {
    await t.call('users.create', {
      username: `u${i}`,
      displayName: `U${i}`,
      role: 'clerk',
      authKind: 'pin',
      secret: '1234',
    });
  }
  return t;
}

/** Tampering as someone with the database file would: drop the guard triggers first. */
function tamper(sql: string) {
  const s = t.backend.database.sqlite;
  s.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  s.exec(sql);
}

describe('audit log', () => {
  it('verifies an untouched chain', async () => {
    await withHistory();
    const r = await t.call('audit.verify', {});
    expect(r).toEqual({ ok: true, checked: 6, problems: [] });
  });

  it('refuses UPDATE and DELETE through the database itself', async () => {
    await withHistory();
    const s = t.backend.database.sqlite;
    expect(() => s.exec("UPDATE audit_log SET method = 'x' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => s.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
  });

  it('finds an edited row', async () => {
    await withHistory();
    tamper("UPDATE audit_log SET detail = replace(detail, 'u2', 'zz') WHERE seq = 4");
    const r = await t.call('audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ seq: 4, kind: 'edited' }]);
  });

  it('finds a row edited together with a recomputed hash', async () => {
    await withHistory();
    tamper("UPDATE audit_log SET username = 'someone', hash = 'f00d' WHERE seq = 3");
    const r = await t.call('audit.verify', {});
    expect(r.problems.map((p) => p.seq)).toContain(3);
  });

  it('finds a deleted row in the middle and deleted newest rows', async () => {
    await withHistory();
    tamper('DELETE FROM audit_log WHERE seq = 3');
    expect((await t.call('audit.verify', {})).problems).toContainEqual({ seq: 3, kind: 'missing' });
  });

  it('finds deleted newest rows through the recorded head', async () => {
    await withHistory();
    tamper('DELETE FROM audit_log WHERE seq >= 5');
    const r = await t.call('audit.verify', {});
    expect(r.problems).toContainEqual({ seq: 6, kind: 'head-mismatch' });
  });

  it('pages newest first with a keyset cursor and filters by method', async () => {
    await withHistory();
    const p1 = await t.call('audit.list', { limit: 4 });
    expect(p1.rows.map((r) => r.seq)).toEqual([6, 5, 4, 3]);
    const p2 = await t.call('audit.list', { limit: 4, beforeSeq: p1.nextBeforeSeq });
    expect(p2.rows.map((r) => r.seq)).toEqual([2, 1]);
    expect(p2.nextBeforeSeq).toBeNull();
    const only = await t.call('audit.list', { limit: 100, method: 'setup' });
    expect(only.rows.map((r) => r.method)).toEqual(['setup.initialize']);
  });
});
