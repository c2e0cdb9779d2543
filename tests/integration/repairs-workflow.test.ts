import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n';
import { USER_ACTIONS, WO_STATES, type UserAction, type WoState } from '../../src-shared/repairs/workflow';
import {
  act,
  DAY,
  HOUR,
  MIN,
  openRepairsStore,
  report,
  RESOLUTION,
  rows,
  T0,
  type RepairsFixture,
} from '../helpers/repairs';
import { LEGAL_TRANSITIONS } from '../helpers/workflow-expected';

let f: RepairsFixture | undefined;
afterEach(() => {
  f?.t.close();
  f = undefined;
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const photo = (bytes: Buffer, fileName = 'fault.png') => ({ fileName, dataBase64: bytes.toString('base64') });

/** The hand-written machine of the unit test, without the system's own action (auto-confirm). */
const LEGAL = Object.fromEntries(
  Object.entries(LEGAL_TRANSITIONS).map(([state, actions]) => [
    state,
    Object.fromEntries(Object.entries(actions).filter(([action]) => action !== 'auto_confirm')),
  ]),
) as Record<WoState, Partial<Record<UserAction, WoState>>>;

/** How an admin brings a new work order into each state. */
const PATH: Record<WoState, UserAction[]> = {
  submitted: [],
  triaged: ['triage'],
  assigned: ['assign'],
  in_progress: ['assign', 'start'],
  waiting: ['assign', 'wait'],
  resolved: ['assign', 'resolve'],
  confirmed: ['assign', 'resolve', 'confirm'],
  closed: ['assign', 'resolve', 'confirm', 'close'],
  cancelled: ['cancel'],
};

function inputs(fx: RepairsFixture, action: UserAction) {
  return {
    assign: { assignee: { userId: fx.users.tech } },
    wait: { waitingReason: 'parts' as const },
    resolve: { resolution: RESOLUTION },
    cancel: { note: 'reported twice' },
    reopen: { note: 'still warm' },
    prioritize: { priority: 'low' as const },
  }[action as 'assign'];
}

async function inState(fx: RepairsFixture, state: WoState) {
  let d = await report(fx, { equipment: 'EQ:SH001-WOK-01', faultCode: 'COOK-HEAT-IGN' });
  for (const a of PATH[state]) d = await act(fx, d.id, a, inputs(fx, a));
  expect(d.status).toBe(state);
  return d;
}

describe('reporting a fault', () => {
  it('takes a scan, a fault, the down flag and send (4 interactions); the priority comes from criticality and down', async () => {
    f = await openRepairsStore();
    await f.as('clerk');
    // 1. scan: one call gives the equipment, its fault codes, its open tickets and the priority a report would get.
    const scanned = await f.t.call('equipment.resolveQr', { payload: 'EQ:SH001-COOL-01' });
    expect(scanned.equipment).toMatchObject({
      code: 'SH001-COOL-01',
      qrPayload: 'EQ:SH001-COOL-01',
      criticality: 'critical',
    });
    expect(scanned.suggestedPriority).toEqual({ running: 'high', down: 'urgent' });
    const categories = new Set(scanned.faultCodes.map((c) => c.category));
    expect(categories).toEqual(new Set(['refrigeration', 'general']));
    expect(scanned.openWorkOrders).toEqual([]);
    // 2. fault code, 3. down flag, 4. send (a photo is optional).
    const wo = await f.t.call('repairs.report', {
      equipment: scanned.equipment.qrPayload,
      faultCode: 'REF-COOL-WARM',
      down: true,
      photos: [photo(PNG)],
    });
    expect(wo).toMatchObject({
      number: 'WO-2026-00001',
      status: 'submitted',
      kind: 'corrective',
      priority: 'urgent',
      suggestedPriority: 'urgent',
      down: true,
      downStart: new Date(T0).toISOString(),
      equipmentCode: 'SH001-COOL-01',
      faultNameEn: 'Not cold enough',
      reportedById: f.users.clerk,
      photos: 1,
      allowedActions: ['cancel', 'comment'],
    });
    expect(wo.events).toEqual([
      expect.objectContaining({
        action: 'report',
        from: null,
        to: 'submitted',
        userId: f.users.clerk,
        at: new Date(T0).toISOString(),
      }),
    ]);
    expect(wo.attachments).toEqual([expect.objectContaining({ fileName: 'fault.png', mime: 'image/png' })]);
    expect(wo.responseClock).toMatchObject({
      state: 'running',
      targetMinutes: 60,
      dueAt: new Date(T0 + HOUR).toISOString(),
    });
    expect(wo.resolutionClock).toMatchObject({ state: 'running', targetMinutes: 8 * 60 });

    // The same equipment scanned again shows the open ticket; a code typed by hand works too.
    const again = await f.t.call('equipment.resolveQr', { payload: 'sh001-cool-01' });
    expect(again.openWorkOrders.map((w) => w.number)).toEqual(['WO-2026-00001']);
    // A running wok (high) is normal; a manager may give another priority at once, a clerk may not.
    const wok = await report(f, { equipment: f.eq.wok, faultCode: 'COOK-HEAT-IGN' });
    expect(wok.priority).toBe('normal');
    const err = await f.t.fail('repairs.report', {
      equipment: f.eq.wok,
      faultCode: 'COOK-HEAT-IGN',
      down: false,
      priority: 'urgent',
    });
    expect(err).toMatchObject({ code: 'FORBIDDEN', fields: [expect.objectContaining({ path: 'priority' })] });
    // The reporter follows their requests.
    const mine = await f.t.call('repairs.list', { scope: 'mine' });
    expect(mine.rows.map((r) => r.number)).toEqual(['WO-2026-00002', 'WO-2026-00001']);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    f = await openRepairsStore();
    await f.as('clerk');
    const before = [rows(f, 'work_orders'), rows(f, 'work_order_events'), rows(f, 'attachments')];
    const notImage = await f.t.fail('repairs.report', {
      equipment: f.eq.cooler,
      faultCode: 'REF-COOL-WARM',
      down: true,
      photos: [photo(PNG), photo(Buffer.from('%PDF-1.4 not a photo'), 'manual.pdf')],
    });
    expect(notImage.code).toBe('VALIDATION');
    expect(notImage.fields).toEqual([{ path: 'photos.1', message: 'The photo must be a PNG or JPEG image.' }]);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await f.t.fail('repairs.report', {
      equipment: f.eq.cooler,
      faultCode: 'REF-COOL-WARM',
      down: true,
      photos: [photo(big)],
    });
    expect(tooBig.fields?.[0]).toEqual({ path: 'photos.0', message: 'The photo is 2.0 MB; at most 2 MB is allowed.' });
    const wrongFault = await f.t.fail('repairs.report', {
      equipment: f.eq.cooler,
      faultCode: 'COOK-HEAT-IGN',
      down: false,
    });
    expect(wrongFault.fields?.[0]?.path).toBe('faultCode');
    expect(wrongFault.message).toContain('COOK-HEAT-IGN');
    const unknown = await f.t.fail('repairs.report', {
      equipment: 'EQ:SH001-NOPE-01',
      faultCode: 'GEN-OTHER',
      down: false,
    });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ path: 'equipment' })] });
    expect(unknown.message).toContain('SH001-NOPE-01');
    expect([rows(f, 'work_orders'), rows(f, 'work_order_events'), rows(f, 'attachments')]).toEqual(before);
  });
});

describe('the work-order lifecycle through the API', () => {
  it('records every step as an event with who and when, from report to close', async () => {
    f = await openRepairsStore();
    await f.as('clerk');
    const wo = await report(f, {
      equipment: f.eq.cooler,
      faultCode: 'REF-BODY-SEAL',
      down: true,
      description: 'Door does not seal',
    });
    await f.as('manager');
    await f.at(T0 + 10 * MIN);
    await act(f, wo.id, 'triage', { priority: 'high', note: 'seal only' });
    await f.at(T0 + 20 * MIN);
    const suggestions = await f.t.call('repairs.suggestAssignees', { id: wo.id });
    expect(suggestions.technicians.length).toBe(2);
    await act(f, wo.id, 'assign', { assignee: { userId: f.users.tech } });
    await f.as('tech');
    await f.at(T0 + 1 * HOUR);
    await act(f, wo.id, 'start');
    await f.at(T0 + 2 * HOUR);
    await act(f, wo.id, 'wait', { waitingReason: 'parts', note: 'gasket ordered' });
    await f.at(T0 + 26 * HOUR);
    await act(f, wo.id, 'resume');
    await f.at(T0 + 27 * HOUR);
    const resolved = await act(f, wo.id, 'resolve', { resolution: RESOLUTION });
    expect(resolved).toMatchObject({
      status: 'resolved',
      upAt: new Date(T0 + 27 * HOUR).toISOString(),
      resolutionNameEn: 'Part replaced',
    });
    expect(resolved.autoConfirmAt).toBe(new Date(T0 + 27 * HOUR + 3 * DAY).toISOString());
    expect(resolved.allowedActions).toEqual(['reopen', 'comment']); // a technician does not sign off their own work
    await f.as('clerk');
    await f.at(T0 + 28 * HOUR);
    const confirmed = await act(f, wo.id, 'confirm', { note: 'cold again' });
    await f.as('manager');
    const closed = await act(f, wo.id, 'close');
    expect(closed.status).toBe('closed');
    expect(closed.events.map((e) => [e.action, e.from, e.to, e.userName])).toEqual([
      ['report', null, 'submitted', 'clerk'],
      ['triage', 'submitted', 'triaged', 'manager'],
      ['assign', 'triaged', 'assigned', 'manager'],
      ['start', 'assigned', 'in_progress', 'tech'],
      ['wait', 'in_progress', 'waiting', 'tech'],
      ['resume', 'waiting', 'in_progress', 'tech'],
      ['resolve', 'in_progress', 'resolved', 'tech'],
      ['confirm', 'resolved', 'confirmed', 'clerk'],
      ['close', 'confirmed', 'closed', 'manager'],
    ]);
    expect(closed.events[1]).toMatchObject({ note: 'seal only', data: { priority: { from: 'urgent', to: 'high' } } });
    expect(closed.events[4]).toMatchObject({ waitingReason: 'parts', at: new Date(T0 + 2 * HOUR).toISOString() });
    expect(confirmed.confirmedAt).toBe(new Date(T0 + 28 * HOUR).toISOString());
    // Events are append-only in the database itself.
    expect(() => f!.t.backend.database.sqlite.prepare("UPDATE work_order_events SET note = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => f!.t.backend.database.sqlite.prepare('DELETE FROM work_order_events').run()).toThrow(/append-only/);
  });

  it('allows every legal (state, action) pair and refuses every illegal one, naming the state and the action', async () => {
    f = await openRepairsStore();
    const fx = f;
    let legal = 0;
    for (const state of WO_STATES) {
      const shared = await inState(fx, state);
      for (const action of USER_ACTIONS) {
        const to = LEGAL[state][action];
        if (to) {
          legal++;
          const wo = await inState(fx, state);
          const events = wo.events.length;
          const after = await act(fx, wo.id, action, inputs(fx, action));
          expect(after.status, `${state} + ${action}`).toBe(to);
          expect(after.events.length).toBe(events + 1);
          expect(after.events.at(-1)).toMatchObject({ action, from: state, to });
        } else {
          const err = await fx.t.fail('repairs.transition', { id: shared.id, action, ...inputs(fx, action) });
          expect(err.code, `${state} + ${action}`).toBe('CONFLICT');
          expect(err.message).toContain(`is ${translate('en', `repairs.status.${state}`)}:`);
          expect(err.message).toContain(`"${translate('en', `repairs.action.${action}`)}" is not possible now`);
        }
      }
      // Refused actions wrote nothing.
      expect((await fx.t.call('repairs.get', { id: shared.id })).events.length).toBe(PATH[state].length + 1);
    }
    expect(legal).toBe(37);
    const zh = await fx.t.fail(
      'repairs.transition',
      { id: (await inState(fx, 'closed')).id, action: 'start' },
      { locale: 'zh-CN' },
    );
    expect(zh.message).toMatch(/^工单 WO-2026-\d{5} 当前为“已关闭”，现在不能“开始维修”。当前可进行：重新打开。$/);
  });

  it('lets each role do only its part', async () => {
    f = await openRepairsStore();
    await f.as('clerk');
    const wo = await report(f, { equipment: f.eq.pos, faultCode: 'IT-DEV-BOOT' });
    const triage = await f.t.fail('repairs.transition', { id: wo.id, action: 'triage' });
    expect(triage.code).toBe('FORBIDDEN');
    expect(triage.message).toBe(
      `Work order ${wo.number} is Submitted: "Triage" is not for the Clerk role. Possible for you now: Cancel.`,
    );
    await f.as('tech');
    await act(f, wo.id, 'assign', { assignee: { userId: f.users.tech } });
    await act(f, wo.id, 'resolve', {
      resolution: { text: 'Restarted', resolutionCode: 'reset', rootCauseCode: 'unknown' },
    });
    expect((await f.t.fail('repairs.transition', { id: wo.id, action: 'confirm' })).code).toBe('FORBIDDEN');
    await f.as('clerk');
    expect((await act(f, wo.id, 'confirm')).status).toBe('confirmed');
    expect((await f.t.fail('repairs.transition', { id: wo.id, action: 'close' })).code).toBe('FORBIDDEN');

    // The reporter may cancel their request while nobody has touched it; another clerk may not.
    const mistake = await report(f, { equipment: f.eq.pos, faultCode: 'IT-DEV-NET' });
    await f.as('boss');
    await f.t.call('users.create', {
      username: 'clerk3',
      displayName: 'clerk3',
      role: 'clerk',
      authKind: 'pin',
      secret: '4444',
    });
    await f.t.call('session.login', { username: 'clerk3', secret: '4444' });
    expect((await f.t.fail('repairs.transition', { id: mistake.id, action: 'cancel', note: 'no' })).code).toBe(
      'FORBIDDEN',
    );
    await f.as('clerk');
    expect((await f.t.fail('repairs.transition', { id: mistake.id, action: 'cancel' })).fields?.[0]?.path).toBe('note');
    expect((await act(f, mistake.id, 'cancel', { note: 'reported the wrong terminal' })).status).toBe('cancelled');

    // Payloads an action needs are checked before anything is written.
    await f.as('manager');
    const w2 = await report(f, { equipment: f.eq.wok, faultCode: 'COOK-GAS-SMELL', down: true });
    expect((await f.t.fail('repairs.transition', { id: w2.id, action: 'assign' })).fields?.[0]?.path).toBe('assignee');
    expect(
      (await f.t.fail('repairs.transition', { id: w2.id, action: 'assign', assignee: { userId: f.users.clerk } }))
        .fields?.[0]?.path,
    ).toBe('assignee.userId');
    await act(f, w2.id, 'assign', { assignee: { userId: f.users.tech2 } });
    expect((await f.t.fail('repairs.transition', { id: w2.id, action: 'wait' })).fields?.[0]?.path).toBe(
      'waitingReason',
    );
    expect((await f.t.fail('repairs.transition', { id: w2.id, action: 'resolve' })).fields?.[0]?.path).toBe(
      'resolution',
    );
    const badCode = await f.t.fail('repairs.transition', {
      id: w2.id,
      action: 'resolve',
      resolution: { ...RESOLUTION, rootCauseCode: 'gremlins' },
    });
    expect(badCode.fields?.[0]).toMatchObject({ path: 'resolution.rootCauseCode' });
    expect((await f.t.call('repairs.get', { id: w2.id })).events.length).toBe(2);
  });
});

describe('auto-confirm and the reopen window', () => {
  it('confirms as the system exactly N days after the resolution, and reopens only within the window', async () => {
    f = await openRepairsStore();
    await f.as('manager');
    const wo = await report(f, { equipment: f.eq.cooler, faultCode: 'REF-COOL-ICE', down: true });
    await act(f, wo.id, 'assign', {
      assignee: { vendorId: (await f.t.call('vendors.save', { code: 'V-01', name: 'Cold Co.' })).id },
    });
    await f.at(T0 + 5 * HOUR);
    await act(f, wo.id, 'resolve', {
      resolution: { text: 'Defrosted', resolutionCode: 'clean', rootCauseCode: 'dirt' },
    });
    const resolvedAt = T0 + 5 * HOUR;

    await f.at(resolvedAt + 3 * DAY - 1);
    await f.as('manager');
    expect((await f.t.call('repairs.get', { id: wo.id })).status).toBe('resolved');
    await f.at(resolvedAt + 3 * DAY + 7 * HOUR);
    await f.as('manager');
    // Reads never write: past the window the work order stays resolved until the periodic tick runs.
    expect((await f.t.call('repairs.list', { scope: 'open' })).rows.find((r) => r.id === wo.id)?.status).toBe(
      'resolved',
    );
    expect((await f.t.call('repairs.get', { id: wo.id })).status).toBe('resolved');
    expect((await f.t.call('audit.list', { limit: 10, method: 'repairs.autoConfirm' })).rows).toEqual([]);
    f.t.backend.tick();
    const list = await f.t.call('repairs.list', { scope: 'open' });
    expect(list.rows.find((r) => r.id === wo.id)?.status).toBe('confirmed');
    const d = await f.t.call('repairs.get', { id: wo.id });
    expect(d.events.at(-1)).toMatchObject({
      action: 'auto_confirm',
      from: 'resolved',
      to: 'confirmed',
      userId: null,
      userName: null,
      at: new Date(resolvedAt + 3 * DAY).toISOString(),
    });
    expect(d.confirmedAt).toBe(new Date(resolvedAt + 3 * DAY).toISOString());
    expect(d.reopenUntil).toBe(new Date(resolvedAt + 14 * DAY).toISOString());
    // Running it again changes nothing.
    f.t.backend.tick();
    expect((await f.t.call('repairs.get', { id: wo.id })).events.length).toBe(d.events.length);
    const audit = await f.t.call('audit.list', { limit: 10, method: 'repairs.autoConfirm' });
    expect(audit.rows).toEqual([expect.objectContaining({ username: null })]);

    await act(f, wo.id, 'close');
    await f.at(resolvedAt + 14 * DAY);
    await f.as('clerk');
    const reopened = await act(f, wo.id, 'reopen', { note: 'iced up again', down: true });
    expect(reopened).toMatchObject({ status: 'triaged', reopenCount: 1, resolvedAt: null, upAt: null });
    expect(reopened.resolutionClock.state).toBe('running');

    await f.as('manager');
    await act(f, wo.id, 'assign', { assignee: { userId: f.users.tech } });
    await f.at(resolvedAt + 15 * DAY);
    await act(f, wo.id, 'resolve', {
      resolution: { text: 'New fan motor', resolutionCode: 'replace_part', rootCauseCode: 'wear' },
    });
    await f.as('clerk');
    await act(f, wo.id, 'confirm');
    // The window counts from the latest resolution: 14 days and one millisecond later it is refused.
    await f.at(resolvedAt + 29 * DAY + 1);
    await f.as('clerk');
    const events = rows(f, 'work_order_events');
    const late = await f.t.fail('repairs.transition', { id: wo.id, action: 'reopen', note: 'again' });
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toBe(
      `Work order ${wo.number} can only be reopened within 14 days of its resolution (until 2026-06-30 15:00). Report a new fault instead.`,
    );
    expect(rows(f, 'work_order_events')).toBe(events);
  });
});
