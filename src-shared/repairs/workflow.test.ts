import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import {
  allowedActions,
  checkTransition,
  WO_ACTIONS,
  WO_STATES,
  type ActorContext,
  type WoAction,
  type WoState,
} from './workflow';
import { LEGAL_TRANSITIONS } from '../../tests/helpers/workflow-expected';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);

const LEGAL = LEGAL_TRANSITIONS;

/** Who may take each action (from a state where it is legal), as a non-reporter. */
const WHO: Record<Exclude<WoAction, 'auto_confirm'>, Role[]> = {
  triage: ['manager', 'technician', 'admin'],
  assign: ['manager', 'technician', 'admin'],
  start: ['manager', 'technician', 'admin'],
  wait: ['manager', 'technician', 'admin'],
  resume: ['manager', 'technician', 'admin'],
  resolve: ['manager', 'technician', 'admin'],
  confirm: ['clerk', 'manager', 'admin'],
  reopen: ['clerk', 'manager', 'technician', 'admin'],
  close: ['manager', 'technician', 'admin'],
  cancel: ['manager', 'admin'],
  prioritize: ['manager', 'technician', 'admin'],
  comment: ['clerk', 'manager', 'technician', 'admin'],
};

const actor = (role: Role | null, over: Partial<ActorContext> = {}): ActorContext => ({
  role,
  isReporter: false,
  now: NOW,
  resolvedAt: NOW - DAY,
  reopenDays: 14,
  ...over,
});

describe('work-order state machine', () => {
  it('allows exactly the legal (state, action) pairs and leads to the right state', () => {
    let legal = 0;
    for (const state of WO_STATES) {
      for (const action of WO_ACTIONS) {
        const who = action === 'auto_confirm' ? actor(null) : actor('admin');
        const expected = LEGAL[state][action];
        const r = checkTransition(state, action, who);
        if (expected) {
          legal++;
          expect(r, `${state} + ${action}`).toEqual({ ok: true, to: expected, changesState: expected !== state });
        } else {
          expect(r, `${state} + ${action}`).toEqual({ ok: false, why: 'state' });
        }
      }
    }
    expect(legal).toBe(38);
  });

  it('lets only the listed roles take each action', () => {
    for (const [action, roles] of Object.entries(WHO) as [Exclude<WoAction, 'auto_confirm'>, Role[]][]) {
      const state = (Object.keys(LEGAL) as WoState[]).find((s) => LEGAL[s][action])!;
      for (const role of ROLES) {
        const r = checkTransition(state, action, actor(role));
        expect(r.ok, `${role} ${action} from ${state}`).toBe(roles.includes(role));
        if (!r.ok) expect(r.why).toBe('role');
      }
    }
  });

  it('keeps auto-confirm for the system and the system to auto-confirm', () => {
    expect(checkTransition('resolved', 'auto_confirm', actor('admin'))).toEqual({ ok: false, why: 'system' });
    expect(checkTransition('resolved', 'confirm', actor(null))).toEqual({ ok: false, why: 'role' });
    expect(checkTransition('resolved', 'auto_confirm', actor(null)).ok).toBe(true);
  });

  it('lets the reporter cancel an untouched request and confirm the fix, whatever their role', () => {
    const reporter = (role: Role) => actor(role, { isReporter: true });
    expect(checkTransition('submitted', 'cancel', reporter('clerk')).ok).toBe(true);
    expect(checkTransition('triaged', 'cancel', reporter('clerk'))).toEqual({ ok: false, why: 'role' });
    expect(checkTransition('resolved', 'confirm', reporter('technician')).ok).toBe(true);
    expect(checkTransition('resolved', 'confirm', actor('technician'))).toEqual({ ok: false, why: 'role' });
  });

  it('reopens a confirmed or closed work order only within the window after its resolution', () => {
    const at = (days: number) => actor('clerk', { resolvedAt: NOW - days * DAY, reopenDays: 14 });
    expect(checkTransition('confirmed', 'reopen', at(14)).ok).toBe(true);
    expect(checkTransition('closed', 'reopen', at(13)).ok).toBe(true);
    expect(checkTransition('closed', 'reopen', at(14.01))).toEqual({ ok: false, why: 'window' });
    expect(checkTransition('confirmed', 'reopen', actor('clerk', { resolvedAt: null }))).toEqual({
      ok: false,
      why: 'window',
    });
    // A resolved work order the store rejects is reopened whatever the window.
    expect(checkTransition('resolved', 'reopen', at(40)).ok).toBe(true);
  });

  it('lists the actions a user may take now', () => {
    expect(allowedActions('submitted', actor('clerk'))).toEqual(['comment']);
    expect(allowedActions('submitted', actor('clerk', { isReporter: true }))).toEqual(['cancel', 'comment']);
    expect(allowedActions('assigned', actor('technician'))).toEqual([
      'assign',
      'start',
      'wait',
      'resolve',
      'prioritize',
      'comment',
    ]);
    expect(allowedActions('resolved', actor('clerk'))).toEqual(['confirm', 'reopen', 'comment']);
    expect(allowedActions('closed', actor('manager', { resolvedAt: NOW - 30 * DAY }))).toEqual(['comment']);
  });
});
