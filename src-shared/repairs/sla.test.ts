import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../time';
import { liveClock, slaClock, storeClock, type SlaEvent } from './sla';

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.UTC(2026, 5, 1, 2, 0); // any instant: the clocks are calendar time

const ev = (h: number, to: SlaEvent['to'], waitingReason: SlaEvent['waitingReason'] = null): SlaEvent => ({
  at: T0 + h * H,
  to,
  waitingReason,
});

describe('response clock', () => {
  it('stops at the first assignment and keeps the outcome', () => {
    const c = slaClock('response', T0, [ev(0.5, 'assigned'), ev(1, 'in_progress')], H, T0 + 10 * H, 80);
    expect(c).toMatchObject({ state: 'stopped', elapsedMs: 30 * MIN, met: true, breached: false, dueAt: null });
    expect(c.stoppedAt).toBe(T0 + 0.5 * H);
  });

  it('runs with a fixed due time, warns at 80 % and breaches after the target', () => {
    const at = (m: number) => slaClock('response', T0, [ev(0, 'triaged')], H, T0 + m * MIN, 80);
    expect(at(47)).toMatchObject({ state: 'running', dueAt: T0 + H, warning: false, breached: false });
    expect(at(48)).toMatchObject({ warning: true, leftMs: 12 * MIN });
    expect(at(60)).toMatchObject({ warning: true, breached: false, leftMs: 0 });
    expect(at(90)).toMatchObject({ breached: true, breachedAt: T0 + H, leftMs: -30 * MIN, warning: false });
  });

  it('is kept by a cancelled request only if cancelled in time, and does not restart on reopen', () => {
    const late = slaClock('response', T0, [ev(2, 'cancelled')], H, T0 + 5 * H, 80);
    expect(late).toMatchObject({ state: 'stopped', met: false, breachedAt: T0 + H });
    const reopened = slaClock(
      'response',
      T0,
      [ev(0.25, 'assigned'), ev(3, 'resolved'), ev(50, 'triaged')],
      H,
      T0 + 60 * H,
      80,
    );
    expect(reopened).toMatchObject({ state: 'stopped', met: true, elapsedMs: 15 * MIN });
  });
});

describe('resolution clock', () => {
  const target = 8 * H;

  it('pauses while waiting on the store, not while waiting for parts', () => {
    const store = [ev(1, 'assigned'), ev(2, 'in_progress'), ev(3, 'waiting', 'store'), ev(13, 'in_progress')];
    // Paused: 3 h used, 5 h left, no due time while the store is awaited.
    expect(slaClock('resolution', T0, store.slice(0, 3), target, T0 + 10 * H, 80)).toMatchObject({
      state: 'paused',
      elapsedMs: 3 * H,
      leftMs: 5 * H,
      dueAt: null,
      breached: false,
    });
    // Resumed at 13 h: due 5 h later.
    expect(slaClock('resolution', T0, store, target, T0 + 14 * H, 80)).toMatchObject({
      state: 'running',
      dueAt: T0 + 18 * H,
    });
    const done = slaClock('resolution', T0, [...store, ev(17, 'resolved')], target, T0 + 40 * H, 80);
    expect(done).toMatchObject({ state: 'stopped', elapsedMs: 7 * H, met: true, stoppedAt: T0 + 17 * H });

    const parts = [ev(1, 'assigned'), ev(2, 'in_progress'), ev(3, 'waiting', 'parts'), ev(13, 'in_progress')];
    const late = slaClock('resolution', T0, [...parts, ev(17, 'resolved')], target, T0 + 40 * H, 80);
    expect(late).toMatchObject({ elapsedMs: 17 * H, met: false, breached: true, breachedAt: T0 + 8 * H });
  });

  it('runs again after a reopen and stops for good once confirmed', () => {
    const events = [ev(1, 'assigned'), ev(5, 'resolved'), ev(30, 'triaged'), ev(31, 'assigned')];
    const open = slaClock('resolution', T0, events, target, T0 + 32 * H, 80);
    // 5 h before the resolution, 2 h since the reopen: 1 h left, due at 33 h.
    expect(open).toMatchObject({ state: 'running', elapsedMs: 7 * H, dueAt: T0 + 33 * H, warning: true });
    const closed = slaClock(
      'resolution',
      T0,
      [...events, ev(35, 'resolved'), ev(40, 'confirmed')],
      target,
      T0 + 99 * H,
      80,
    );
    expect(closed).toMatchObject({ state: 'stopped', elapsedMs: 10 * H, met: false, breachedAt: T0 + 33 * H });
    expect(closed.stoppedAt).toBe(T0 + 35 * H);
  });

  it('is not applicable with no target', () => {
    expect(slaClock('response', T0, [], 0, T0 + H, 80).state).toBe('none');
  });
});

describe('stored clocks', () => {
  it('give the same answer later as a computation from the events', () => {
    const histories: SlaEvent[][] = [
      [],
      [ev(1, 'assigned')],
      [ev(1, 'assigned'), ev(2, 'waiting', 'store')],
      [ev(1, 'assigned'), ev(2, 'waiting', 'store'), ev(4, 'in_progress')],
      [ev(1, 'assigned'), ev(12, 'resolved')],
      [ev(1, 'assigned'), ev(2, 'waiting', 'vendor')],
    ];
    for (const events of histories) {
      for (const kind of ['response', 'resolution'] as const) {
        const computedAt = T0 + 5 * H;
        const stored = storeClock(slaClock(kind, T0, events, 8 * H, computedAt, 80));
        for (const later of [5, 6, 7.5, 9, 30]) {
          const now = T0 + later * H;
          const expected = slaClock(kind, T0, events, 8 * H, now, 80);
          const live = liveClock(stored, now, 80);
          const pick = (c: typeof live) => [c.state, c.leftMs, c.dueAt, c.breached, c.warning, c.met];
          expect(pick(live), `${kind} ${JSON.stringify(events.map((e) => e.to))} at ${later} h`).toEqual(
            pick(expected),
          );
        }
      }
    }
  });
});

describe('time zones', () => {
  it('count real hours across a daylight-saving change and show due times in the store zone', () => {
    // Berlin springs forward on 2026-03-29 (02:00 -> 03:00): reported 22:00 local on the 28th.
    const berlin = Date.UTC(2026, 2, 28, 21, 0);
    expect(formatLocalTime(berlin, 'Europe/Berlin')).toBe('2026-03-28 22:00');
    const c = slaClock(
      'resolution',
      berlin,
      [ev(0, 'assigned')].map((e) => ({ ...e, at: berlin })),
      24 * H,
      berlin,
      80,
    );
    expect(c.dueAt).toBe(berlin + 24 * H);
    expect(formatLocalTime(c.dueAt!, 'Europe/Berlin')).toBe('2026-03-29 23:00');
    // ... and falls back on 2026-10-25: 24 h later shows one hour earlier on the wall clock.
    const autumn = Date.UTC(2026, 9, 24, 20, 0);
    expect(formatLocalTime(autumn, 'Europe/Berlin')).toBe('2026-10-24 22:00');
    const a = slaClock('resolution', autumn, [], 24 * H, autumn, 80);
    expect(formatLocalTime(a.dueAt!, 'Europe/Berlin')).toBe('2026-10-25 21:00');

    // Shanghai has no daylight saving: the same 24 h is the same wall-clock time next day.
    const shanghai = Date.UTC(2026, 2, 28, 14, 0);
    const s = slaClock('resolution', shanghai, [], 24 * H, shanghai, 80);
    expect(formatLocalTime(shanghai, 'Asia/Shanghai')).toBe('2026-03-28 22:00');
    expect(formatLocalTime(s.dueAt!, 'Asia/Shanghai')).toBe('2026-03-29 22:00');
  });

  it('pause over the night of the change by its real length', () => {
    // Waiting on the store from 20:00 to 08:00 local in Berlin over the spring change: 11 real hours.
    const start = Date.UTC(2026, 2, 28, 18, 0); // 19:00 local, reported
    const pause = Date.UTC(2026, 2, 28, 19, 0); // 20:00 CET
    const resume = Date.UTC(2026, 2, 29, 6, 0); // 08:00 CEST
    expect(formatLocalTime(resume, 'Europe/Berlin')).toBe('2026-03-29 08:00');
    const events: SlaEvent[] = [
      { at: start, to: 'assigned' },
      { at: pause, to: 'waiting', waitingReason: 'store' },
      { at: resume, to: 'in_progress' },
    ];
    const c = slaClock('resolution', start, events, 8 * H, resume, 80);
    expect(c.elapsedMs).toBe(1 * H);
    expect(c.dueAt).toBe(resume + 7 * H);
    expect(formatLocalTime(c.dueAt!, 'Europe/Berlin')).toBe('2026-03-29 15:00');
  });
});
