import type { ChecklistItem } from '../../../src-shared/api/methods/repairs-dto';
import type { IntervalKind } from '../../../src-shared/repairs/pm-schedule';
import type { Priority } from '../../../src-shared/repairs/settings';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { parseChecklist } from './checklist';
import { fieldError, isoOf, notFound, storeId, userNames, prep } from './common';

export interface PlanRecord {
  id: string;
  name: string;
  equipmentId: string | null;
  equipmentCategory: string | null;
  intervalKind: IntervalKind;
  interval: number;
  leadDays: number;
  leadMeter: number;
  startDay: string;
  startMeter: number;
  checklist: string;
  priority: Priority;
  assigneeUserId: string | null;
  vendorId: string | null;
  active: number;
  note: string;
  updatedAt: number;
}

export const PLAN_COLS = `p.id, p.name, p.equipment_id AS equipmentId, p.equipment_category AS equipmentCategory,
  p.interval_kind AS intervalKind, p.interval, p.lead_days AS leadDays, p.lead_meter AS leadMeter, p.start_day AS startDay,
  p.start_meter AS startMeter, p.checklist, p.priority, p.assignee_user_id AS assigneeUserId, p.vendor_id AS vendorId,
  p.active, p.note, p.updated_at AS updatedAt`;

/** The active equipment a plan covers. */
export function planTargets(
  ctx: Ctx,
  p: Pick<PlanRecord, 'equipmentId' | 'equipmentCategory'>,
): { id: string; code: string; name: string }[] {
  return p.equipmentId
    ? (prep(ctx, 'SELECT id, code, name FROM equipment WHERE id = ? AND active = 1').all(p.equipmentId) as never)
    : (prep(ctx, 'SELECT id, code, name FROM equipment WHERE category = ? AND active = 1 ORDER BY code').all(
        p.equipmentCategory,
      ) as never);
}

/** Plans, all or those that cover one piece of equipment (its own and its category's). */
export function listPlans(ctx: Ctx, i: { equipmentId?: string | null; includeInactive?: boolean }) {
  const name = userNames(ctx);
  const eq = i.equipmentId
    ? (prep(ctx, 'SELECT category FROM equipment WHERE id = ?').get(i.equipmentId) as { category: string } | undefined)
    : undefined;
  const rows = prep(
    ctx,
    `SELECT ${PLAN_COLS}, e.code AS equipmentCode, e.name AS equipmentName, v.name AS vendorName
       FROM pm_plans p LEFT JOIN equipment e ON e.id = p.equipment_id LEFT JOIN service_vendors v ON v.id = p.vendor_id
       WHERE (? = 1 OR p.active = 1) AND (? IS NULL OR p.equipment_id = ? OR p.equipment_category = ?)
       ORDER BY p.name, p.id`,
  ).all(
    i.includeInactive ? 1 : 0,
    i.equipmentId ?? null,
    i.equipmentId ?? null,
    eq?.category ?? null,
  ) as (PlanRecord & {
    equipmentCode: string | null;
    equipmentName: string | null;
    vendorName: string | null;
  })[];
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    equipmentId: p.equipmentId,
    equipmentCode: p.equipmentCode,
    equipmentName: p.equipmentName,
    category: p.equipmentCategory,
    equipmentCount: planTargets(ctx, p).length,
    intervalKind: p.intervalKind,
    interval: p.interval,
    leadDays: p.leadDays,
    leadMeter: p.leadMeter,
    startDay: p.startDay,
    startMeter: p.startMeter,
    checklist: parseChecklist(p.checklist),
    priority: p.priority,
    assigneeUserId: p.assigneeUserId,
    assigneeName: name(p.assigneeUserId),
    vendorId: p.vendorId,
    vendorName: p.vendorName,
    active: !!p.active,
    note: p.note,
    updatedAt: isoOf(p.updatedAt),
  }));
}

export interface PlanInput {
  id?: string | null;
  name: string;
  equipmentId?: string | null;
  category?: string | null;
  intervalKind: IntervalKind;
  interval: number;
  leadDays: number;
  leadMeter: number;
  startDay: string;
  startMeter: number;
  checklist: ChecklistItem[];
  priority: Priority;
  assignee?: { userId: string } | { vendorId: string } | null;
  active: boolean;
  note: string;
}

export function savePlan(ctx: Ctx, i: PlanInput) {
  if (i.equipmentId && !prep(ctx, 'SELECT 1 FROM equipment WHERE id = ?').get(i.equipmentId)) {
    fieldError('VALIDATION', 'error.repairs.equipmentNotFound', 'equipmentId', { ref: i.equipmentId });
  }
  const userId = i.assignee && 'userId' in i.assignee ? i.assignee.userId : null;
  const vendorId = i.assignee && 'vendorId' in i.assignee ? i.assignee.vendorId : null;
  if (userId) {
    const u = prep(ctx, 'SELECT role FROM users WHERE id = ? AND disabled = 0').get(userId) as
      { role: string } | undefined;
    if (!u || u.role === 'clerk') fieldError('VALIDATION', 'error.repairs.assigneeUser', 'assignee.userId');
  }
  if (vendorId && !prep(ctx, 'SELECT 1 FROM service_vendors WHERE id = ?').get(vendorId)) {
    fieldError('VALIDATION', 'error.repairs.vendorNotFound', 'assignee.vendorId');
  }
  i.checklist.forEach((c, n) => {
    if (c.min !== null && c.min !== undefined && c.max !== null && c.max !== undefined && c.min > c.max) {
      fieldError('VALIDATION', 'error.repairs.checkRange', `checklist.${n}.max`);
    }
  });
  const checklist = JSON.stringify(
    i.checklist.map((c) => ({
      key: c.key,
      label: c.label,
      kind: c.kind,
      unit: c.unit,
      min: c.min ?? null,
      max: c.max ?? null,
    })),
  );
  const values = [
    i.name,
    i.equipmentId ?? null,
    i.equipmentId ? null : (i.category ?? null),
    i.intervalKind,
    i.interval,
    i.leadDays,
    i.leadMeter,
    i.startDay,
    i.startMeter,
    checklist,
    i.priority,
    userId,
    vendorId,
    i.active ? 1 : 0,
    i.note,
  ];
  const cols = `name, equipment_id, equipment_category, interval_kind, interval, lead_days, lead_meter, start_day, start_meter,
    checklist, priority, assignee_user_id, vendor_id, active, note`;
  let id = i.id ?? null;
  if (id) {
    if (!prep(ctx, 'SELECT 1 FROM pm_plans WHERE id = ?').get(id)) notFound('error.repairs.planNotFound');
    prep(
      ctx,
      `UPDATE pm_plans SET ${cols
        .split(',')
        .map((c) => `${c.trim()} = ?`)
        .join(', ')}, updated_at = ? WHERE id = ?`,
    ).run(...values, ctx.now, id);
    ctx.changed({ table: 'pm_plans', id, op: 'update', values: { ...i, checklist } });
  } else {
    id = uuidv7(ctx.now);
    prep(
      ctx,
      `INSERT INTO pm_plans (${cols}, id, store_id, created_at, updated_at) VALUES (${values.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
    ).run(...values, id, storeId(ctx), ctx.now, ctx.now);
    ctx.changed({ table: 'pm_plans', id, op: 'insert', values: { ...i, checklist } });
  }
  return listPlans(ctx, { includeInactive: true }).find((p) => p.id === id)!;
}
