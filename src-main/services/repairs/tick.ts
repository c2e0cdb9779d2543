import type { StoreDatabase } from '../../db/client';
import type { Logger } from '../../lib/log';
import type { HostInfo } from '../context';
import { isInitialized } from '../store/settings';
import { runSystemWork, type SystemJob } from '../system/system-work';
import { autoConfirmDue } from './auto-confirm';
import { generatePmDue } from './pm-generate';

const listed = (numbers: string[]) => (numbers.length ? numbers.join(', ') : null);

/**
 * The periodic repairs jobs: auto-confirmations, and preventive work orders
 * that have come within their lead time (or past their meter's). Each is one
 * transaction with one audit entry as the system, written only when it did
 * something. Deterministic for a given clock and idempotent.
 */
export const REPAIRS_JOBS: readonly SystemJob<string[]>[] = [
  { method: 'repairs.autoConfirm', run: (ctx) => autoConfirmDue(ctx), result: listed },
  { method: 'pm.generateDue', run: (ctx) => generatePmDue(ctx).numbers, result: listed },
];

/** The backend's timer calls this (every few minutes and once after start). */
export function runRepairsTick(database: StoreDatabase, host: HostInfo, log: Logger, now = Date.now()): void {
  if (!isInitialized(database.db)) return;
  const done: Record<string, string[]> = {};
  for (const job of REPAIRS_JOBS) {
    try {
      const numbers = runSystemWork({ ...database, host, log, now, client: 'repairs-tick' }, job);
      if (numbers.length) done[job.method] = numbers;
    } catch (err) {
      log.error(`repairs tick: ${job.method} failed`, err instanceof Error ? err.stack : String(err));
    }
  }
  if (Object.keys(done).length) log.info('repairs tick', done);
}
