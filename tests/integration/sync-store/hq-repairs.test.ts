import { count, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rows as hqRows } from '../../../src-hq/db/client';
import { changeLog, hqAudit } from '../../../src-hq/db/schema';
import { createHqUser } from '../../../src-hq/services/auth/users';
import type { HqWoDetailDto, HqWoRowDto } from '../../../src-shared/hq-api/methods/repairs';
import type { PushResponse } from '../../../src-shared/sync/protocol';
import { DB_KINDS, stopTestPostgres } from '../../helpers/hq-db';
import { HqApiClient, startTestHq, type TestHq } from '../../helpers/hq';
import { act, openRepairsStore, report, RESOLUTION, type RepairsFixture } from '../../helpers/repairs';
import { upsert, workOrder } from '../../helpers/store-rows';
import { enroll, mirror, row } from './harness';

/**
 * HQ's maintenance team works a real store's work order through HQ's web API
 * (issue 12 point 1): every step is checked by the store's workflow, stamped,
 * audited and logged, and the store shows it after its next sync.
 */
afterAll(stopTestPostgres);

const PASSWORD = 'correct horse 9';

describe.each(DB_KINDS)("a store's work orders worked at HQ (HQ on %s)", (kind) => {
  // One HQ per test: the fixture's equipment codes are the same in every store, and the chain's registry
  // gives a code to the first store that enrolls with it.
  let hq: TestHq;
  beforeEach(async () => {
    hq = await startTestHq({ kind });
  });
  afterEach(() => hq?.close());

  async function hqUser(role: 'maintenance' | 'operations'): Promise<HqApiClient> {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    await createHqUser(hq.hq.ctx.db, { username, displayName: `Li (${role})`, role, password: PASSWORD }, Date.now());
    const c = new HqApiClient(hq.url);
    await c.call('session.login', { username, password: PASSWORD });
    return c;
  }
  const logged = async () => (await hq.hq.ctx.db.select({ n: count() }).from(changeLog))[0]!.n;

  async function enrolledWithOrder(): Promise<{ f: RepairsFixture; storeId: string; woId: string }> {
    const f = await openRepairsStore();
    await enroll(f.t, hq);
    const wo = await report(f, { equipment: f.eq.cooler, faultCode: 'GEN-OTHER', description: 'Not cooling' });
    await f.t.call('sync.now', {});
    const storeId = String(row(f.t, 'SELECT store_id AS s FROM sync_state')!.s);
    return { f, storeId, woId: wo.id };
  }

  it('assigns, resolves and closes at HQ; the store shows each step after sync, marked as HQ’s', async () => {
    const { f, storeId, woId } = await enrolledWithOrder();
    const { t } = f;
    try {
      const maint = await hqUser('maintenance');
      const listed = await maint.call<HqWoRowDto[]>('repairs.list', { category: 'refrigeration' });
      expect(listed.find((w) => w.id === woId)).toMatchObject({
        storeId,
        status: 'submitted',
        equipmentCode: 'SH001-COOL-01',
      });
      expect((await maint.call<HqWoRowDto[]>('repairs.list', { category: 'it' })).some((w) => w.id === woId)).toBe(
        false,
      );

      const detail = await maint.call<HqWoDetailDto>('repairs.detail', { storeId, workOrderId: woId });
      expect(detail.allowedActions).toEqual(expect.arrayContaining(['triage', 'assign', 'comment']));
      expect(detail.allowedActions).not.toContain('close');
      expect(detail.technicians.map((u) => u.userId)).toContain(f.users.tech);
      expect(detail.technicians.map((u) => u.userId)).not.toContain(f.users.clerk);

      // Operations may read but not work repairs.
      const ops = await hqUser('operations');
      const refused = await ops.raw('repairs.act', { storeId, workOrderId: woId, action: 'comment', note: 'x' });
      expect(refused.body.error?.code).toBe('FORBIDDEN');

      const audits = async () =>
        (
          await hqRows<{ n: number }>(
            hq.hq.ctx.db,
            sql`SELECT count(*)::int AS n FROM ${hqAudit} WHERE method = 'repairs.act' AND store_id = ${storeId}`,
          )
        )[0]!.n;
      await maint.call('repairs.act', {
        storeId,
        workOrderId: woId,
        action: 'assign',
        priority: 'urgent',
        assignee: { userId: f.users.tech },
        note: 'Tech on site today',
      });
      expect(await audits()).toBe(1);
      await t.call('sync.now', {});
      let atStore = await t.call('repairs.get', { id: woId });
      expect(atStore).toMatchObject({ status: 'assigned', assigneeUserId: f.users.tech, priority: 'urgent' });
      const assigned = atStore.events.at(-1)!;
      expect(assigned).toMatchObject({
        action: 'assign',
        from: 'submitted',
        to: 'assigned',
        note: 'Tech on site today',
      });
      expect(assigned.data).toMatchObject({ by: 'hq', hqUser: 'Li (maintenance)', assignee: { userId: f.users.tech } });
      // Applying HQ's step wrote nothing to send back.
      expect((await t.call('sync.status', {})).waiting).toBe(0);

      await maint.call('repairs.act', { storeId, workOrderId: woId, action: 'comment', note: 'Gasket ordered' });
      await maint.call('repairs.act', { storeId, workOrderId: woId, action: 'resolve', resolution: RESOLUTION });
      await t.call('sync.now', {});
      atStore = await t.call('repairs.get', { id: woId });
      expect(atStore).toMatchObject({
        status: 'resolved',
        resolution: RESOLUTION.text,
        resolutionCode: RESOLUTION.resolutionCode,
        rootCauseCode: RESOLUTION.rootCauseCode,
      });
      expect(atStore.events.map((e) => e.action).slice(-2)).toEqual(['comment', 'resolve']);

      // Closing waits for the store's confirmation, as the store's workflow says.
      const early = await maint.raw('repairs.act', { storeId, workOrderId: woId, action: 'close' });
      expect([early.body.error?.code, early.body.error?.message]).toEqual([
        'CONFLICT',
        expect.stringMatching(/Resolved.*Close.*Comment/),
      ]);
      await f.as('manager');
      await act(f, woId, 'confirm');
      await t.call('sync.now', {});
      await maint.call('repairs.act', { storeId, workOrderId: woId, action: 'close', note: 'Done' });
      await t.call('sync.now', {});
      atStore = await t.call('repairs.get', { id: woId });
      expect(atStore.status).toBe('closed');
      expect(atStore.closedAt).not.toBeNull();
      const atHq = (await mirror(hq, 'work_orders', storeId)).find((w) => w.id === woId)!;
      expect(atHq.status).toBe('closed');
      expect(await audits()).toBe(4);
    } finally {
      t.close();
    }
  });

  it('converges when the same field is edited at both ends meanwhile: the higher stamp wins everywhere', async () => {
    const { f, storeId, woId } = await enrolledWithOrder();
    const { t } = f;
    try {
      const maint = await hqUser('maintenance');
      // HQ assigns the first technician while the store, not yet synced, assigns the second.
      await maint.call('repairs.act', {
        storeId,
        workOrderId: woId,
        action: 'assign',
        assignee: { userId: f.users.tech },
      });
      await f.as('manager');
      await act(f, woId, 'assign', { assignee: { userId: f.users.tech2 } });
      await t.call('sync.now', {});
      await t.call('sync.now', {});

      const stamps = await hqRows<{ value: string; clock: string; source: string; applied: boolean }>(
        hq.hq.ctx.db,
        sql`SELECT value, clock, source, applied FROM work_order_field_values
            WHERE store_id = ${storeId} AND work_order_id = ${woId} AND field = 'assignee_user_id' AND value IS NOT NULL`,
      );
      const hqEdit = stamps.find((s) => s.source === 'hq')!;
      const storeEdit = stamps.find((s) => s.source === 'store' && s.value === f.users.tech2)!;
      const winner = hqEdit.clock > storeEdit.clock ? hqEdit : storeEdit;
      const loser = winner === hqEdit ? storeEdit : hqEdit;

      const atHq = (await mirror(hq, 'work_orders', storeId)).find((w) => w.id === woId)!;
      const atStore = await t.call('repairs.get', { id: woId });
      expect(atHq.assignee_user_id).toBe(winner.value);
      expect(atStore.assigneeUserId).toBe(winner.value);
      expect(atStore.status).toBe('assigned');
      // The losing value is kept at HQ as history (applied only if it arrived first, then overtaken).
      expect(loser.value).not.toBe(winner.value);
      if (loser === storeEdit) expect(loser.applied).toBe(false);
      // Both steps are in both timelines (events are append-only).
      const assigns = atStore.events.filter((e) => e.action === 'assign');
      expect(assigns.map((e) => (e.data as { by?: string }).by ?? 'store').sort()).toEqual(['hq', 'store']);
    } finally {
      t.close();
    }
  });

  it('refuses another store’s work order, another store’s technician and a wrong step, writing nothing', async () => {
    const { f, storeId, woId } = await enrolledWithOrder();
    const { t } = f;
    try {
      const maint = await hqUser('maintenance');
      const other = await hq.enrolledStore();
      const before = await logged();

      // The work order named under another store.
      const wrongStore = await maint.raw('repairs.act', {
        storeId: other.storeId,
        workOrderId: woId,
        action: 'comment',
        note: 'x',
      });
      expect([wrongStore.body.error?.code, wrongStore.body.error?.message]).toEqual([
        'NOT_FOUND',
        expect.stringContaining('not one of this store’s'),
      ]);
      const detail = await maint.raw('repairs.detail', { storeId: other.storeId, workOrderId: woId });
      expect(detail.body.error?.code).toBe('NOT_FOUND');

      // A person of another store (or a clerk of this one) is not this store's technician.
      await other.push([
        upsert('users', {
          id: 'other-tech',
          store_id: other.storeId,
          username: 'ot',
          display_name: 'Other tech',
          role: 'technician',
          disabled: 0,
          locale: null,
          created_at: 1,
          updated_at: 1,
        }),
      ]);
      for (const userId of ['other-tech', f.users.clerk]) {
        const r = await maint.raw('repairs.act', {
          storeId,
          workOrderId: woId,
          action: 'assign',
          assignee: { userId },
        });
        expect([r.body.error?.code, r.body.error?.message]).toEqual([
          'VALIDATION',
          expect.stringContaining('not an active technician or manager of this store'),
        ]);
      }
      const unknownCode = await maint.raw('repairs.act', {
        storeId,
        workOrderId: woId,
        action: 'triage',
        faultCode: 'NO-SUCH',
      });
      expect(unknownCode.body.error?.code).toBe('VALIDATION');
      expect(await logged()).toBe(before);
      const atHq = (await mirror(hq, 'work_orders', storeId)).find((w) => w.id === woId)!;
      expect([atHq.status, atHq.assignee_user_id]).toEqual(['submitted', null]);

      // A store's push of a work order for this store's cooler is refused with the reason; nothing of either changes.
      const foreign = workOrder(other.storeId, { equipment_id: f.eq.cooler, status: 'submitted' });
      const pushed = (await other.push([upsert('work_orders', foreign)])).body as PushResponse;
      expect(pushed.deadLetters).toEqual([
        expect.objectContaining({
          reason: expect.stringMatching(/equipment SH001-COOL-01 registered at another store/),
        }),
      ]);
      expect(await mirror(hq, 'work_orders', other.storeId)).toEqual([]);
      expect((await mirror(hq, 'work_orders', storeId)).map((w) => w.id)).toEqual([woId]);
    } finally {
      t.close();
    }
  });
});
