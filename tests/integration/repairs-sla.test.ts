import { afterEach, describe, expect, it } from 'vitest';
import { act, HOUR, MIN, openRepairsStore, report, RESOLUTION, T0, type RepairsFixture } from '../helpers/repairs';

let f: RepairsFixture | undefined;
afterEach(() => {
  f?.t.close();
  f = undefined;
});
const iso = (ms: number) => new Date(ms).toISOString();

async function setTimezone(fx: RepairsFixture, timezone: string) {
  await fx.as('boss');
  const { store, settings } = await fx.t.call('store.get', {});
  const { id: _id, code: _code, ...rest } = store;
  await fx.t.call('store.update', { store: { ...rest, timezone }, settings });
}

describe('SLA clocks through the API', () => {
  it('pause while waiting on the store, warn before the breach, and list the breach', async () => {
    f = await openRepairsStore();
    await f.as('manager');
    // Critical cooler down: urgent, response 60 min, resolution 8 h (store defaults).
    const wo = await report(f, { equipment: f.eq.cooler, faultCode: 'REF-COOL-WARM', down: true });
    await f.at(T0 + 30 * MIN);
    const assigned = await act(f, wo.id, 'assign', { assignee: { userId: f.users.tech } });
    expect(assigned.responseClock).toMatchObject({ state: 'stopped', met: true, leftMinutes: 30 });
    expect(assigned.respondedAt).toBe(iso(T0 + 30 * MIN));

    await f.at(T0 + 1 * HOUR);
    await act(f, wo.id, 'wait', { waitingReason: 'store', note: 'kitchen closed for service until 15:00' });
    await f.at(T0 + 5 * HOUR);
    const paused = await f.t.call('repairs.get', { id: wo.id });
    expect(paused.resolutionClock).toMatchObject({
      state: 'paused',
      leftMinutes: 7 * 60,
      dueAt: null,
      breached: false,
    });
    const resumed = await act(f, wo.id, 'resume');
    expect(resumed.resolutionClock).toMatchObject({ state: 'running', dueAt: iso(T0 + 12 * HOUR) });

    await f.at(T0 + 11 * HOUR);
    const row = (await f.t.call('repairs.list', { scope: 'open' })).rows.find((r) => r.id === wo.id)!;
    expect(row.resolutionClock).toMatchObject({ state: 'running', warning: true, breached: false, leftMinutes: 60 });
    await f.at(T0 + 12 * HOUR + 30 * MIN);
    const late = (await f.t.call('repairs.list', { scope: 'open' })).rows.find((r) => r.id === wo.id)!;
    expect(late.resolutionClock).toMatchObject({
      breached: true,
      warning: false,
      leftMinutes: -30,
      breachedAt: iso(T0 + 12 * HOUR),
    });

    await f.at(T0 + 13 * HOUR);
    const done = await act(f, wo.id, 'resolve', { resolution: RESOLUTION });
    expect(done.resolutionClock).toMatchObject({ state: 'stopped', met: false, breached: true, leftMinutes: -60 });

    const r = await f.t.call('repairReports.sla', { from: '2026-06-01', to: '2026-06-01' });
    expect(r.byPriority.find((b) => b.priority === 'urgent')).toEqual({
      priority: 'urgent',
      workOrders: 1,
      responseMet: 1,
      responseMissed: 0,
      resolutionMet: 0,
      resolutionMissed: 1,
      responseBp: 10_000,
      resolutionBp: 0,
    });
    expect(r.breaches).toEqual([
      expect.objectContaining({
        number: wo.number,
        clock: 'resolution',
        targetMinutes: 480,
        overMinutes: 60,
        breachedAt: iso(T0 + 12 * HOUR),
        open: false,
      }),
    ]);
  });

  it('keep running while waiting for parts, and follow a priority change', async () => {
    f = await openRepairsStore();
    await f.as('manager');
    // A running wok range (high criticality): normal, response 24 h, resolution 72 h.
    const wo = await report(f, { equipment: f.eq.wok, faultCode: 'COOK-HEAT-NOHEAT' });
    await act(f, wo.id, 'assign', { assignee: { userId: f.users.tech } });
    await f.at(T0 + 1 * HOUR);
    await act(f, wo.id, 'wait', { waitingReason: 'parts' });
    await f.at(T0 + 5 * HOUR);
    const waiting = await f.t.call('repairs.get', { id: wo.id });
    expect(waiting.resolutionClock).toMatchObject({ state: 'running', targetMinutes: 72 * 60, leftMinutes: 67 * 60 });
    const urgent = await act(f, wo.id, 'prioritize', { priority: 'urgent', note: 'lunch rush' });
    // The urgent targets apply from the report: 8 h, 5 used.
    expect(urgent.resolutionClock).toMatchObject({ targetMinutes: 480, leftMinutes: 180, dueAt: iso(T0 + 8 * HOUR) });
    expect(urgent.events.at(-1)).toMatchObject({ action: 'prioritize', from: 'waiting', to: 'waiting' });
  });
});

describe('time zones', () => {
  it('put a preventive due day and report periods on the store-local calendar, across daylight saving', async () => {
    f = await openRepairsStore();
    const start = Date.UTC(2026, 2, 20, 2, 0);
    await f.at(start);
    await f.as('manager');
    const plan = (category: string, name: string) =>
      f!.t.call('pm.savePlan', {
        name,
        category,
        intervalKind: 'months',
        interval: 1,
        leadDays: 14,
        startDay: '2026-03-29',
      });
    // Shanghai: the due day 2026-03-29 ends at 2026-03-29T16:00Z.
    await plan('refrigeration', 'Clean condenser');
    await f.t.call('pm.generateDue', {});
    const sh = (await f.t.call('repairs.list', { scope: 'open', kind: 'preventive' })).rows;
    expect(sh.map((r) => [r.equipmentCode, r.pmDueDay, r.resolutionClock.dueAt])).toEqual([
      ['SH001-COOL-01', '2026-03-29', '2026-03-29T16:00:00.000Z'],
    ]);

    // Berlin: the same day ends at 22:00Z (CEST, the clocks went forward that morning).
    await setTimezone(f, 'Europe/Berlin');
    await f.as('manager');
    await plan('cooking', 'Descale the steamer');
    await f.t.call('pm.generateDue', {});
    const wok = (await f.t.call('repairs.list', { scope: 'open', kind: 'preventive', category: 'cooking' })).rows[0]!;
    expect([wok.pmDueDay, wok.resolutionClock.dueAt]).toEqual(['2026-03-29', '2026-03-29T22:00:00.000Z']);

    // A fault reported at 00:30 local time on 2026-03-30 (22:30Z the day before) belongs to the 30th.
    await f.at(Date.UTC(2026, 2, 29, 22, 30));
    const late = await report(f, { equipment: f.eq.pos, faultCode: 'IT-DEV-NET' });
    const day = (d: string) => f!.t.call('repairs.list', { scope: 'all', kind: 'corrective', from: d, to: d });
    expect((await day('2026-03-30')).rows.map((r) => r.id)).toEqual([late.id]);
    expect((await day('2026-03-29')).rows).toEqual([]);
  });
});
