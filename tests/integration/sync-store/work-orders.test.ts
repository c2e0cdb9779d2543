import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editWorkOrder } from '../../../src-hq/services/work-orders/edit';
import { DB_KINDS, stopTestPostgres } from '../../helpers/hq-db';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { act, openRepairsStore, report } from '../../helpers/repairs';
import { enroll, mirror, row } from './harness';

/** Work orders are edited at both ends and merged per field by HLC stamp. */
afterAll(stopTestPostgres);

describe.each(DB_KINDS)('work orders between the store and HQ (HQ on %s)', (kind) => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq({ kind });
  });
  afterAll(() => hq?.close());

  it('brings HQ’s edit down, and a later store edit of the same field wins at HQ too', async () => {
    const f = await openRepairsStore();
    const { t } = f;
    try {
      await enroll(t, hq);
      const wo = await report(f, { equipment: f.eq.cooler });
      await t.call('sync.now', {});
      const storeId = String(row(t, 'SELECT store_id AS s FROM sync_state')!.s);
      const atHq = async () => (await mirror(hq, 'work_orders', storeId)).find((w) => w.id === wo.id)!;
      expect((await atHq()).priority).toBe(wo.priority);

      // HQ's maintenance team raises the priority: it reaches the store with its stamp.
      await hq.hq.ctx.db.transaction((tx) =>
        editWorkOrder(hq.hq.ctx, tx, { storeId, workOrderId: wo.id, fields: { priority: 'urgent' }, userId: null }),
      );
      await t.call('sync.now', {});
      expect((await t.call('repairs.get', { id: wo.id })).priority).toBe('urgent');
      // Applying HQ's change wrote nothing to send back.
      expect((await t.call('sync.status', {})).waiting).toBe(0);

      // The store's manager then lowers it: a newer stamp, so HQ takes it.
      await act(f, wo.id, 'triage', { priority: 'low', note: 'not urgent after all' });
      const stamps = t.backend.database.sqlite
        .prepare("SELECT field, clock FROM sync_field_clocks WHERE tbl = 'work_orders' AND row_id = ?")
        .all(wo.id) as { field: string; clock: string }[];
      const priorityStamp = stamps.find((s) => s.field === 'priority')!.clock;
      expect(priorityStamp).toMatch(/^\d{15}-[0-9a-f]{4}-st-/);
      await t.call('sync.now', {});
      expect((await atHq()).priority).toBe('low');
      expect((await t.call('repairs.get', { id: wo.id })).priority).toBe('low');
    } finally {
      t.close();
    }
  });
});
