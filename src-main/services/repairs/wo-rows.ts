import type { WorkOrderRow } from '../../../src-shared/api/methods/repairs-dto';
import { liveClock, type ClockView } from '../../../src-shared/repairs/sla';
import { PRIORITY_RANK } from '../../../src-shared/repairs/settings';
import { ACTIVE_STATES } from '../../../src-shared/repairs/workflow';
import type { equipment } from '../../db/schema';
import { workOrders } from '../../db/schema';
import { selectList } from '../../db/schema-sql';
import { dynamicSql, sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { iso, isoOf, repairSettings, today, userNames } from './common';
import type { WoRecord } from './wo-store';

const CLOCK_KEYS = [
  'responseTargetMs',
  'responseDueAt',
  'responseLeftMs',
  'responseMet',
  'responseBreachedAt',
  'resolutionTargetMs',
  'resolutionDueAt',
  'resolutionLeftMs',
  'resolutionMet',
  'resolutionBreachedAt',
] as const;
/** The stored SLA clocks of a work order (alias `w`): lists and reports read these, not the events. */
export const CLOCK_COLUMNS = selectList(workOrders, { alias: 'w', only: CLOCK_KEYS });
export type ClockColumns = Pick<WoRecord, (typeof CLOCK_KEYS)[number]>;

const met = (v: 0 | 1 | null) => (v === null ? null : v === 1);

/** Both clocks at `now` from the stored columns. */
export function liveClocks(r: ClockColumns, now: number, warnPercent: number) {
  return {
    response: liveClock(
      {
        targetMs: r.responseTargetMs,
        dueAt: r.responseDueAt,
        leftMs: r.responseLeftMs,
        met: met(r.responseMet),
        breachedAt: r.responseBreachedAt,
      },
      now,
      warnPercent,
    ),
    resolution: liveClock(
      {
        targetMs: r.resolutionTargetMs,
        dueAt: r.resolutionDueAt,
        leftMs: r.resolutionLeftMs,
        met: met(r.resolutionMet),
        breachedAt: r.resolutionBreachedAt,
      },
      now,
      warnPercent,
    ),
  };
}

/**
 * Work-order rows for lists, read with one query over the indexes (the open
 * list reads only the partial index of rows not closed or cancelled) and the
 * SLA clocks taken from the stored columns, not from the events.
 */
export const ROW_SQL = `
SELECT ${selectList(workOrders, {
  alias: 'w',
  only: [
    'id',
    'number',
    'kind',
    'status',
    'waitingReason',
    'priority',
    'equipmentId',
    'faultCode',
    'down',
    'reportedAt',
    'assigneeUserId',
    'vendorId',
    'resolvedAt',
    'pmDueDay',
    'updatedAt',
  ],
})}, ${CLOCK_COLUMNS},
  e.code AS equipmentCode, e.name AS equipmentName, e.category, e.location, e.criticality,
  coalesce(f.name_zh, '') AS faultNameZh, coalesce(f.name_en, '') AS faultNameEn,
  substr(w.description, 1, 200) AS description, w.reported_by AS reportedById, v.name AS vendorName,
  (SELECT count(*) FROM attachments a WHERE a.owner_type = 'work_order' AND a.owner_id = w.id) AS photos
FROM work_orders w
JOIN equipment e ON e.id = w.equipment_id
LEFT JOIN fault_codes f ON f.code = w.fault_code
LEFT JOIN service_vendors v ON v.id = w.vendor_id`;

type Equipment = SqlRow<typeof equipment.$inferSelect>;

export type RawRow = Pick<
  WoRecord,
  | 'id'
  | 'number'
  | 'kind'
  | 'status'
  | 'waitingReason'
  | 'priority'
  | 'equipmentId'
  | 'faultCode'
  | 'description'
  | 'down'
  | 'reportedAt'
  | 'assigneeUserId'
  | 'vendorId'
  | 'resolvedAt'
  | 'pmDueDay'
  | 'updatedAt'
> &
  ClockColumns &
  Pick<Equipment, 'category' | 'location' | 'criticality'> & {
    equipmentCode: Equipment['code'];
    equipmentName: Equipment['name'];
    faultNameZh: string;
    faultNameEn: string;
    reportedById: WoRecord['reportedBy'];
    vendorName: string | null;
    photos: number;
  };

const rowById = sql<RawRow, [string]>(`${ROW_SQL} WHERE w.id = ?`);
const rowsOfEquipment = sql<RawRow, [string, number]>(
  `${ROW_SQL} WHERE w.equipment_id = ? ORDER BY w.reported_at DESC, w.id DESC LIMIT ?`,
);
const openRowsOfEquipment = sql<RawRow, [string, number]>(
  `${ROW_SQL} WHERE w.equipment_id = ? AND w.status NOT IN ('closed', 'cancelled')
     ORDER BY w.reported_at DESC, w.id DESC LIMIT ?`,
);

/** A list's rows by conditions assembled from fixed fragments (values as parameters). */
export function rowsMatching(ctx: Ctx, where: readonly string[], tail: string, params: unknown[]): RawRow[] {
  const text = `${ROW_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}${tail}`;
  return dynamicSql<RawRow>(ctx.sqlite, text).all(...params);
}

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
    const { response, resolution } = liveClocks(r, ctx.now, warn);
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

/** A work order's list row (null: no such work order). */
export function woRowOf(ctx: Ctx, id: string): WorkOrderRow | null {
  const raw = rowById.get(ctx.sqlite, id);
  return raw ? stripSort(rowMapper(ctx)(raw)) : null;
}

/** The work orders of one piece of equipment, all or the open ones, newest first. */
export function equipmentWoRows(ctx: Ctx, equipmentId: string, opts: { openOnly: boolean; limit: number }) {
  const map = rowMapper(ctx);
  return (opts.openOnly ? openRowsOfEquipment : rowsOfEquipment)
    .all(ctx.sqlite, equipmentId, opts.limit)
    .map((r) => stripSort(map(r)));
}
