import { pickLocale } from '../../../src-shared/i18n';
import type { StoreDatabase } from '../../db/client';
import type { Logger } from '../../lib/log';
import { writeAudit } from '../audit/record';
import type { Ctx, HostInfo } from '../context';
import { NO_DEVICES } from '../devices/hub';
import { isInitialized } from '../store/settings';
import { repairSettings, prep } from './common';
import { generatePmDue } from './pm-generate';
import { appendEvent, refreshSla, updateWo, WO_SELECT, type WoRecord } from './wo-store';

const DAY = 86_400_000;

/**
 * Confirms, as the system, every resolved work order the store has neither
 * confirmed nor reopened within the auto-confirm window. The event is dated
 * when the window ended (resolved + N days), not when this runs, so the
 * history is the same whether it runs on a timer, on a read, or late after
 * the PC was off. Runs in its own transaction when called from a query, and
 * writes one audit entry (as the system) when it confirmed anything.
 * Returns the numbers confirmed.
 */
export function autoConfirmDue(ctx: Ctx, onlyId?: string): string[] {
  const days = repairSettings(ctx).autoConfirmDays;
  const cutoff = ctx.now - days * DAY;
  // The NOT IN term lets SQLite use the partial index of open work orders.
  const due = prep(
    ctx,
    `SELECT ${WO_SELECT} FROM work_orders
       WHERE status NOT IN ('closed', 'cancelled') AND status = 'resolved' AND resolved_at <= ? AND (? IS NULL OR id = ?)`,
  ).all(cutoff, onlyId ?? null, onlyId ?? null) as WoRecord[];
  if (!due.length) return [];
  const system: Ctx = { ...ctx, user: null };
  return ctx.sqlite.transaction(() => {
    for (const wo of due) {
      const at = wo.resolvedAt! + days * DAY;
      appendEvent(system, wo.id, {
        action: 'auto_confirm',
        from: 'resolved',
        to: 'confirmed',
        at,
        userId: null,
        data: { days },
      });
      refreshSla(system, updateWo(system, wo, { status: 'confirmed', confirmedAt: at }, true));
    }
    const numbers = due.map((w) => w.number);
    writeAudit(system, 'repairs.autoConfirm', { result: numbers.join(', ') });
    return numbers;
  })();
}

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
