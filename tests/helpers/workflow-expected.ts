import type { WoAction, WoState } from '../../src-shared/repairs/workflow';

/** The expected machine, written out by hand (not derived from TRANSITIONS): state -> action -> next state. */
export const LEGAL_TRANSITIONS: Record<WoState, Partial<Record<WoAction, WoState>>> = {
  submitted: {
    triage: 'triaged',
    assign: 'assigned',
    cancel: 'cancelled',
    prioritize: 'submitted',
    comment: 'submitted',
  },
  triaged: { assign: 'assigned', cancel: 'cancelled', prioritize: 'triaged', comment: 'triaged' },
  assigned: {
    assign: 'assigned',
    start: 'in_progress',
    wait: 'waiting',
    resolve: 'resolved',
    cancel: 'cancelled',
    prioritize: 'assigned',
    comment: 'assigned',
  },
  in_progress: {
    assign: 'assigned',
    wait: 'waiting',
    resolve: 'resolved',
    cancel: 'cancelled',
    prioritize: 'in_progress',
    comment: 'in_progress',
  },
  waiting: {
    assign: 'assigned',
    resume: 'in_progress',
    resolve: 'resolved',
    cancel: 'cancelled',
    prioritize: 'waiting',
    comment: 'waiting',
  },
  resolved: { confirm: 'confirmed', auto_confirm: 'confirmed', reopen: 'triaged', comment: 'resolved' },
  confirmed: { reopen: 'triaged', close: 'closed', comment: 'confirmed' },
  closed: { reopen: 'triaged', comment: 'closed' },
  cancelled: { comment: 'cancelled' },
};
