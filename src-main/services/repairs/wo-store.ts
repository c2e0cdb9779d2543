import type { WaitingReason, WoState } from '../../../src-shared/repairs/workflow';
import { slaClock, storeClock, type SlaEvent } from '../../../src-shared/repairs/sla';
import { addDays } from '../../../src-shared/repairs/pm-schedule';
import type { Priority } from '../../../src-shared/repairs/settings';
import { workOrderEvents, workOrders } from '../../db/schema';
import { columnName, insertText, selectList } from '../../db/schema-sql';
import { dynamicSql, sql, type SqlRow } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { notFound, repairSettings, startOfDay, today } from './common';

/** A work_orders row as the services use it: the schema's columns, its states narrowed to the workflow's. */
export type WoRecord = Omit<
  SqlRow<typeof workOrders.$inferSelect>,
  'status' | 'waitingReason' | 'suggestedPriority'
> & {
  status: WoState;
  waitingReason: WaitingReason | null;
  suggestedPriority: Priority;
};

/** Every column of work_orders under its schema name (`down_start AS downStart`, ...). */
export const WO_SELECT = selectList(workOrders);

const woById = sql<WoRecord, [string]>(`SELECT ${WO_SELECT} FROM work_orders WHERE id = ?`);
const insertWoRow = sql<never, [WoRecord]>(insertText(workOrders));
const lastWoNumber = sql<Pick<WoRecord, 'number'>, [string, string]>(
  'SELECT number FROM work_orders WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT 1',
);
const insertEventRow = sql<never, [typeof workOrderEvents.$inferSelect]>(insertText(workOrderEvents));
/** The events that moved the state (all but the report), in order: what the SLA clocks are computed from. */
const slaEventsOf = sql<SlaEvent, [string]>(
  `SELECT at, to_status AS "to", waiting_reason AS waitingReason FROM work_order_events
     WHERE work_order_id = ? AND from_status IS NOT NULL ORDER BY at, id`,
);

export function findWo(ctx: Ctx, id: string): WoRecord | undefined {
  return woById.get(ctx.sqlite, id);
}

export function loadWo(ctx: Ctx, id: string): WoRecord {
  return findWo(ctx, id) ?? notFound('error.repairs.woNotFound');
}

export function insertWo(ctx: Ctx, wo: WoRecord): void {
  insertWoRow.run(ctx.sqlite, wo);
  ctx.changed({
    table: 'work_orders',
    id: wo.id,
    op: 'insert',
    values: {
      number: wo.number,
      kind: wo.kind,
      equipmentId: wo.equipmentId,
      faultCode: wo.faultCode,
      down: !!wo.down,
      priority: wo.priority,
      pmPlanId: wo.pmPlanId,
      pmDueKey: wo.pmDueKey,
    },
  });
}

/** Writes the changed columns (and updated_at); audits them unless `quiet` (the SLA projection is derived). */
export function updateWo(ctx: Ctx, before: WoRecord, values: Partial<WoRecord>, quiet = false): WoRecord {
  const keys = (Object.keys(values) as (keyof WoRecord)[]).filter((k) => values[k] !== before[k]);
  const after = { ...before, ...values, updatedAt: ctx.now };
  if (!keys.length) return before;
  // The changed columns are the record's own keys (whitelisted by the schema), never input text.
  dynamicSql<never, [WoRecord]>(
    ctx.sqlite,
    `UPDATE work_orders SET ${[...keys, 'updatedAt' as const].map((k) => `${columnName(workOrders, k)} = @${k}`).join(', ')}
       WHERE id = @id`,
  ).run(after);
  if (!quiet) {
    ctx.changed({
      table: 'work_orders',
      id: before.id,
      op: 'update',
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      values: Object.fromEntries(keys.map((k) => [k, after[k]])),
    });
  }
  return after;
}

/** WO-2026-00001: the year of the store's business day and a running number (fixed width, so text order is number order). */
export function nextWoNumber(ctx: Ctx): string {
  const head = `WO-${today(ctx).slice(0, 4)}-`;
  const last = lastWoNumber.get(ctx.sqlite, head, `${head}~`);
  const n = last ? Number(last.number.slice(head.length)) + 1 : 1;
  return head + String(n).padStart(5, '0');
}

export interface EventInput {
  action: string;
  from: WoState | null;
  to: WoState;
  waitingReason?: WaitingReason | null;
  note?: string;
  data?: Record<string, unknown>;
  /** Default: now. */
  at?: number;
  /** Default: the caller; null for the system. */
  userId?: string | null;
}

export function appendEvent(ctx: Ctx, woId: string, e: EventInput): string {
  const id = uuidv7(ctx.now);
  const userId = e.userId !== undefined ? e.userId : (ctx.user?.id ?? null);
  insertEventRow.run(ctx.sqlite, {
    id,
    workOrderId: woId,
    at: e.at ?? ctx.now,
    userId,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    waitingReason: e.waitingReason ?? null,
    note: e.note ?? '',
    data: JSON.stringify(e.data ?? {}),
  });
  ctx.changed({
    table: 'work_order_events',
    id,
    op: 'insert',
    values: { woId, action: e.action, from: e.from, to: e.to },
  });
  return id;
}

export function slaEvents(ctx: Ctx, woId: string): SlaEvent[] {
  return slaEventsOf.all(ctx.sqlite, woId);
}

/**
 * Targets of a work order: corrective ones from the store's SLA for its
 * priority; preventive ones have no response clock, and their resolution is
 * due at the end of the due day (no due day yet: no clock).
 */
export function targetsFor(
  ctx: Ctx,
  wo: Pick<WoRecord, 'kind' | 'priority' | 'pmDueDay' | 'reportedAt'>,
): { responseTargetMs: number; resolutionTargetMs: number } {
  if (wo.kind === 'preventive') {
    if (!wo.pmDueDay) return { responseTargetMs: 0, resolutionTargetMs: 0 };
    const end = startOfDay(ctx, addDays(wo.pmDueDay, 1));
    return { responseTargetMs: 0, resolutionTargetMs: Math.max(60_000, end - wo.reportedAt) };
  }
  const t = repairSettings(ctx).sla[wo.priority];
  return { responseTargetMs: t.responseMinutes * 60_000, resolutionTargetMs: t.resolutionMinutes * 60_000 };
}

/** Recomputes the stored SLA clocks from the events (after every event that may move them). */
export function refreshSla(ctx: Ctx, wo: WoRecord): WoRecord {
  const events = slaEvents(ctx, wo.id);
  const warn = repairSettings(ctx).slaWarnPercent;
  const r = storeClock(slaClock('response', wo.reportedAt, events, wo.responseTargetMs, ctx.now, warn));
  const s = storeClock(slaClock('resolution', wo.reportedAt, events, wo.resolutionTargetMs, ctx.now, warn));
  const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  return updateWo(
    ctx,
    wo,
    {
      responseDueAt: r.dueAt,
      responseLeftMs: r.leftMs,
      responseMet: bool(r.met),
      responseBreachedAt: r.breachedAt,
      resolutionDueAt: s.dueAt,
      resolutionLeftMs: s.leftMs,
      resolutionMet: bool(s.met),
      resolutionBreachedAt: s.breachedAt,
    },
    true,
  );
}
