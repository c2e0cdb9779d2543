import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { enroll, Line, openStore, rows } from './harness';

/** Role rules of the sync methods, and an audit entry for every write. */
describe('the sync API methods', () => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq({ kind: 'pglite' });
  });
  afterAll(() => hq?.close());

  it('lets clerks see the state only, managers the lists and "sync now", admins enroll; writes are audited', async () => {
    const t = await openStore(new Line());
    try {
      for (const role of ['clerk', 'manager'] as const) {
        await t.call('users.create', { username: role, displayName: role, role, authKind: 'pin', secret: '5678' });
      }
      const { enrollmentCode } = await hq.createStore();
      const as = (u: string) => t.call('session.login', { username: u, secret: u === 'boss' ? '1234' : '5678' });

      await as('clerk');
      expect((await t.call('sync.status', {})).state).toBe('not-enrolled');
      for (const m of ['sync.history', 'sync.deadLetters', 'sync.now', 'sync.enrollment']) {
        expect((await t.fail(m, {})).code, m).toBe('FORBIDDEN');
      }
      await as('manager');
      expect(await t.call('sync.history', { limit: 10 })).toEqual([]);
      expect((await t.fail('sync.enrollPreview', { hqUrl: hq.url, code: enrollmentCode })).code).toBe('FORBIDDEN');
      expect((await t.fail('sync.now', {})).message).toMatch(/not enrolled/);

      await as('boss');
      await enroll(t, hq);
      await as('manager');
      await t.call('sync.now', {});
      expect((await t.fail('sync.setHqUrl', { hqUrl: 'https://hq2.example.com' })).code).toBe('FORBIDDEN');
      await as('boss');
      const moved = await t.call('sync.setHqUrl', { hqUrl: 'https://hq2.example.com' });
      expect(moved.hqUrl).toBe('https://hq2.example.com/');
      const insecure = await t.fail('sync.setHqUrl', { hqUrl: 'http://hq2.example.com' });
      expect(insecure).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'hqUrl' }] });

      const audit = rows(
        t,
        "SELECT a.method, u.username FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.method LIKE 'sync.%' ORDER BY a.seq",
      );
      expect(audit).toEqual([
        { method: 'sync.enrollPreview', username: 'boss' },
        { method: 'sync.enrollConfirm', username: 'boss' },
        { method: 'sync.now', username: 'manager' },
        { method: 'sync.setHqUrl', username: 'boss' },
      ]);
    } finally {
      t.close();
    }
  });
});
