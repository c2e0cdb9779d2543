import type { WaitingReason, WoState } from './workflow';

/**
 * SLA clocks of a work order, computed from its event list.
 *
 * - Calendar time, 24/7: a restaurant's equipment matters on Sundays and at
 *   night too, so there are no business hours. Instants are UTC milliseconds;
 *   the store's time zone is applied only when a due time is displayed (a
 *   24-hour target across a daylight-saving change is 24 real hours, which
 *   shows as 23 or 25 hours on the wall clock).
 * - Response: from the report until the work order is first assigned, started
 *   or resolved. It never restarts (a reopen is not a new response).
 * - Resolution: from the report until resolved; it runs again after a reopen
 *   and stops for good when confirmed, closed or cancelled.
 * - Both clocks pause while the work order waits on the store (waiting with
 *   reason 'store': the store must give access, a decision or information);
 *   waiting for parts or a vendor does not pause them.
 * - A clock is breached once its running time exceeds the target, and warns
 *   once it has used `warnPercent` of the target.
 */

export interface SlaEvent {
  at: number;
  /** The state after the event (events that keep the state may be included). */
  to: WoState;
  waitingReason?: WaitingReason | null;
}

export type ClockState = 'none' | 'running' | 'paused' | 'stopped';

export interface ClockView {
  state: ClockState;
  targetMs: number;
  /** Running time used (pauses excluded) up to now or to the stop. */
  elapsedMs: number;
  /** target - elapsed: negative once breached. */
  leftMs: number;
  /** Running: the instant the target is reached if nothing pauses it (UTC ms). Paused, stopped or none: null. */
  dueAt: number | null;
  stoppedAt: number | null;
  breached: boolean;
  /** The instant the running time passed the target. */
  breachedAt: number | null;
  warning: boolean;
  /** Stopped clocks: whether the target was kept. Others: null. */
  met: boolean | null;
}

export type ClockKind = 'response' | 'resolution';

const RESPONDED: readonly WoState[] = ['assigned', 'in_progress', 'resolved'];
const RESOLUTION_STOPS: readonly WoState[] = ['resolved', 'confirmed', 'closed', 'cancelled'];

function mode(kind: ClockKind, status: WoState, reason: WaitingReason | null | undefined): 'run' | 'pause' | 'stop' {
  if (status === 'cancelled') return 'stop';
  if (kind === 'resolution' && RESOLUTION_STOPS.includes(status)) return 'stop';
  if (status === 'waiting' && reason === 'store') return 'pause';
  return 'run';
}

export const NO_CLOCK: ClockView = {
  state: 'none',
  targetMs: 0,
  elapsedMs: 0,
  leftMs: 0,
  dueAt: null,
  stoppedAt: null,
  breached: false,
  breachedAt: null,
  warning: false,
  met: null,
};

/**
 * One clock at `now`. `events` are the work order's events after the report,
 * oldest first (an event before the previous one is taken at the previous
 * one's time). A target of 0 means the clock does not apply ('none').
 */
export function slaClock(
  kind: ClockKind,
  reportedAt: number,
  events: readonly SlaEvent[],
  targetMs: number,
  now: number,
  warnPercent: number,
): ClockView {
  if (targetMs <= 0) return NO_CLOCK;
  let status: WoState = 'submitted';
  let reason: WaitingReason | null | undefined = null;
  let t = reportedAt;
  let elapsed = 0;
  let breachedAt: number | null = null;
  let stoppedAt: number | null = null;
  let responded = false;

  const advance = (until: number) => {
    if (until <= t) return;
    if (mode(kind, status, reason) === 'run') {
      if (breachedAt === null && elapsed + (until - t) > targetMs) breachedAt = t + (targetMs - elapsed);
      elapsed += until - t;
    }
    t = until;
  };

  for (const e of events) {
    advance(e.at);
    const wasStopped = mode(kind, status, reason) === 'stop';
    status = e.to;
    reason = e.waitingReason ?? null;
    if (kind === 'response' && RESPONDED.includes(e.to)) {
      responded = true;
      stoppedAt = Math.max(t, reportedAt);
      break;
    }
    const stopped = mode(kind, status, reason) === 'stop';
    if (stopped && !wasStopped) stoppedAt = t;
    if (!stopped) stoppedAt = null;
  }
  const stopped = responded || mode(kind, status, reason) === 'stop';
  if (!stopped) advance(Math.max(now, t));

  const paused = !stopped && mode(kind, status, reason) === 'pause';
  const breached = elapsed > targetMs;
  const left = targetMs - elapsed;
  return {
    state: stopped ? 'stopped' : paused ? 'paused' : 'running',
    targetMs,
    elapsedMs: elapsed,
    leftMs: left,
    dueAt: stopped || paused ? null : t + left,
    stoppedAt: stopped ? stoppedAt : null,
    breached,
    breachedAt,
    warning: !stopped && !breached && elapsed * 100 >= warnPercent * targetMs,
    met: stopped ? !breached : null,
  };
}

/**
 * What a work-order row keeps of a clock so lists need no events: the due
 * instant while running, the time left while paused, the outcome once stopped.
 */
export interface StoredClock {
  targetMs: number;
  dueAt: number | null;
  leftMs: number | null;
  met: boolean | null;
  breachedAt: number | null;
}

export function storeClock(c: ClockView): StoredClock {
  return {
    targetMs: c.targetMs,
    dueAt: c.dueAt,
    leftMs: c.state === 'paused' || c.state === 'stopped' ? c.leftMs : null,
    met: c.met,
    breachedAt: c.breachedAt,
  };
}

/** The clock at `now` from the stored columns: the same answer slaClock gives, without the events. */
export function liveClock(s: StoredClock, now: number, warnPercent: number): ClockView {
  if (s.targetMs <= 0) return NO_CLOCK;
  const warnAt = (elapsed: number) => elapsed * 100 >= warnPercent * s.targetMs;
  if (s.met !== null) {
    const left = s.leftMs ?? 0;
    return {
      ...NO_CLOCK,
      state: 'stopped',
      targetMs: s.targetMs,
      elapsedMs: s.targetMs - left,
      leftMs: left,
      breached: !s.met,
      breachedAt: s.breachedAt,
      met: s.met,
    };
  }
  if (s.dueAt !== null) {
    const left = s.dueAt - now;
    const elapsed = s.targetMs - left;
    return {
      ...NO_CLOCK,
      state: 'running',
      targetMs: s.targetMs,
      elapsedMs: elapsed,
      leftMs: left,
      dueAt: s.dueAt,
      breached: left < 0,
      breachedAt: left < 0 ? s.dueAt : null,
      warning: left >= 0 && warnAt(elapsed),
    };
  }
  const left = s.leftMs ?? s.targetMs;
  const elapsed = s.targetMs - left;
  return {
    ...NO_CLOCK,
    state: 'paused',
    targetMs: s.targetMs,
    elapsedMs: elapsed,
    leftMs: left,
    breached: left < 0,
    breachedAt: left < 0 ? s.breachedAt : null,
    warning: left >= 0 && warnAt(elapsed),
  };
}
