import type { ChecklistItem } from '../../../src-shared/api/methods/repairs-dto';
import type { IntervalKind } from '../../../src-shared/repairs/pm-schedule';
import type { Priority } from '../../../src-shared/repairs/settings';
import { uuidv7 } from '../../lib/ids';
import { eq } from 'drizzle-orm';
import { pmPlans, type equipment } from '../../db/schema';
import { selectList } from '../../db/schema-sql';
import { sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { parseChecklist } from './checklist';
import { fieldError, isoOf, notFound, storeId, userNames } from './common';

/** A pm_plans row as the services use it (the schema's columns, the interval kind narrowed). */
export type PlanRecord = Omit<SqlRow<typeof pmPlans.$inferSelect>, 'intervalKind'> & { intervalKind: IntervalKind };

export const PLAN_COLS = selectList(pmPlans, { alias: 'p' });

type Target = Pick<typeof equipment.$inferSelect, 'id' | 'code' | 'name'>;
const activeEquipmentById = sql<Target, [string]>('SELECT id, code, name FROM equipment WHERE id = ? AND active = 1');
const activeEquipmentOfCategory = sql<Target, [string | null]>(
  'SELECT id, code, name FROM equipment WHERE category = ? AND active = 1 ORDER BY code',
);
const categoryOf = sql<Pick<typeof equipment.$inferSelect, 'category'>, [string]>(
  'SELECT category FROM equipment WHERE id = ?',
);
/** Active plans (or all), or those that cover one piece of equipment (its own and its category's). */
const plansWithNames = sql<
  PlanRecord & { equipmentCode: string | null; equipmentName: string | null; vendorName: string | null },
  [number, string | null, string | null, string | null]
>(
  `SELECT ${PLAN_COLS}, e.code AS equipmentCode, e.name AS equipmentName, v.name AS vendorName
     FROM pm_plans p LEFT JOIN equipment e ON e.id = p.equipment_id LEFT JOIN service_vendors v ON v.id = p.vendor_id
     WHERE (? = 1 OR p.active = 1) AND (? IS NULL OR p.equipment_id = ? OR p.equipment_category = ?)
     ORDER BY p.name, p.id`,
);
const equipmentExists = sql<1, [string]>('SELECT 1 FROM equipment WHERE id = ?');
const enabledUserRole = sql<{ role: string }, [string]>('SELECT role FROM users WHERE id = ? AND disabled = 0');
const vendorExists = sql<1, [string]>('SELECT 1 FROM service_vendors WHERE id = ?');
const planExists = sql<1, [string]>('SELECT 1 FROM pm_plans WHERE id = ?');

/** The active equipment a plan covers. */
export function planTargets(
  ctx: Ctx,
  p: Pick<PlanRecord, 'equipmentId' | 'equipmentCategory'>,
): { id: string; code: string; name: string }[] {
  return p.equipmentId
    ? activeEquipmentById.all(ctx.sqlite, p.equipmentId)
    : activeEquipmentOfCategory.all(ctx.sqlite, p.equipmentCategory);
}

/** Plans, all or those that cover one piece of equipment (its own and its category's). */
export function listPlans(ctx: Ctx, i: { equipmentId?: string | null; includeInactive?: boolean }) {
  const name = userNames(ctx);
  const eq = i.equipmentId ? categoryOf.get(ctx.sqlite, i.equipmentId) : undefined;
  const rows = plansWithNames.all(
    ctx.sqlite,
    i.includeInactive ? 1 : 0,
    i.equipmentId ?? null,
    i.equipmentId ?? null,
    eq?.category ?? null,
  );
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
  if (i.equipmentId && !equipmentExists.get(ctx.sqlite, i.equipmentId)) {
    fieldError('VALIDATION', 'error.repairs.equipmentNotFound', 'equipmentId', { ref: i.equipmentId });
  }
  const userId = i.assignee && 'userId' in i.assignee ? i.assignee.userId : null;
  const vendorId = i.assignee && 'vendorId' in i.assignee ? i.assignee.vendorId : null;
  if (userId) {
    const u = enabledUserRole.get(ctx.sqlite, userId);
    if (!u || u.role === 'clerk') fieldError('VALIDATION', 'error.repairs.assigneeUser', 'assignee.userId');
  }
  if (vendorId && !vendorExists.get(ctx.sqlite, vendorId)) {
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
  const values = {
    name: i.name,
    equipmentId: i.equipmentId ?? null,
    equipmentCategory: i.equipmentId ? null : (i.category ?? null),
    intervalKind: i.intervalKind,
    interval: i.interval,
    leadDays: i.leadDays,
    leadMeter: i.leadMeter,
    startDay: i.startDay,
    startMeter: i.startMeter,
    checklist,
    priority: i.priority,
    assigneeUserId: userId,
    vendorId,
    active: i.active,
    note: i.note,
    updatedAt: ctx.now,
  };
  let id = i.id ?? null;
  if (id) {
    if (!planExists.get(ctx.sqlite, id)) notFound('error.repairs.planNotFound');
    ctx.db.update(pmPlans).set(values).where(eq(pmPlans.id, id)).run();
    ctx.changed({ table: 'pm_plans', id, op: 'update', values: { ...i, checklist } });
  } else {
    id = uuidv7(ctx.now);
    ctx.db
      .insert(pmPlans)
      .values({ ...values, id, storeId: storeId(ctx), createdAt: ctx.now })
      .run();
    ctx.changed({ table: 'pm_plans', id, op: 'insert', values: { ...i, checklist } });
  }
  return listPlans(ctx, { includeInactive: true }).find((p) => p.id === id)!;
}
