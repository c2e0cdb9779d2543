import type { WorkOrderDetail, WorkOrderRow } from '../../../src-shared/api/methods/repairs-dto';
import { addDays } from '../../../src-shared/repairs/pm-schedule';
import { allowedActions, reopenUntil, type WoState } from '../../../src-shared/repairs/workflow';
import type { Ctx } from '../context';
import { checklistLines } from './checklist';
import { CAUSE_KIND, codeNames, FIX_KIND } from './codes';
import { iso, isoOf, notFound, repairSettings, startOfDay, today, userNames, prep } from './common';
import { invoiceLines, labourLines, partLines, woCosts } from './costs-read';
import { attachmentsOf } from './files';
import { findWo, type WoRecord } from './wo-store';
import { byUrgency, ROW_SQL, rowMapper, stripSort, type RawRow } from './wo-rows';

const DAY = 86_400_000;

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
  const sql = `${ROW_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  if (!paged) {
    const rows = (prep(ctx, sql).all(...params) as RawRow[]).map(map).sort(byUrgency);
    return { rows: rows.slice(0, i.limit).map(stripSort), nextCursor: null };
  }
  const raw = prep(ctx, `${sql} ORDER BY w.reported_at DESC, w.id DESC LIMIT ?`).all(
    ...params,
    i.limit + 1,
  ) as RawRow[];
  const more = raw.length > i.limit;
  const page = raw.slice(0, i.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => stripSort(map(r))),
    nextCursor: more && last ? `${last.reportedAt}:${last.id}` : null,
  };
}

export function woRow(ctx: Ctx, id: string): WorkOrderRow {
  const raw = prep(ctx, `${ROW_SQL} WHERE w.id = ?`).get(id) as RawRow | undefined;
  if (!raw) notFound('error.repairs.woNotFound');
  return stripSort(rowMapper(ctx)(raw));
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
  const eq = prep(
    ctx,
    'SELECT make, model, serial_no AS serialNo, warranty_end AS warrantyEnd FROM equipment WHERE id = ?',
  ).get(wo.equipmentId) as { make: string; model: string; serialNo: string; warrantyEnd: string | null };
  const fixes = codeNames(ctx, FIX_KIND);
  const causes = codeNames(ctx, CAUSE_KIND);
  const plan = wo.pmPlanId
    ? (prep(ctx, 'SELECT name FROM pm_plans WHERE id = ?').get(wo.pmPlanId) as { name: string } | undefined)
    : undefined;
  const events = (
    prep(
      ctx,
      `SELECT id, at, user_id AS userId, action, from_status AS "from", to_status AS "to", waiting_reason AS waitingReason, note, data
         FROM work_order_events WHERE work_order_id = ? ORDER BY at, id`,
    ).all(id) as { at: number; userId: string | null; data: string }[]
  ).map((e) => ({ ...(e as never as object), at: isoOf(e.at), userName: name(e.userId), data: JSON.parse(e.data) }));
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
    events: events as never,
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
