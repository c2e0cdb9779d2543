import type { WorkOrderDetail, WorkOrderRow } from '../../../src-shared/api/methods/repairs-dto';
import { addDays } from '../../../src-shared/repairs/pm-schedule';
import { allowedActions, reopenUntil, type WoState } from '../../../src-shared/repairs/workflow';
import { equipment, type pmPlans, workOrderEvents } from '../../db/schema';
import { selectList } from '../../db/schema-sql';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { checklistLines } from './checklist';
import { CAUSE_KIND, codeNames, FIX_KIND } from './codes';
import { iso, isoOf, notFound, repairSettings, startOfDay, today, userNames } from './common';
import { invoiceLines, labourLines, partLines, woCosts } from './costs-read';
import { attachmentsOf } from './files';
import { findWo, type WoRecord } from './wo-store';
import { byUrgency, rowMapper, rowsMatching, stripSort, woRowOf } from './wo-rows';

const DAY = 86_400_000;

type Equipment = typeof equipment.$inferSelect;
type EventDto = WorkOrderDetail['events'][number];
/** An event as stored, its action and states narrowed to what the workflow writes. */
type EventRow = Omit<
  typeof workOrderEvents.$inferSelect,
  'workOrderId' | 'action' | 'fromStatus' | 'toStatus' | 'waitingReason'
> & {
  action: EventDto['action'];
  fromStatus: EventDto['from'];
  toStatus: EventDto['to'];
  waitingReason: EventDto['waitingReason'];
};

const equipmentFacts = sql<Pick<Equipment, 'make' | 'model' | 'serialNo' | 'warrantyEnd'>, [string]>(
  `SELECT ${selectList(equipment, { only: ['make', 'model', 'serialNo', 'warrantyEnd'] })} FROM equipment WHERE id = ?`,
);
const planName = sql<Pick<typeof pmPlans.$inferSelect, 'name'>, [string]>('SELECT name FROM pm_plans WHERE id = ?');
const eventsOf = sql<EventRow, [string]>(
  `SELECT ${selectList(workOrderEvents, {
    only: ['id', 'at', 'userId', 'action', 'fromStatus', 'toStatus', 'waitingReason', 'note', 'data'],
  })} FROM work_order_events WHERE work_order_id = ? ORDER BY at, id`,
);

export interface ListInput {
  scope: 'open' | 'active' | 'mine' | 'assigned' | 'all';
  status?: WoState[] | null;
  kind?: 'corrective' | 'preventive' | null;
  priority?: string | null;
  equipmentId?: string | null;
  category?: string | null;
  from?: string | null;
  to?: string | null;
  limit: number;
  cursor?: string | null;
}

/**
 * Work-order lists. The open scopes read the partial index of rows not
 * closed or cancelled and come back most urgent first; 'mine' and 'all' are
 * newest first with keyset paging (cursor = reported_at:id of the last row).
 * A read never writes: due auto-confirmations are the periodic tick's job.
 */
export function listWorkOrders(ctx: Ctx, i: ListInput): { rows: WorkOrderRow[]; nextCursor: string | null } {
  const where: string[] = [];
  const params: unknown[] = [];
  const paged = i.scope === 'mine' || i.scope === 'all';
  if (i.scope === 'open' || i.scope === 'active' || i.scope === 'assigned') {
    where.push("w.status NOT IN ('closed', 'cancelled')");
  }
  if (i.scope === 'active') where.push("w.status NOT IN ('resolved', 'confirmed')");
  if (i.scope === 'mine') {
    where.push('w.reported_by = ?');
    params.push(ctx.user?.id ?? '');
  }
  if (i.scope === 'assigned') {
    where.push('w.assignee_user_id = ?');
    params.push(ctx.user?.id ?? '');
  }
  if (i.status?.length) {
    where.push(`w.status IN (${i.status.map(() => '?').join(', ')})`);
    params.push(...i.status);
  }
  for (const [col, v] of [
    ['w.kind', i.kind],
    ['w.priority', i.priority],
    ['w.equipment_id', i.equipmentId],
    ['e.category', i.category],
  ] as const) {
    if (v) {
      where.push(`${col} = ?`);
      params.push(v);
    }
  }
  if (i.from) {
    where.push('w.reported_at >= ?');
    params.push(startOfDay(ctx, i.from));
  }
  if (i.to) {
    where.push('w.reported_at < ?');
    params.push(startOfDay(ctx, addDays(i.to, 1)));
  }
  if (paged && i.cursor) {
    const m = /^(\d+):(.+)$/.exec(i.cursor);
    if (m) {
      where.push('(w.reported_at < ? OR (w.reported_at = ? AND w.id < ?))');
      params.push(Number(m[1]), Number(m[1]), m[2]);
    }
  }
  const map = rowMapper(ctx);
  if (!paged) {
    const rows = rowsMatching(ctx, where, '', params).map(map).sort(byUrgency);
    return { rows: rows.slice(0, i.limit).map(stripSort), nextCursor: null };
  }
  const raw = rowsMatching(ctx, where, ' ORDER BY w.reported_at DESC, w.id DESC LIMIT ?', [...params, i.limit + 1]);
  const more = raw.length > i.limit;
  const page = raw.slice(0, i.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => stripSort(map(r))),
    nextCursor: more && last ? `${last.reportedAt}:${last.id}` : null,
  };
}

export function woRow(ctx: Ctx, id: string): WorkOrderRow {
  return woRowOf(ctx, id) ?? notFound('error.repairs.woNotFound');
}

/** Everything a work-order screen shows, as stored (the tick applies due auto-confirmations). */
export function getWorkOrder(ctx: Ctx, i: { id: string }): WorkOrderDetail {
  return detailOf(ctx, i.id);
}

export function detailOf(ctx: Ctx, id: string): WorkOrderDetail {
  const wo = findWo(ctx, id) ?? notFound('error.repairs.woNotFound');
  const row = woRow(ctx, id);
  const name = userNames(ctx);
  const settings = repairSettings(ctx);
  const eq = equipmentFacts.get(ctx.sqlite, wo.equipmentId)!;
  const fixes = codeNames(ctx, FIX_KIND);
  const causes = codeNames(ctx, CAUSE_KIND);
  const plan = wo.pmPlanId ? planName.get(ctx.sqlite, wo.pmPlanId) : undefined;
  const events = eventsOf.all(ctx.sqlite, id).map(({ fromStatus, toStatus, ...e }) => ({
    ...e,
    from: fromStatus,
    to: toStatus,
    at: isoOf(e.at),
    userName: name(e.userId),
    data: JSON.parse(e.data) as Record<string, unknown>,
  }));
  const resolved = wo.status === 'resolved' || wo.status === 'confirmed' || wo.status === 'closed';
  return {
    ...row,
    description: wo.description,
    suggestedPriority: wo.suggestedPriority,
    make: eq.make,
    model: eq.model,
    serialNo: eq.serialNo,
    warrantyEnd: eq.warrantyEnd,
    underWarranty: eq.warrantyEnd !== null && eq.warrantyEnd >= today(ctx),
    downStart: iso(wo.downStart),
    upAt: iso(wo.upAt),
    respondedAt: iso(wo.respondedAt),
    confirmedAt: iso(wo.confirmedAt),
    closedAt: iso(wo.closedAt),
    cancelledAt: iso(wo.cancelledAt),
    resolution: wo.resolution,
    resolutionCode: wo.resolutionCode,
    resolutionNameZh: fixes.get(wo.resolutionCode)?.nameZh ?? '',
    resolutionNameEn: fixes.get(wo.resolutionCode)?.nameEn ?? '',
    rootCauseCode: wo.rootCauseCode,
    rootCauseNameZh: causes.get(wo.rootCauseCode)?.nameZh ?? '',
    rootCauseNameEn: causes.get(wo.rootCauseCode)?.nameEn ?? '',
    reopenCount: wo.reopenCount,
    autoConfirmAt:
      wo.status === 'resolved' && wo.resolvedAt ? iso(wo.resolvedAt + settings.autoConfirmDays * DAY) : null,
    reopenUntil: resolved ? iso(reopenUntil(wo.resolvedAt, settings.reopenDays)) : null,
    pmPlanId: wo.pmPlanId,
    pmPlanName: plan?.name ?? null,
    pmDueMeter: wo.pmDueMeter,
    events,
    attachments: attachmentsOf(ctx, 'work_order', id, name),
    parts: partLines(ctx, id, name),
    labour: labourLines(ctx, id, name),
    invoices: invoiceLines(ctx, id),
    checklist: checklistLines(ctx, wo, name),
    costs: woCosts(ctx, id),
    allowedActions: allowedActions(wo.status, actorOf(ctx, wo)),
    canAddCosts: wo.status !== 'closed' && wo.status !== 'cancelled',
  };
}

export function actorOf(ctx: Ctx, wo: WoRecord) {
  return {
    role: ctx.user?.role ?? null,
    isReporter: !!ctx.user && wo.reportedBy === ctx.user.id,
    now: ctx.now,
    resolvedAt: wo.resolvedAt,
    reopenDays: repairSettings(ctx).reopenDays,
  };
}
