import type { StoreHealthDto } from '../../../src-shared/hq-api/methods/stores';

/**
 * What in a store's sync health needs someone at HQ to look, most serious
 * first. Danger: something was refused, lost its way or tampered with.
 * Warning: something is late or waiting.
 */
export type HealthIssue =
  | 'auditMismatch'
  | 'refused'
  | 'deadLetters'
  | 'neverContacted'
  | 'silent'
  | 'clockSkew'
  | 'codeExpired'
  | 'backlog'
  | 'lateEntries';

export const DANGER: ReadonlySet<HealthIssue> = new Set(['auditMismatch', 'refused', 'deadLetters']);

/** An enrolled store that has not been heard from for this long is flagged: stores sync every few minutes when online. */
export const SILENT_AFTER_MS = 24 * 60 * 60_000;

/** The store's own screen warns past this difference (sync design, "Clocks"); HQ flags the same stores. */
export const SKEW_LIMIT_MS = 2 * 60_000;

export function healthIssues(s: StoreHealthDto, now: number): HealthIssue[] {
  const out: HealthIssue[] = [];
  if (s.auditMismatch) out.push('auditMismatch');
  // Nothing more is expected of a revoked store; a rewritten audit chain still wants looking into.
  if (s.status === 'revoked') return out;
  if (s.refusedCount > 0) out.push('refused');
  if (s.deadLetters > 0) out.push('deadLetters');
  if (s.status === 'active') {
    if (!s.lastContactAt) out.push('neverContacted');
    else if (now - Date.parse(s.lastContactAt) > SILENT_AFTER_MS) out.push('silent');
    // A clock far off dates the store's facts wrongly (and HQ refuses a day ahead).
    if (s.clockSkewMs !== null && Math.abs(s.clockSkewMs) > SKEW_LIMIT_MS) out.push('clockSkew');
  }
  if (s.status === 'pending' && s.codeExpiresAt && Date.parse(s.codeExpiresAt) <= now) out.push('codeExpired');
  if (s.backlog > 0) out.push('backlog');
  if (s.lateEntries > 0) out.push('lateEntries');
  return out;
}
