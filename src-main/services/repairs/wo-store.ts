import type { WaitingReason, WoState } from '../../../src-shared/repairs/workflow';
import { slaClock, storeClock, type SlaEvent } from '../../../src-shared/repairs/sla';
import { addDays } from '../../../src-shared/repairs/pm-schedule';
import type { Priority } from '../../../src-shared/repairs/settings';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { notFound, repairSettings, startOfDay, today, prep } from './common';

/** A work_orders row as the services use it. */
export interface WoRecord {
  id: string;
  storeId: string;
  number: string;
  kind: 'corrective' | 'preventive';
  equipmentId: string;
  faultCode: string;
  description: string;
  down: number;
  downStart: number | null;
  upAt: number | null;
  priority: Priority;
  suggestedPriority: Priority;
  status: WoState;
  waitingReason: WaitingReason | null;
  assigneeUserId: string | null;
  vendorId: string | null;
  reportedBy: string | null;
  reportedAt: number;
  respondedAt: number | null;
  resolvedAt: number | null;
  confirmedAt: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
  resolution: string;
  resolutionCode: string;
  rootCauseCode: string;
  reopenCount: number;
  pmPlanId: string | null;
  pmDueKey: string | null;
  pmDueDay: string | null;
  pmDueMeter: number | null;
  checklist: string;
  responseTargetMs: number;
  responseDueAt: number | null;
  responseLeftMs: number | null;
  responseMet: number | null;
  responseBreachedAt: number | null;
  resolutionTargetMs: number;
  resolutionDueAt: number | null;
  resolutionLeftMs: number | null;
  resolutionMet: number | null;
  resolutionBreachedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS: Record<keyof WoRecord, string> = {
  id: 'id',
  storeId: 'store_id',
  number: 'number',
  kind: 'kind',
  equipmentId: 'equipment_id',
  faultCode: 'fault_code',
  description: 'description',
  down: 'down',
  downStart: 'down_start',
  upAt: 'up_at',
  priority: 'priority',
  suggestedPriority: 'suggested_priority',
  status: 'status',
  waitingReason: 'waiting_reason',
  assigneeUserId: 'assignee_user_id',
  vendorId: 'vendor_id',
  reportedBy: 'reported_by',
  reportedAt: 'reported_at',
  respondedAt: 'responded_at',
  resolvedAt: 'resolved_at',
  confirmedAt: 'confirmed_at',
  closedAt: 'closed_at',
  cancelledAt: 'cancelled_at',
  resolution: 'resolution',
  resolutionCode: 'resolution_code',
  rootCauseCode: 'root_cause_code',
  reopenCount: 'reopen_count',
  pmPlanId: 'pm_plan_id',
  pmDueKey: 'pm_due_key',
  pmDueDay: 'pm_due_day',
  pmDueMeter: 'pm_due_meter',
  checklist: 'checklist',
  responseTargetMs: 'response_target_ms',
  responseDueAt: 'response_due_at',
  responseLeftMs: 'response_left_ms',
  responseMet: 'response_met',
  responseBreachedAt: 'response_breached_at',
  resolutionTargetMs: 'resolution_target_ms',
  resolutionDueAt: 'resolution_due_at',
  resolutionLeftMs: 'resolution_left_ms',
  resolutionMet: 'resolution_met',
  resolutionBreachedAt: 'resolution_breached_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};
const KEYS = Object.keys(COLUMNS) as (keyof WoRecord)[];
export const WO_SELECT = KEYS.map((k) => `${COLUMNS[k]} AS ${k}`).join(', ');

export function findWo(ctx: Ctx, id: string): WoRecord | undefined {
  return prep(ctx, `SELECT ${WO_SELECT} FROM work_orders WHERE id = ?`).get(id) as WoRecord | undefined;
}

export function loadWo(ctx: Ctx, id: string): WoRecord {
  return findWo(ctx, id) ?? notFound('error.repairs.woNotFound');
}

export function insertWo(ctx: Ctx, wo: WoRecord): void {
  prep(
    ctx,
    `INSERT INTO work_orders (${KEYS.map((k) => COLUMNS[k]).join(', ')}) VALUES (${KEYS.map(() => '?').join(', ')})`,
  ).run(...KEYS.map((k) => wo[k]));
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
  prep(
    ctx,
    `UPDATE work_orders SET ${[...keys, 'updatedAt' as const].map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`,
  ).run(...keys.map((k) => after[k]), ctx.now, before.id);
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
  const last = prep(
    ctx,
    'SELECT number FROM work_orders WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT 1',
  ).get(head, `${head}~`) as { number: string } | undefined;
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
  prep(
    ctx,
    `INSERT INTO work_order_events (id, work_order_id, at, user_id, action, from_status, to_status, waiting_reason, note, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    woId,
    e.at ?? ctx.now,
    userId,
    e.action,
    e.from,
    e.to,
    e.waitingReason ?? null,
    e.note ?? '',
    JSON.stringify(e.data ?? {}),
  );
  ctx.changed({
    table: 'work_order_events',
    id,
    op: 'insert',
    values: { woId, action: e.action, from: e.from, to: e.to },
  });
  return id;
}

export function slaEvents(ctx: Ctx, woId: string): SlaEvent[] {
  return prep(
    ctx,
    `SELECT at, to_status AS "to", waiting_reason AS waitingReason FROM work_order_events
       WHERE work_order_id = ? AND from_status IS NOT NULL ORDER BY at, id`,
  ).all(woId) as SlaEvent[];
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
