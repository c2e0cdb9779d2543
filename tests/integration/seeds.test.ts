/**
 * Seed rows come from one idempotent step when the database opens, never
 * from a read (issue 10, point 8).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { api, METHOD_NAMES, type MethodName } from '../../src-shared/api';
import { EQUIPMENT_TEMPLATE_ID, RECEIVING_TEMPLATE_ID } from '../../src-shared/labels/builtin-ids';
import { uuidv7 } from '../../src-main/lib/ids';
import { SEED_SETS } from '../../src-main/services/system/seeds';
import { openSetUpBackend, openTestBackend, tempDir, type TestBackend } from '../helpers/backend';

let t: TestBackend | undefined;
afterEach(() => t?.close());

const changes = (b: TestBackend) =>
  (b.backend.database.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const templates = (b: TestBackend) =>
  (b.backend.database.sqlite.prepare('SELECT id FROM label_templates ORDER BY id').all() as { id: string }[]).map(
    (r) => r.id,
  );

/** Calls `method` and returns how many rows the database changed meanwhile (its own session upkeep done first). */
async function rowsWrittenBy(b: TestBackend, method: MethodName, input: unknown): Promise<number> {
  await b.call('session.current', {});
  const before = changes(b);
  const out = await b.backend.dispatch(method, input, {
    token: b.token,
    locale: 'en',
    caller: { loopback: true, client: 'vitest' },
  });
  expect(out.result.ok, `${method}: ${JSON.stringify(out.result)}`).toBe(true);
  return changes(b) - before;
}

describe('seed rows', () => {
  it('are there from the first start, and a deleted built-in label template stays deleted after a restart', async () => {
    const dir = tempDir();
    t = await openSetUpBackend({ dataDir: dir });
    expect(templates(t)).toEqual([RECEIVING_TEMPLATE_ID, EQUIPMENT_TEMPLATE_ID].sort());
    t.backend.database.sqlite.prepare('DELETE FROM label_templates WHERE id = ?').run(EQUIPMENT_TEMPLATE_ID);
    t.close();
    t = await openTestBackend({ dataDir: dir });
    expect(templates(t)).toEqual([RECEIVING_TEMPLATE_ID]);
  });

  it('are seeded once per database: a start with nothing new writes nothing; a row a set gains is seeded once', async () => {
    const dir = tempDir();
    t = await openTestBackend({ dataDir: dir });
    const db = () => t!.backend.database.sqlite;
    const reasons = () => db().prepare("SELECT count(*) AS n FROM reason_codes WHERE kind = 'waste'").get();
    expect(reasons()).toEqual({ n: 6 });
    t.close();
    t = await openTestBackend({ dataDir: dir });
    // Only the sessions' and the tick's own bookkeeping could have written; nothing did.
    expect(changes(t)).toBe(0);
    // As if a newer version added 'expired' to the waste reasons: it is not in the set's record yet.
    const set = SEED_SETS.find((s) => s.name === 'seeded.reasons.waste')!;
    db().prepare("DELETE FROM reason_codes WHERE kind = 'waste' AND code = 'expired'").run();
    db()
      .prepare('UPDATE meta SET value = ? WHERE key = ?')
      .run(JSON.stringify(set.rows.map((r) => r.key).filter((k) => k !== 'expired')), set.name);
    t.close();
    t = await openTestBackend({ dataDir: dir });
    expect(reasons()).toEqual({ n: 6 });
    db().prepare("DELETE FROM reason_codes WHERE kind = 'waste' AND code = 'expired'").run();
    t.close();
    t = await openTestBackend({ dataDir: dir });
    expect(reasons()).toEqual({ n: 5 });
  });
});

describe('reads', () => {
  it('never write: every query with an empty input, on a freshly set-up store', async () => {
    t = await openSetUpBackend();
    const queries = METHOD_NAMES.filter((m) => api[m].kind === 'query' && api[m].input.safeParse({}).success);
    expect(queries).toEqual(expect.arrayContaining(['reasons.list', 'receipts.settings', 'faultCodes.list']));
    const writing: string[] = [];
    for (const method of queries) {
      if (method === 'system.reportClientError') continue; // writes the log file, not the database
      if ((await rowsWrittenBy(t, method, {})) > 0) writing.push(method);
    }
    expect(writing).toEqual([]);
  });

  it('the preventive schedule shows work that has come due without generating it; the tick does', async () => {
    t = await openSetUpBackend();
    const eq = await t.call('equipment.save', {
      code: 'SH001-COOL-01',
      name: 'Walk-in cooler',
      category: 'refrigeration',
      criticality: 'critical',
    });
    // A plan whose first service is long past, as an older version (or HQ) left it: no work order yet.
    const now = Date.now();
    t.backend.database.sqlite
      .prepare(
        `INSERT INTO pm_plans (id, store_id, name, equipment_id, interval_kind, interval, lead_days, start_day, active,
           created_at, updated_at)
         VALUES (?, (SELECT id FROM store), 'Monthly check', ?, 'months', 1, 7, '2025-01-01', 1, ?, ?)`,
      )
      .run(uuidv7(), eq.id, now, now);
    expect(await rowsWrittenBy(t, 'pm.schedule', {})).toBe(0);
    expect((await t.call('pm.schedule', {}))[0]).toMatchObject({ status: 'scheduled', workOrderId: null });
    t.backend.tick();
    expect((await t.call('pm.schedule', {}))[0]).toMatchObject({ status: 'overdue' });
    const [entry] = (await t.call('audit.list', { limit: 1 })).rows;
    expect(entry).toMatchObject({ method: 'pm.generateDue', username: null });
  });
});
