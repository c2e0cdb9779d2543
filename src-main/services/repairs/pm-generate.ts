import {
  calendarGenerateFrom,
  estimateMeterDay,
  nextCalendarDue,
  nextMeterDue,
} from '../../../src-shared/repairs/pm-schedule';
import { ACTIVE_STATES, type WoState } from '../../../src-shared/repairs/workflow';
import type { Ctx } from '../context';
import { dayOf, today } from './common';
import { lastReading, recentReadings } from './meters';
import { PLAN_COLS, planTargets, type PlanRecord } from './pm-plans';
import { appendEvent, refreshSla, updateWo, type WoRecord } from './wo-store';
import { createWorkOrder, newWoRecord } from './wo-write';
import { sql } from '../../db/sql';

const H = 1000; // thousandths of an hour

type LastPm = Pick<WoRecord, 'id' | 'number' | 'status' | 'pmDueDay' | 'pmDueMeter'>;

/** The newest preventive work order of a plan for one piece of equipment. */
const lastPmOf = sql<LastPm, [string, string]>(
  `SELECT id, number, status, pm_due_day AS pmDueDay, pm_due_meter AS pmDueMeter FROM work_orders
     WHERE pm_plan_id = ? AND equipment_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
);
const pmExists = sql<1, [string, string, string]>(
  'SELECT 1 FROM work_orders WHERE pm_plan_id = ? AND equipment_id = ? AND pm_due_key = ?',
);
const activePlans = sql<PlanRecord>(`SELECT ${PLAN_COLS} FROM pm_plans p WHERE p.active = 1 ORDER BY p.id`);
const activePlansByName = sql<PlanRecord>(
  `SELECT ${PLAN_COLS} FROM pm_plans p WHERE p.active = 1 ORDER BY p.name, p.id`,
);
const lastDoneAt = sql<{ at: number | null }, [string, string]>(
  'SELECT max(resolved_at) AS at FROM work_orders WHERE pm_plan_id = ? AND equipment_id = ? AND resolved_at IS NOT NULL',
);

function lastPm(ctx: Ctx, planId: string, equipmentId: string): LastPm | undefined {
  return lastPmOf.get(ctx.sqlite, planId, equipmentId);
}

const isActive = (s: WoState) => (ACTIVE_STATES as readonly WoState[]).includes(s);

export interface NextService {
  dueDay: string | null;
  dueMeter: number | null;
  dueKey: string;
  /** Generate now (within the lead time). */
  ready: boolean;
}

/** The next service of a plan for one piece of equipment, after its last generated one (null: meter plan with no reading). */
export function nextService(
  ctx: Ctx,
  p: PlanRecord,
  equipmentId: string,
  last: LastPm | undefined,
): NextService | null {
  const day = today(ctx);
  if (p.intervalKind !== 'meter') {
    const due = nextCalendarDue(p.startDay, last?.pmDueDay ?? null, p.intervalKind, p.interval, day);
    return { dueDay: due, dueMeter: null, dueKey: due, ready: calendarGenerateFrom(due, p.leadDays) <= day };
  }
  const reading = lastReading(ctx, equipmentId);
  if (!reading) return null;
  const due = nextMeterDue(p.startMeter, last?.pmDueMeter ?? null, p.interval * H, reading.value);
  const readings = recentReadings(ctx, equipmentId, 60).map((r) => ({ value: r.value, day: dayOf(ctx, r.readAt) }));
  return {
    dueDay: estimateMeterDay(due, readings, day),
    dueMeter: due,
    dueKey: `M${due}`,
    ready: reading.value >= due - p.leadMeter,
  };
}

/**
 * Creates the preventive work orders that have come within their lead time:
 * one per plan and equipment at a time (none while the previous one is still
 * being worked), with the plan's checklist, assigned to the plan's assignee.
 * Idempotent: the unique (plan, equipment, due key) index backs it up.
 */
export function generatePmDue(ctx: Ctx): { created: number; numbers: string[] } {
  const plans = activePlans.all(ctx.sqlite);
  const numbers: string[] = [];
  for (const p of plans) {
    for (const eq of planTargets(ctx, p)) {
      const last = lastPm(ctx, p.id, eq.id);
      if (last && isActive(last.status)) continue;
      const next = nextService(ctx, p, eq.id, last);
      if (!next?.ready || pmExists.get(ctx.sqlite, p.id, eq.id, next.dueKey)) continue;
      let wo = createWorkOrder(
        ctx,
        newWoRecord(ctx, {
          kind: 'preventive',
          equipmentId: eq.id,
          priority: p.priority,
          description: p.note ? `${p.name}\n${p.note}` : p.name,
          reportedBy: null,
          checklist: p.checklist,
          pmPlanId: p.id,
          pmDueKey: next.dueKey,
          pmDueDay: next.dueDay ?? today(ctx),
          pmDueMeter: next.dueMeter,
        }),
      );
      // Planned work has nothing to triage: it is born triaged (its priority comes from the plan), so the
      // checklist can be filled at once; with an assignee on the plan it goes straight to them.
      wo = updateWo(ctx, wo, { status: 'triaged' });
      appendEvent(ctx, wo.id, {
        action: 'triage',
        from: 'submitted',
        to: 'triaged',
        userId: null,
        data: { plan: p.id },
      });
      if (p.assigneeUserId || p.vendorId) {
        wo = updateWo(ctx, wo, {
          status: 'assigned',
          assigneeUserId: p.assigneeUserId,
          vendorId: p.vendorId,
          respondedAt: ctx.now,
        });
        appendEvent(ctx, wo.id, {
          action: 'assign',
          from: 'triaged',
          to: 'assigned',
          userId: null,
          data: { assignee: { userId: p.assigneeUserId, vendorId: p.vendorId }, plan: p.id },
        });
      }
      refreshSla(ctx, wo);
      numbers.push(wo.number);
    }
  }
  return { created: numbers.length, numbers };
}

/** pm.generateDue as a user asked for it (audited by dispatch as that user). */
export function generateDueNow(ctx: Ctx) {
  return generatePmDue({ ...ctx, user: null });
}

/**
 * The value of a write that can make preventive work due (a plan saved, a
 * meter read), once that work is generated in the same transaction and
 * audit entry. The passing of time is the tick's (tick.ts); reads never
 * generate.
 */
export function withDueWork<T>(ctx: Ctx, written: T): T {
  generateDueNow(ctx);
  return written;
}

/** Per plan and equipment: the open preventive work order, or the next service. Reads only. */
export function pmSchedule(ctx: Ctx, i: { equipmentId?: string | null }) {
  const day = today(ctx);
  const plans = activePlansByName.all(ctx.sqlite);
  const rows = [];
  for (const p of plans) {
    for (const eq of planTargets(ctx, p)) {
      if (i.equipmentId && eq.id !== i.equipmentId) continue;
      const last = lastPm(ctx, p.id, eq.id);
      const reading = lastReading(ctx, eq.id)?.value ?? null;
      const done = lastDoneAt.get(ctx.sqlite, p.id, eq.id)!.at;
      const base = {
        planId: p.id,
        planName: p.name,
        equipmentId: eq.id,
        equipmentCode: eq.code,
        equipmentName: eq.name,
        intervalKind: p.intervalKind,
        lastReading: reading,
        lastDoneDay: done === null ? null : dayOf(ctx, done),
      };
      if (last && isActive(last.status)) {
        const overdue =
          (last.pmDueDay !== null && last.pmDueDay < day) ||
          (last.pmDueMeter !== null && reading !== null && reading > last.pmDueMeter);
        rows.push({
          ...base,
          dueDay: last.pmDueDay,
          dueMeter: last.pmDueMeter,
          status: overdue ? ('overdue' as const) : ('open' as const),
          workOrderId: last.id,
          workOrderNumber: last.number,
          workOrderStatus: last.status,
        });
        continue;
      }
      const next = nextService(ctx, p, eq.id, last);
      rows.push({
        ...base,
        dueDay: next?.dueDay ?? null,
        dueMeter: next?.dueMeter ?? null,
        status: 'scheduled' as const,
        workOrderId: null,
        workOrderNumber: null,
        workOrderStatus: null,
      });
    }
  }
  return rows.sort(
    (a, b) => (a.dueDay ?? '9999').localeCompare(b.dueDay ?? '9999') || a.equipmentCode.localeCompare(b.equipmentCode),
  );
}
