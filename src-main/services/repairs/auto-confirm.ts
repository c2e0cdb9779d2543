import type { Ctx } from '../context';
import { repairSettings } from './common';
import { appendEvent, refreshSla, updateWo, WO_SELECT, type WoRecord } from './wo-store';
import { sql } from '../../db/sql';

const DAY = 86_400_000;

// The NOT IN term lets SQLite use the partial index of open work orders.
const resolvedAtOrBefore = sql<WoRecord, [number, string | null, string | null]>(
  `SELECT ${WO_SELECT} FROM work_orders
     WHERE status NOT IN ('closed', 'cancelled') AND status = 'resolved' AND resolved_at <= ? AND (? IS NULL OR id = ?)`,
);

/**
 * Confirms, as the system, every resolved work order the store has neither
 * confirmed nor reopened within the auto-confirm window. The event is dated
 * when the window ended (resolved + N days), not when this runs, so the
 * history is the same whether it runs on a timer, on a read, or late after
 * the PC was off. Runs on the periodic tick (tick.ts) and before a
 * transition of the same work order; never from a read. Writes inside the
 * caller's transaction and reports its rows as changes of the caller's one
 * audit entry: the tick's (as the system), or the transition's, whose events
 * still name no user for the confirmation. Returns the numbers confirmed.
 */
export function autoConfirmDue(ctx: Ctx, onlyId?: string): string[] {
  const days = repairSettings(ctx).autoConfirmDays;
  const cutoff = ctx.now - days * DAY;
  const due = resolvedAtOrBefore.all(ctx.sqlite, cutoff, onlyId ?? null, onlyId ?? null);
  if (!due.length) return [];
  const system: Ctx = { ...ctx, user: null };
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
  return due.map((w) => w.number);
}
