import type { WorkOrderDetail } from '../../../src-shared/api/methods/repairs-dto';
import { translate } from '../../../src-shared/i18n';
import { suggestPriority, type Priority } from '../../../src-shared/repairs/settings';
import {
  allowedActions,
  checkTransition,
  reopenUntil,
  type UserAction,
  type WaitingReason,
  type WoState,
} from '../../../src-shared/repairs/workflow';
import { formatLocalTime } from '../../../src-shared/time';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { equipment, reasonCodes, serviceVendors, users } from '../../db/schema';
import { sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { autoConfirmDue } from './auto-confirm';
import { CAUSE_KIND, FIX_KIND, requireFaultFor } from './codes';
import { fieldError, repairSettings, storeId, storeTz } from './common';
import { resolveEquipmentRef } from './equipment';
import { checkPhotos, saveFile } from './files';
import { checklistComplete } from './checklist';
import { actorOf, detailOf } from './wo-read';
import {
  appendEvent,
  insertWo,
  loadWo,
  nextWoNumber,
  refreshSla,
  targetsFor,
  updateWo,
  type WoRecord,
} from './wo-store';

const PRIORITY_SETTERS = ['manager', 'admin'];

const userRole = sql<Pick<SqlRow<typeof users.$inferSelect>, 'role' | 'disabled'>, [string]>(
  'SELECT role, disabled FROM users WHERE id = ?',
);
const vendorActive = sql<Pick<SqlRow<typeof serviceVendors.$inferSelect>, 'active'>, [string]>(
  'SELECT active FROM service_vendors WHERE id = ?',
);
const reasonActive = sql<Pick<SqlRow<typeof reasonCodes.$inferSelect>, 'active'>, [string, string]>(
  'SELECT active FROM reason_codes WHERE kind = ? AND code = ?',
);
const equipmentCategory = sql<Pick<typeof equipment.$inferSelect, 'category'>, [string]>(
  'SELECT category FROM equipment WHERE id = ?',
);

export function newWoRecord(
  ctx: Ctx,
  v: Partial<WoRecord> & Pick<WoRecord, 'kind' | 'equipmentId' | 'priority'>,
): WoRecord {
  const base: WoRecord = {
    id: uuidv7(ctx.now),
    storeId: storeId(ctx),
    number: nextWoNumber(ctx),
    faultCode: '',
    description: '',
    down: 0,
    downStart: null,
    upAt: null,
    suggestedPriority: v.priority,
    status: 'submitted',
    waitingReason: null,
    assigneeUserId: null,
    vendorId: null,
    reportedBy: ctx.user?.id ?? null,
    reportedAt: ctx.now,
    respondedAt: null,
    resolvedAt: null,
    confirmedAt: null,
    closedAt: null,
    cancelledAt: null,
    resolution: '',
    resolutionCode: '',
    rootCauseCode: '',
    reopenCount: 0,
    pmPlanId: null,
    pmDueKey: null,
    pmDueDay: null,
    pmDueMeter: null,
    checklist: '[]',
    responseTargetMs: 0,
    responseDueAt: null,
    responseLeftMs: null,
    responseMet: null,
    responseBreachedAt: null,
    resolutionTargetMs: 0,
    resolutionDueAt: null,
    resolutionLeftMs: null,
    resolutionMet: null,
    resolutionBreachedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...v,
  };
  return { ...base, ...targetsFor(ctx, base) };
}

/** Inserts a work order with its 'report' event and its SLA clocks. */
export function createWorkOrder(ctx: Ctx, wo: WoRecord, note = ''): WoRecord {
  insertWo(ctx, wo);
  appendEvent(ctx, wo.id, {
    action: 'report',
    from: null,
    to: 'submitted',
    note,
    data: { priority: wo.priority, down: !!wo.down, faultCode: wo.faultCode, kind: wo.kind },
  });
  return refreshSla(ctx, wo);
}

/**
 * A repair request: equipment (id, code or QR payload), fault code, down
 * flag, optional description and photos. Everything is checked before the
 * first row is written.
 */
export interface ReportInput {
  equipment: string;
  faultCode: string;
  down: boolean;
  description: string;
  photos: { fileName: string; dataBase64: string }[];
  priority?: Priority | null;
}

export function reportFault(ctx: Ctx, i: ReportInput): WorkOrderDetail {
  return detailOf(ctx, createReport(ctx, i).id);
}

export function createReport(ctx: Ctx, i: ReportInput): WoRecord {
  const eq = resolveEquipmentRef(ctx, i.equipment, 'equipment');
  requireFaultFor(ctx, i.faultCode, eq.category, 'faultCode');
  if (i.priority && !PRIORITY_SETTERS.includes(ctx.user?.role ?? '')) {
    fieldError('FORBIDDEN', 'error.repairs.priorityRole', 'priority');
  }
  const photos = checkPhotos(i.photos);
  const suggested = suggestPriority(eq.criticality, i.down);
  const wo = createWorkOrder(
    ctx,
    newWoRecord(ctx, {
      kind: 'corrective',
      equipmentId: eq.id,
      faultCode: i.faultCode,
      description: i.description,
      down: i.down ? 1 : 0,
      downStart: i.down ? ctx.now : null,
      priority: i.priority ?? suggested,
      suggestedPriority: suggested,
    }),
  );
  for (const p of photos) saveFile(ctx, 'work_order', wo.id, p);
  return wo;
}

export interface TransitionInput {
  id: string;
  action: UserAction;
  note: string;
  priority?: Priority | null;
  faultCode?: string | null;
  assignee?: { userId: string } | { vendorId: string } | null;
  waitingReason?: WaitingReason | null;
  resolution?: { text: string; resolutionCode: string; rootCauseCode: string; equipmentUp: boolean } | null;
  down?: boolean | null;
}

const label = (ctx: Ctx, kind: 'status' | 'action', v: string) =>
  translate(ctx.locale, `repairs.${kind}.${v}` as Parameters<typeof translate>[1]);

/** Refuses an action the state machine does not allow, saying why and what is possible now. */
function refuse(ctx: Ctx, wo: WoRecord, action: UserAction, why: 'state' | 'role' | 'window' | 'system'): never {
  const params = {
    number: wo.number,
    state: label(ctx, 'status', wo.status),
    action: label(ctx, 'action', action),
    allowed:
      allowedActions(wo.status, actorOf(ctx, wo))
        .filter((a) => a !== 'comment')
        .map((a) => label(ctx, 'action', a))
        .join(', ') || '-',
  };
  if (why === 'window') {
    const until = reopenUntil(wo.resolvedAt, repairSettings(ctx).reopenDays) ?? ctx.now;
    throw new AppError('CONFLICT', 'error.repairs.reopenWindow', {
      ...params,
      days: repairSettings(ctx).reopenDays,
      until: formatLocalTime(until, storeTz(ctx)),
    });
  }
  if (why === 'role') {
    throw new AppError('FORBIDDEN', 'error.repairs.transitionRole', {
      ...params,
      role: translate(ctx.locale, `role.${ctx.user?.role ?? 'clerk'}`),
    });
  }
  throw new AppError('CONFLICT', 'error.repairs.transition', params);
}

function requireAssignee(ctx: Ctx, a: TransitionInput['assignee']): { userId: string | null; vendorId: string | null } {
  if (!a) fieldError('VALIDATION', 'error.repairs.assigneeRequired', 'assignee');
  if ('userId' in a) {
    const u = userRole.get(ctx.sqlite, a.userId);
    if (!u || u.disabled || u.role === 'clerk')
      fieldError('VALIDATION', 'error.repairs.assigneeUser', 'assignee.userId');
    return { userId: a.userId, vendorId: null };
  }
  const v = vendorActive.get(ctx.sqlite, a.vendorId);
  if (!v?.active) fieldError('VALIDATION', 'error.repairs.vendorNotFound', 'assignee.vendorId');
  return { userId: null, vendorId: a.vendorId };
}

function requireCode(ctx: Ctx, kind: string, code: string, path: string): void {
  const r = reasonActive.get(ctx.sqlite, kind, code);
  if (!r?.active) fieldError('VALIDATION', 'error.repairs.code', path, { code });
}

/**
 * One step of the lifecycle (src-shared/repairs/workflow.ts decides what is
 * legal): checks the action's inputs, updates the work order, appends the
 * event, and recomputes the SLA clocks. Nothing is written when refused.
 */
export function transition(ctx: Ctx, i: TransitionInput): WorkOrderDetail {
  applyTransition(ctx, i);
  return detailOf(ctx, i.id);
}

export function applyTransition(ctx: Ctx, i: TransitionInput): WoRecord {
  // A write path: the step starts from the state the tick would have written by now, so a late tick
  // cannot let the store confirm or reopen a work order that confirmed itself already.
  autoConfirmDue(ctx, i.id);
  let wo = loadWo(ctx, i.id);
  const check = checkTransition(wo.status, i.action, actorOf(ctx, wo));
  if (!check.ok) refuse(ctx, wo, i.action, check.why);
  const from = wo.status;
  const to: WoState = check.to;
  const set: Partial<WoRecord> = { status: to };
  const data: Record<string, unknown> = {};
  const eq = equipmentCategory.get(ctx.sqlite, wo.equipmentId)!;

  if (i.priority && i.priority !== wo.priority) {
    if (!['triage', 'prioritize', 'assign'].includes(i.action)) {
      fieldError('VALIDATION', 'error.repairs.priorityAction', 'priority');
    }
    if (!PRIORITY_SETTERS.includes(ctx.user?.role ?? '') && ctx.user?.role !== 'technician') {
      fieldError('FORBIDDEN', 'error.repairs.priorityRole', 'priority');
    }
    set.priority = i.priority;
    data.priority = { from: wo.priority, to: i.priority };
  }
  if (i.faultCode && i.faultCode !== wo.faultCode) {
    if (!['triage', 'prioritize'].includes(i.action))
      fieldError('VALIDATION', 'error.repairs.faultAction', 'faultCode');
    requireFaultFor(ctx, i.faultCode, eq.category, 'faultCode');
    set.faultCode = i.faultCode;
    data.faultCode = { from: wo.faultCode, to: i.faultCode };
  }

  switch (i.action) {
    case 'assign': {
      const a = requireAssignee(ctx, i.assignee);
      set.assigneeUserId = a.userId;
      set.vendorId = a.vendorId;
      data.assignee = a;
      break;
    }
    case 'wait':
      if (!i.waitingReason) fieldError('VALIDATION', 'error.repairs.waitingReason', 'waitingReason');
      set.waitingReason = i.waitingReason;
      break;
    case 'resolve': {
      const r = i.resolution;
      if (wo.kind === 'corrective' && !r) fieldError('VALIDATION', 'error.repairs.resolutionRequired', 'resolution');
      if (r) {
        requireCode(ctx, FIX_KIND, r.resolutionCode, 'resolution.resolutionCode');
        requireCode(ctx, CAUSE_KIND, r.rootCauseCode, 'resolution.rootCauseCode');
        Object.assign(set, { resolution: r.text, resolutionCode: r.resolutionCode, rootCauseCode: r.rootCauseCode });
        data.resolution = { resolutionCode: r.resolutionCode, rootCauseCode: r.rootCauseCode };
      }
      const missing = checklistComplete(ctx, wo);
      if (missing.length)
        fieldError('VALIDATION', 'error.repairs.checklistOpen', 'checklist', { items: missing.join(', ') });
      set.resolvedAt = ctx.now;
      if (wo.down && wo.upAt === null && (r?.equipmentUp ?? true)) set.upAt = ctx.now;
      break;
    }
    case 'confirm':
      set.confirmedAt = ctx.now;
      break;
    case 'close':
      set.closedAt = ctx.now;
      break;
    case 'cancel':
    case 'reopen':
      if (!i.note) fieldError('VALIDATION', 'error.repairs.noteRequired', 'note');
      if (i.action === 'cancel') {
        set.cancelledAt = ctx.now;
        if (wo.down && wo.upAt === null) set.upAt = ctx.now;
      } else {
        Object.assign(set, { resolvedAt: null, confirmedAt: null, closedAt: null, reopenCount: wo.reopenCount + 1 });
      }
      break;
  }
  if (to !== 'waiting') set.waitingReason = null;
  if (wo.respondedAt === null && (to === 'assigned' || to === 'in_progress' || to === 'resolved')) {
    set.respondedAt = ctx.now;
  }
  // The equipment going down (again) or running again, told with any step.
  if (i.down === true) {
    if (!wo.down) Object.assign(set, { down: 1, downStart: ctx.now, upAt: null });
    else if (wo.upAt !== null || set.upAt !== undefined) set.upAt = null;
    data.down = true;
  } else if (i.down === false && wo.down && (set.upAt ?? wo.upAt) === null) {
    set.upAt = ctx.now;
    data.down = false;
  }
  if (set.priority) Object.assign(set, targetsFor(ctx, { ...wo, priority: set.priority }));

  wo = updateWo(ctx, wo, set);
  appendEvent(ctx, wo.id, {
    action: i.action,
    from,
    to,
    waitingReason: to === 'waiting' ? i.waitingReason : null,
    note: i.note,
    data,
  });
  return refreshSla(ctx, wo);
}

export function attachPhotos(ctx: Ctx, i: { id: string; photos: { fileName: string; dataBase64: string }[] }) {
  loadWo(ctx, i.id);
  const photos = checkPhotos(i.photos);
  const ids = photos.map((p) => saveFile(ctx, 'work_order', i.id, p));
  return detailOf(ctx, i.id).attachments.filter((a) => ids.includes(a.id));
}
