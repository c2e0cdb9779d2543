import type { WorkOrderRow } from '../../../src-shared/api/methods/repairs-dto';
import { liveClock, type ClockView } from '../../../src-shared/repairs/sla';
import { PRIORITY_RANK, type Criticality, type Priority } from '../../../src-shared/repairs/settings';
import { ACTIVE_STATES, type WaitingReason, type WoState } from '../../../src-shared/repairs/workflow';
import type { Ctx } from '../context';
import { iso, isoOf, repairSettings, today, userNames, prep } from './common';

/**
 * Work-order rows for lists, read with one query over the indexes (the open
 * list reads only the partial index of rows not closed or cancelled) and the
 * SLA clocks taken from the stored columns, not from the events.
 */
export const ROW_SQL = `
SELECT w.id, w.number, w.kind, w.status, w.waiting_reason AS waitingReason, w.priority,
  w.equipment_id AS equipmentId, e.code AS equipmentCode, e.name AS equipmentName, e.category, e.location,
  e.criticality, w.fault_code AS faultCode, coalesce(f.name_zh, '') AS faultNameZh, coalesce(f.name_en, '') AS faultNameEn,
  substr(w.description, 1, 200) AS description, w.down, w.reported_at AS reportedAt, w.reported_by AS reportedById,
  w.assignee_user_id AS assigneeUserId, w.vendor_id AS vendorId, v.name AS vendorName,
  w.response_target_ms AS rT, w.response_due_at AS rDue, w.response_left_ms AS rLeft, w.response_met AS rMet,
  w.response_breached_at AS rAt, w.resolution_target_ms AS sT, w.resolution_due_at AS sDue,
  w.resolution_left_ms AS sLeft, w.resolution_met AS sMet, w.resolution_breached_at AS sAt,
  w.resolved_at AS resolvedAt, w.pm_due_day AS pmDueDay, w.updated_at AS updatedAt,
  (SELECT count(*) FROM attachments a WHERE a.owner_type = 'work_order' AND a.owner_id = w.id) AS photos
FROM work_orders w
JOIN equipment e ON e.id = w.equipment_id
LEFT JOIN fault_codes f ON f.code = w.fault_code
LEFT JOIN service_vendors v ON v.id = w.vendor_id`;

export interface RawRow {
  id: string;
  number: string;
  kind: 'corrective' | 'preventive';
  status: WoState;
  waitingReason: WaitingReason | null;
  priority: Priority;
  equipmentId: string;
  equipmentCode: string;
  equipmentName: string;
  category: string;
  location: string;
  criticality: Criticality;
  faultCode: string;
  faultNameZh: string;
  faultNameEn: string;
  description: string;
  down: number;
  reportedAt: number;
  reportedById: string | null;
  assigneeUserId: string | null;
  vendorId: string | null;
  vendorName: string | null;
  rT: number;
  rDue: number | null;
  rLeft: number | null;
  rMet: number | null;
  rAt: number | null;
  sT: number;
  sDue: number | null;
  sLeft: number | null;
  sMet: number | null;
  sAt: number | null;
  resolvedAt: number | null;
  pmDueDay: string | null;
  updatedAt: number;
  photos: number;
}

const bool = (v: number | null) => (v === null ? null : v === 1);

export function clockDto(c: ClockView) {
  return {
    state: c.state,
    targetMinutes: Math.round(c.targetMs / 60_000),
    dueAt: iso(c.dueAt),
    leftMinutes: Math.trunc(c.leftMs / 60_000),
    breached: c.breached,
    breachedAt: iso(c.breachedAt),
    warning: c.warning,
    met: c.met,
  };
}

/** Maps a raw row; `sortDue` is the resolution due instant for sorting (paused: now + left; stopped or none: last). */
export function rowMapper(ctx: Ctx): (r: RawRow) => WorkOrderRow & { sortDue: number } {
  const name = userNames(ctx);
  const warn = repairSettings(ctx).slaWarnPercent;
  const day = today(ctx);
  const active = new Set<string>(ACTIVE_STATES);
  return (r) => {
    const response = liveClock(
      { targetMs: r.rT, dueAt: r.rDue, leftMs: r.rLeft, met: bool(r.rMet), breachedAt: r.rAt },
      ctx.now,
      warn,
    );
    const resolution = liveClock(
      { targetMs: r.sT, dueAt: r.sDue, leftMs: r.sLeft, met: bool(r.sMet), breachedAt: r.sAt },
      ctx.now,
      warn,
    );
    const sortDue =
      resolution.state === 'running'
        ? resolution.dueAt!
        : resolution.state === 'paused'
          ? ctx.now + resolution.leftMs
          : Number.MAX_SAFE_INTEGER;
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      status: r.status,
      waitingReason: r.waitingReason,
      priority: r.priority,
      equipmentId: r.equipmentId,
      equipmentCode: r.equipmentCode,
      equipmentName: r.equipmentName,
      category: r.category,
      location: r.location,
      criticality: r.criticality,
      faultCode: r.faultCode,
      faultNameZh: r.faultNameZh,
      faultNameEn: r.faultNameEn,
      description: r.description,
      down: r.down === 1,
      reportedAt: isoOf(r.reportedAt),
      reportedBy: name(r.reportedById),
      reportedById: r.reportedById,
      assigneeUserId: r.assigneeUserId,
      assigneeName: name(r.assigneeUserId),
      vendorId: r.vendorId,
      vendorName: r.vendorName,
      ageHours: Math.max(0, Math.floor((ctx.now - r.reportedAt) / 3_600_000)),
      responseClock: clockDto(response),
      resolutionClock: clockDto(resolution),
      resolvedAt: iso(r.resolvedAt),
      pmDueDay: r.pmDueDay,
      pmOverdue: r.kind === 'preventive' && active.has(r.status) && r.pmDueDay !== null && r.pmDueDay < day,
      photos: r.photos,
      updatedAt: isoOf(r.updatedAt),
      sortDue,
    };
  };
}

/** Most urgent first: priority, then the resolution due time, then the oldest report. */
export function byUrgency(a: WorkOrderRow & { sortDue: number }, b: WorkOrderRow & { sortDue: number }): number {
  return (
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    a.sortDue - b.sortDue ||
    a.reportedAt.localeCompare(b.reportedAt)
  );
}

export function stripSort<T extends { sortDue: number }>(r: T): Omit<T, 'sortDue'> {
  const { sortDue: _s, ...rest } = r;
  return rest;
}

/** Rows by an extra condition on w/e (e.g. 'w.equipment_id = ?'), newest first. */
export function rowsWhere(ctx: Ctx, where: string, params: unknown[], limit = 500): WorkOrderRow[] {
  const map = rowMapper(ctx);
  return (
    prep(ctx, `${ROW_SQL} WHERE ${where} ORDER BY w.reported_at DESC, w.id DESC LIMIT ?`).all(
      ...params,
      limit,
    ) as RawRow[]
  ).map((r) => stripSort(map(r)));
}
