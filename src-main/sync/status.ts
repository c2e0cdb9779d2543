import type { SyncStatusDto } from '../../src-shared/api/methods/sync';
import type { Conn } from '../db/sql';
import { deadLetterCount } from './history';
import { waitingCount } from './outbox';
import { parseProblem, syncStateOf, type Problem } from './state';

/** What the worker knows that the database does not: what it is doing right now. */
export interface LiveState {
  /** This process's worker is in a run. */
  running: boolean;
  /** This process's worker waits for another one's lock. */
  waitingForLock: boolean;
  progress: { sent: number; total: number } | null;
  nextAttemptAt: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const problem = (p: Problem | null) => p && { code: p.code, message: p.message, at: new Date(p.at).toISOString() };

/** Codes of failures to reach HQ at all (as opposed to HQ refusing or failing). */
const UNREACHABLE = new Set(['NETWORK', 'TIMEOUT', 'TLS']);

/**
 * The status bar's and the sync screen's view: from the database (so a second
 * window or process shows the same) and, where this process runs the worker,
 * what it is doing now.
 */
export function syncStatus(conn: Conn, live: LiveState | null): SyncStatusDto {
  const s = syncStateOf(conn);
  const lastError = parseProblem(s.lastError);
  const refusal = parseProblem(s.lastRefusal);
  const success = s.lastSuccessAt ?? 0;
  const failing = lastError && lastError.at >= success ? lastError : null;
  const refused = refusal && refusal.at >= success ? refusal : null;
  const enrolled = s.enrolledAt !== null && s.credential !== null;
  let state: SyncStatusDto['state'];
  if (!enrolled) state = 'not-enrolled';
  else if (s.stoppedReason) state = 'stopped';
  else if (live?.running) state = 'syncing';
  else if (live?.waitingForLock) state = 'waiting';
  else if (failing && (!refused || failing.at >= refused.at))
    state = UNREACHABLE.has(failing.code) ? 'offline' : 'retrying';
  else if (refused) state = 'retrying';
  else state = 'idle';
  const latest = failing && (!refused || failing.at >= refused.at) ? failing : null;
  return {
    enrolled,
    hqUrl: s.hqUrl,
    hqName: s.hqName,
    hqStoreCode: s.hqStoreCode,
    enrolledAt: iso(s.enrolledAt),
    state,
    online: enrolled && s.lastAttemptAt !== null && !(latest && UNREACHABLE.has(latest.code)),
    lastSuccessAt: iso(s.lastSuccessAt),
    lastAttemptAt: iso(s.lastAttemptAt),
    nextAttemptAt: iso(live?.nextAttemptAt ?? null),
    waiting: enrolled ? waitingCount(conn) : 0,
    deadLetters: deadLetterCount(conn),
    late: s.lateTotal,
    progress: live?.progress ?? null,
    lastError: problem(failing),
    refusal: problem(refused),
    clockOffsetMs: s.clockOffsetMs,
  };
}
