import { pickLocale } from '../../../src-shared/i18n';
import type { StoreDatabase } from '../../db/client';
import type { Logger } from '../../lib/log';
import { writeAudit } from '../audit/record';
import type { Ctx, HostInfo } from '../context';
import { NO_DEVICES } from '../devices/device-hub';
import { isInitialized } from '../store/settings';
import { autoConfirmDue } from './auto-confirm';
import { generatePmDue } from './pm-generate';

/**
 * The periodic repairs job: auto-confirmations and preventive work orders
 * that have come within their lead time. Deterministic for a given clock and
 * safe to run any number of times (both steps are idempotent).
 */
export function repairsTick(ctx: Ctx): { confirmed: string[]; generated: string[] } {
  const confirmed = autoConfirmDue(ctx);
  const generated = ctx.sqlite.transaction(() => {
    const system: Ctx = { ...ctx, user: null };
    const r = generatePmDue(system);
    if (r.numbers.length) writeAudit(system, 'pm.generateDue', { result: r.numbers.join(', ') });
    return r.numbers;
  })();
  return { confirmed, generated };
}

/** The backend's timer calls this (every few minutes and once after start). */
export function runRepairsTick(database: StoreDatabase, host: HostInfo, log: Logger, now = Date.now()): void {
  if (!isInitialized(database.db)) return;
  const ctx: Ctx = {
    db: database.db,
    sqlite: database.sqlite,
    now,
    user: null,
    sessionTokenHash: null,
    sessionExpiresAt: null,
    locale: pickLocale(process.env.LANG?.replace('_', '-')),
    caller: { loopback: true, client: 'repairs-tick' },
    host,
    log,
    devices: NO_DEVICES,
    changed: () => undefined,
    setSession: () => undefined,
  };
  try {
    const r = repairsTick(ctx);
    if (r.confirmed.length || r.generated.length) log.info('repairs tick', r);
  } catch (err) {
    log.error('repairs tick failed', err instanceof Error ? err.stack : String(err));
  }
}
