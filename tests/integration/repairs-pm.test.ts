import { afterEach, describe, expect, it } from 'vitest';
import { act, DAY, openRepairsStore, rows, T0, type RepairsFixture } from '../helpers/repairs';

let f: RepairsFixture | undefined;
afterEach(() => {
  f?.t.close();
  f = undefined;
});

const H = 1000; // meter values: thousandths of an hour
const day = (n: number) => T0 + n * DAY; // T0 is 2026-06-01 10:00 Shanghai

describe('preventive maintenance by calendar', () => {
  it('generates a work order lead days ahead (once), shows it overdue, and needs its checklist to be resolved', async () => {
    f = await openRepairsStore();
    await f.as('manager');
    const plan = await f.t.call('pm.savePlan', {
      name: 'Cooler monthly check',
      equipmentId: f.eq.cooler,
      intervalKind: 'months',
      interval: 1,
      leadDays: 7,
      startDay: '2026-06-15',
      assignee: { userId: f.users.tech },
      checklist: [
        { key: 'temp', label: 'Cooler temperature', kind: 'reading', unit: '°C', min: 0, max: 5000 },
        { key: 'seal', label: 'Door seal intact', kind: 'check' },
      ],
    });
    expect(plan).toMatchObject({ equipmentCode: 'SH001-COOL-01', equipmentCount: 1, assigneeName: 'tech' });
    const bad = await f.t.fail('pm.savePlan', {
      name: 'Both',
      equipmentId: f.eq.cooler,
      category: 'refrigeration',
      intervalKind: 'days',
      interval: 7,
      startDay: '2026-06-15',
    });
    expect(bad.fields?.[0]?.path).toBe('equipmentId');

    // 2026-06-07: 8 days ahead, nothing yet; 2026-06-08: 7 days ahead, generated (and only once).
    await f.at(day(6));
    expect(await f.t.call('pm.generateDue', {})).toEqual({ created: 0, numbers: [] });
    expect((await f.t.call('pm.schedule', {}))[0]).toMatchObject({
      status: 'scheduled',
      dueDay: '2026-06-15',
      workOrderId: null,
    });
    await f.at(day(7));
    const gen = await f.t.call('pm.generateDue', {});
    expect(gen).toEqual({ created: 1, numbers: ['WO-2026-00001'] });
    expect(await f.t.call('pm.generateDue', {})).toEqual({ created: 0, numbers: [] });
    const list = (await f.t.call('repairs.list', { scope: 'open', kind: 'preventive' })).rows;
    expect(list).toEqual([
      expect.objectContaining({
        number: 'WO-2026-00001',
        status: 'assigned',
        assigneeName: 'tech',
        pmDueDay: '2026-06-15',
        pmOverdue: false,
      }),
    ]);
    const wo = await f.t.call('repairs.get', { id: list[0]!.id });
    expect(wo).toMatchObject({ kind: 'preventive', pmPlanName: 'Cooler monthly check', reportedById: null });
    expect(wo.responseClock.state).toBe('none');
    expect(wo.checklist.map((c) => [c.key, c.result])).toEqual([
      ['temp', null],
      ['seal', null],
    ]);
    expect(wo.events.map((e) => [e.action, e.userId])).toEqual([
      ['report', null],
      ['triage', null],
      ['assign', null],
    ]);

    // After the due day it is overdue, in the list and in the schedule.
    await f.at(day(15));
    expect((await f.t.call('repairs.list', { scope: 'open', kind: 'preventive' })).rows[0]!.pmOverdue).toBe(true);
    expect((await f.t.call('pm.schedule', {}))[0]).toMatchObject({
      status: 'overdue',
      workOrderNumber: 'WO-2026-00001',
    });

    await f.as('tech');
    await act(f, wo.id, 'start');
    const open = await f.t.fail('repairs.transition', { id: wo.id, action: 'resolve' });
    expect(open.fields?.[0]).toEqual({
      path: 'checklist',
      message: 'Answer every checklist item first (missing: Cooler temperature, Door seal intact).',
    });
    const missing = await f.t.fail('pm.saveChecklist', { workOrderId: wo.id, results: [{ key: 'temp' }] });
    expect(missing.fields?.[0]?.path).toBe('results.0.reading');
    // 6.5 °C is outside 0..5 °C: a fail, recorded as such.
    const saved = await f.t.call('pm.saveChecklist', {
      workOrderId: wo.id,
      results: [
        { key: 'temp', reading: 6500, note: 'too warm' },
        { key: 'seal', passed: true },
      ],
    });
    expect(saved.map((c) => [c.key, c.result?.passed, c.result?.reading])).toEqual([
      ['temp', false, 6500],
      ['seal', true, null],
    ]);
    await f.t.call('pm.saveChecklist', {
      workOrderId: wo.id,
      results: [{ key: 'temp', reading: 3500, note: 'after cleaning' }],
    });
    const done = await act(f, wo.id, 'resolve');
    expect(done.checklist[0]!.result).toMatchObject({ passed: true, reading: 3500 });
    expect(done.resolutionClock).toMatchObject({ state: 'stopped', met: false }); // late by a day
    expect(
      (await f.t.fail('pm.saveChecklist', { workOrderId: wo.id, results: [{ key: 'seal', passed: false }] })).code,
    ).toBe('CONFLICT');

    // The next cycle is due 2026-07-15 (fixed schedule), generated from 2026-07-08.
    await f.at(day(36));
    expect((await f.t.call('pm.generateDue', {})).created).toBe(0);
    expect((await f.t.call('pm.schedule', {}))[0]).toMatchObject({
      status: 'scheduled',
      dueDay: '2026-07-15',
      lastDoneDay: '2026-06-16',
    });
    await f.at(day(37));
    expect((await f.t.call('pm.generateDue', {})).numbers).toEqual(['WO-2026-00002']);
  });

  it('covers every active unit of a category, one work order each', async () => {
    f = await openRepairsStore();
    await f.as('manager');
    await f.t.call('equipment.save', {
      code: 'SH001-FRZ-01',
      name: 'Chest freezer',
      category: 'refrigeration',
      criticality: 'high',
    });
    await f.t.call('pm.savePlan', {
      name: 'Clean condenser coils',
      category: 'refrigeration',
      intervalKind: 'weeks',
      interval: 2,
      leadDays: 0,
      startDay: '2026-06-01',
      checklist: [{ key: 'coils', label: 'Coils clean', kind: 'check' }],
    });
    // Due today: saving the plan generated its work orders, in its own call (nothing is left for generateDue).
    expect(await f.t.call('pm.generateDue', {})).toEqual({ created: 0, numbers: [] });
    const open = (await f.t.call('repairs.list', { scope: 'open', kind: 'preventive' })).rows;
    expect(open.map((w) => w.equipmentCode).sort()).toEqual(['SH001-COOL-01', 'SH001-FRZ-01']);
    expect(rows(f, 'work_orders')).toBe(2);
    // No assignee on the plan: planned work is born triaged, so its checklist can be filled at once.
    expect(open.map((w) => w.status)).toEqual(['triaged', 'triaged']);
    await f.as('tech');
    const saved = await f.t.call('pm.saveChecklist', {
      workOrderId: open[0]!.id,
      results: [{ key: 'coils', passed: true, note: '' }],
    });
    expect(saved.map((c) => c.result?.passed)).toEqual([true]);
  });
});

describe('preventive maintenance by run hours', () => {
  it('refuses a reading lower than the last one, imports all or nothing, and generates at the meter due', async () => {
    f = await openRepairsStore();
    await f.as('tech');
    await f.t.call('pm.recordReading', {
      equipmentId: f.eq.wok,
      value: 1000 * H,
      readAt: new Date(day(-10)).toISOString(),
    });
    await f.t.call('pm.recordReading', { equipmentId: f.eq.wok, value: 1100 * H });
    const before = rows(f, 'meter_readings');
    const lower = await f.t.fail('pm.recordReading', { equipmentId: f.eq.wok, value: 1099.5 * H });
    expect(lower).toMatchObject({ code: 'VALIDATION', fields: [expect.objectContaining({ path: 'value' })] });
    expect(lower.message).toBe(
      'The reading 1099.5 h is lower than the last one, 1100 h on 2026-06-01 10:00. Check the meter: readings never go down.',
    );
    // A back-dated reading must fit between its neighbours.
    const between = await f.t.fail('pm.recordReading', {
      equipmentId: f.eq.wok,
      value: 1200 * H,
      readAt: new Date(day(-5)).toISOString(),
    });
    expect(between.message).toContain('higher than a later one');
    expect(rows(f, 'meter_readings')).toBe(before);

    await f.at(day(3));
    const imp = await f.t.fail('pm.importReadings', {
      rows: [
        { equipmentCode: 'SH001-WOK-01', value: 1150 * H, readAt: new Date(day(1)).toISOString() },
        { equipmentCode: 'SH001-WOK-01', value: 1140 * H, readAt: new Date(day(2)).toISOString() },
      ],
    });
    expect(imp.fields?.[0]?.path).toBe('rows.1.value');
    expect(rows(f, 'meter_readings')).toBe(before);

    await f.as('manager');
    await f.t.call('pm.savePlan', {
      name: 'Burner service every 500 h',
      equipmentId: f.eq.wok,
      intervalKind: 'meter',
      interval: 500,
      leadMeter: 50 * H,
      startDay: '2026-01-01',
      startMeter: 1000 * H,
    });
    // Due at 1,500 h; 100 h run in 10 days, so about 40 days away.
    expect((await f.t.call('pm.generateDue', {})).created).toBe(0);
    expect((await f.t.call('pm.schedule', {}))[0]).toMatchObject({
      status: 'scheduled',
      dueMeter: 1500 * H,
      dueDay: '2026-07-11',
      lastReading: 1100 * H,
    });
    // The reading that brings the service within its lead generates the work order, in the same call.
    await f.t.call('pm.importReadings', {
      rows: [{ equipmentCode: 'sh001-wok-01', value: 1460 * H, readAt: new Date(day(3)).toISOString() }],
    });
    const [entry] = (await f.t.call('audit.list', { limit: 1 })).rows;
    expect(entry!.method).toBe('pm.importReadings');
    expect(entry!.detail).toContain('"table":"work_orders"');
    expect((await f.t.call('pm.generateDue', {})).created).toBe(0);
    const wo = (await f.t.call('repairs.list', { scope: 'open', kind: 'preventive' })).rows[0]!;
    expect((await f.t.call('repairs.get', { id: wo.id })).pmDueMeter).toBe(1500 * H);
    const readings = await f.t.call('pm.readings', { equipmentId: f.eq.wok, limit: 10 });
    expect(readings.map((r) => [r.value, r.source])).toEqual([
      [1460 * H, 'import'],
      [1100 * H, 'manual'],
      [1000 * H, 'manual'],
    ]);
  });
});
