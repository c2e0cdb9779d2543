import { ROLES, type Role } from '../roles';

/**
 * The work-order state machine: ONE table for repair requests (the entry
 * point) and maintenance work (the engine), corrective and preventive alike.
 * The backend refuses anything the table does not allow; screens show only
 * what `allowedActions` returns. Every transition is recorded as an
 * append-only work_order_events row (who, when, from, to, note).
 *
 *   submitted ─triage→ triaged ─assign→ assigned ─start→ in_progress ─resolve→ resolved ─confirm→ confirmed ─close→ closed
 *        │                 │                │  ▲ └─wait→ waiting ─resume→ ┘ ▲        │   (auto_confirm after N days)
 *        └────assign───────┘                │  └──────── reassign ─────────┘        └─reopen (within N days)→ triaged
 *   cancel: from any state before resolved.  prioritize / comment: no state change.
 */
export const WO_STATES = [
  'submitted',
  'triaged',
  'assigned',
  'in_progress',
  'waiting',
  'resolved',
  'confirmed',
  'closed',
  'cancelled',
] as const;
export type WoState = (typeof WO_STATES)[number];

/** Work still to be done (the technician's list). */
export const ACTIVE_STATES = ['submitted', 'triaged', 'assigned', 'in_progress', 'waiting'] as const;
/** Not finished from HQ's point of view: everything but closed and cancelled (the "open work orders" list). */
export const OPEN_STATES = [...ACTIVE_STATES, 'resolved', 'confirmed'] as const;
/** The fix is done (waiting for, or past, the store's confirmation). */
export const DONE_STATES = ['resolved', 'confirmed', 'closed'] as const;

/** What a work order in 'waiting' waits for; only waiting on the store pauses the SLA clocks. */
export const WAITING_REASONS = ['parts', 'vendor', 'store'] as const;
export type WaitingReason = (typeof WAITING_REASONS)[number];

/** What a user may ask for, in the order screens show them. */
export const USER_ACTIONS = [
  'triage',
  'assign',
  'start',
  'wait',
  'resume',
  'resolve',
  'confirm',
  'reopen',
  'close',
  'cancel',
  'prioritize',
  'comment',
] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
/** Every action; auto_confirm is done by the system only. */
export const WO_ACTIONS = [...USER_ACTIONS, 'auto_confirm'] as const;
export type WoAction = (typeof WO_ACTIONS)[number];

/** The maintenance side: the store's manager, its admin, and technicians (HQ's maintenance team later). */
const MAINTENANCE = ['manager', 'admin', 'technician'] as const satisfies readonly Role[];
/** The store side: it confirms a fix (a technician does not sign off their own work). */
const STORE_SIDE = ['clerk', 'manager', 'admin'] as const satisfies readonly Role[];

export interface TransitionRule {
  from: readonly WoState[];
  /** null: the action records an event but keeps the state. */
  to: WoState | null;
  roles: readonly Role[];
  /** States from which the reporter may take the action whatever their role. */
  reporterFrom?: readonly WoState[];
  /** Only within the reopen window (counted from the resolution) when leaving a confirmed or closed state. */
  window?: boolean;
}

export const TRANSITIONS: Record<WoAction, TransitionRule> = {
  triage: { from: ['submitted'], to: 'triaged', roles: MAINTENANCE },
  assign: { from: ['submitted', 'triaged', 'assigned', 'in_progress', 'waiting'], to: 'assigned', roles: MAINTENANCE },
  start: { from: ['assigned'], to: 'in_progress', roles: MAINTENANCE },
  wait: { from: ['assigned', 'in_progress'], to: 'waiting', roles: MAINTENANCE },
  resume: { from: ['waiting'], to: 'in_progress', roles: MAINTENANCE },
  resolve: { from: ['assigned', 'in_progress', 'waiting'], to: 'resolved', roles: MAINTENANCE },
  confirm: { from: ['resolved'], to: 'confirmed', roles: STORE_SIDE, reporterFrom: ['resolved'] },
  auto_confirm: { from: ['resolved'], to: 'confirmed', roles: [] },
  reopen: { from: ['resolved', 'confirmed', 'closed'], to: 'triaged', roles: ROLES, window: true },
  close: { from: ['confirmed'], to: 'closed', roles: MAINTENANCE },
  cancel: {
    from: ['submitted', 'triaged', 'assigned', 'in_progress', 'waiting'],
    to: 'cancelled',
    roles: ['manager', 'admin'],
    reporterFrom: ['submitted'],
  },
  prioritize: { from: ACTIVE_STATES, to: null, roles: MAINTENANCE },
  comment: { from: WO_STATES, to: null, roles: ROLES },
};

export interface ActorContext {
  role: Role | null;
  /** The caller reported this work order. */
  isReporter: boolean;
  now: number;
  /** When the work order was (last) resolved; null when it has not been. */
  resolvedAt: number | null;
  reopenDays: number;
}

export type TransitionCheck =
  { ok: true; to: WoState; changesState: boolean } | { ok: false; why: 'state' | 'role' | 'window' | 'system' };

const DAY = 86_400_000;

/** The end of the reopen window of a resolved work order (UTC ms), or null when it was never resolved. */
export function reopenUntil(resolvedAt: number | null, reopenDays: number): number | null {
  return resolvedAt === null ? null : resolvedAt + reopenDays * DAY;
}

/**
 * Whether `action` may be taken from `state` by this actor. `actor.role`
 * null is the system (only auto_confirm). The order of checks decides the
 * message: a wrong state first (nobody could do it now), then the role, then
 * the reopen window.
 */
export function checkTransition(state: WoState, action: WoAction, actor: ActorContext): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) return { ok: false, why: 'state' };
  if (actor.role === null) {
    if (action !== 'auto_confirm') return { ok: false, why: 'role' };
  } else if (action === 'auto_confirm') {
    return { ok: false, why: 'system' };
  } else {
    const byRole = rule.roles.includes(actor.role);
    const byReporter = actor.isReporter && (rule.reporterFrom?.includes(state) ?? false);
    if (!byRole && !byReporter) return { ok: false, why: 'role' };
  }
  if (rule.window && state !== 'resolved') {
    const until = reopenUntil(actor.resolvedAt, actor.reopenDays);
    if (until === null || actor.now > until) return { ok: false, why: 'window' };
  }
  const to = rule.to ?? state;
  return { ok: true, to, changesState: to !== state };
}

/** The actions this actor may take now (for the screen's buttons), in the table's order. */
export function allowedActions(state: WoState, actor: ActorContext): UserAction[] {
  return USER_ACTIONS.filter((a) => checkTransition(state, a, actor).ok);
}

export function isOpenState(s: WoState): boolean {
  return s !== 'closed' && s !== 'cancelled';
}
export function isActiveState(s: WoState): boolean {
  return (ACTIVE_STATES as readonly WoState[]).includes(s);
}
