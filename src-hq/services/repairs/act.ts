import { sql } from 'drizzle-orm';
import type { HqWoAction } from '../../../src-shared/hq-api/methods/repairs';
import { translate, type Locale, type MessageKey } from '../../../src-shared/i18n';
import { allowedActions, checkTransition, type WoState } from '../../../src-shared/repairs/workflow';
import { HqApiError } from '../../api/errors';
import type { HqContext } from '../../context';
import { rows, type Q } from '../../db/client';
import { lockWorkOrders } from '../sync/shared-records';
import type { WireValue } from '../sync/wire';
import { stampedEdit } from '../work-orders/edit';

/** The store's fault code applying to every category (src-main/services/repairs/codes-data.ts). */
const GENERAL_CATEGORY = 'general';
const FIX_KIND = 'repair_fix';
const CAUSE_KIND = 'repair_cause';

/**
 * HQ's maintenance team takes the store's maintenance side of the workflow:
 * the same table as the store's technicians (so never the store's own
 * confirmation, and no reopening or cancelling from afar).
 */
export function hqActor(now: number, resolvedAt: number | null) {
  return { role: 'technician' as const, isReporter: false, now, resolvedAt, reopenDays: 0 };
}

export function hqAllowed(status: WoState, now: number, resolvedAt: number | null): HqWoAction[] {
  const mine: readonly string[] = ['triage', 'assign', 'prioritize', 'comment', 'resolve', 'close'];
  return allowedActions(status, hqActor(now, resolvedAt)).filter((a): a is HqWoAction => mine.includes(a));
}

export interface ActInput {
  storeId: string;
  workOrderId: string;
  action: HqWoAction;
  note: string;
  priority?: string | null;
  faultCode?: string | null;
  assignee?: { userId: string } | { vendorId: string } | null;
  resolution?: { text: string; resolutionCode: string; rootCauseCode: string } | null;
}

const field = (path: string, key: MessageKey, params?: Record<string, string | number>): never => {
  throw new HqApiError('VALIDATION', key, params, [{ path, key, params }]);
};

async function one<T>(q: Q, statement: ReturnType<typeof sql>): Promise<T | undefined> {
  return (await rows<T>(q, statement))[0];
}

/**
 * One step of the store's workflow on a store's work order, taken at HQ:
 * checked against the state HQ holds (the store's last push) with the
 * store's own rules, its inputs checked against that store's people and the
 * chain's codes, then written as stamped fields with an event the store pulls
 * (stampedEdit). A work order of another store, or an assignee who is not this
 * store's, is refused before anything is written.
 */
export async function actOnWorkOrder(
  ctx: HqContext,
  tx: Q,
  i: ActInput,
  user: { id: string; displayName: string } | null,
  locale: Locale,
): Promise<void> {
  const now = ctx.now();
  const current = (await lockWorkOrders(tx, i.storeId, [i.workOrderId])).get(i.workOrderId);
  if (!current) throw new HqApiError('NOT_FOUND', 'hqRepairs.error.notAtStore');
  const wo = current.row;
  const status = wo.status as WoState;
  const resolvedAt = (wo.resolved_at as number | null) ?? null;
  const check = checkTransition(status, i.action, hqActor(now, resolvedAt));
  if (!check.ok) {
    throw new HqApiError('CONFLICT', 'hqRepairs.error.transition', {
      number: String(wo.number),
      state: translate(locale, `repairs.status.${status}`),
      action: translate(locale, `repairs.action.${i.action}`),
      allowed:
        hqAllowed(status, now, resolvedAt)
          .map((a) => translate(locale, `repairs.action.${a}`))
          .join(', ') || '-',
    });
  }
  const eq = await one<{ category: string; store_id: string | null }>(
    tx,
    sql`SELECT category, store_id FROM equipment WHERE id = ${wo.equipment_id as string}`,
  );
  // Equipment HQ has since registered at another store: that store's people would be sent to a machine not theirs.
  if (eq?.store_id && eq.store_id !== i.storeId) {
    throw new HqApiError('CONFLICT', 'hqRepairs.error.equipmentElsewhere', { number: String(wo.number) });
  }
  const set: Record<string, WireValue> = {};
  const data: Record<string, unknown> = {};
  if (check.changesState) set.status = check.to;

  if (i.priority && i.priority !== wo.priority) {
    if (!['triage', 'prioritize', 'assign'].includes(i.action)) field('priority', 'hqRepairs.error.priorityAction');
    set.priority = i.priority;
    data.priority = { from: wo.priority, to: i.priority };
  }
  if (i.faultCode && i.faultCode !== wo.fault_code) {
    if (!['triage', 'prioritize'].includes(i.action)) field('faultCode', 'hqRepairs.error.faultAction');
    const fault = await one<{ equipment_category: string }>(
      tx,
      sql`SELECT equipment_category FROM fault_codes WHERE code = ${i.faultCode} AND active = 1`,
    );
    if (!fault || (fault.equipment_category !== eq?.category && fault.equipment_category !== GENERAL_CATEGORY)) {
      field('faultCode', 'hqRepairs.error.faultCode', { code: i.faultCode, category: eq?.category ?? '-' });
    }
    set.fault_code = i.faultCode;
    data.faultCode = { from: wo.fault_code, to: i.faultCode };
  }

  switch (i.action) {
    case 'assign': {
      const a = i.assignee ?? field('assignee', 'hqRepairs.error.assigneeRequired');
      if ('userId' in a) {
        // Only this store's own people: a technician of another store cannot be sent to it from here.
        const u = await one<{ role: string; disabled: number }>(
          tx,
          sql`SELECT role, disabled FROM mirror.users WHERE store_id = ${i.storeId} AND id = ${a.userId}`,
        );
        if (!u || u.disabled || u.role === 'clerk') field('assignee.userId', 'hqRepairs.error.assigneeUser');
        set.assignee_user_id = a.userId;
        set.vendor_id = null;
      } else {
        const v = await one<{ active: number }>(tx, sql`SELECT active FROM service_vendors WHERE id = ${a.vendorId}`);
        if (!v?.active) field('assignee.vendorId', 'hqRepairs.error.vendor');
        set.assignee_user_id = null;
        set.vendor_id = a.vendorId;
      }
      data.assignee = 'userId' in a ? { userId: a.userId, vendorId: null } : { userId: null, vendorId: a.vendorId };
      break;
    }
    case 'resolve': {
      const r = i.resolution;
      if (!r) {
        if (wo.kind === 'corrective') field('resolution', 'hqRepairs.error.resolutionRequired');
      } else {
        for (const [kind, code, path] of [
          [FIX_KIND, r.resolutionCode, 'resolution.resolutionCode'],
          [CAUSE_KIND, r.rootCauseCode, 'resolution.rootCauseCode'],
        ] as const) {
          const c = await one<{ active: number }>(
            tx,
            sql`SELECT active FROM reason_codes WHERE kind = ${kind} AND code = ${code}`,
          );
          if (!c?.active) field(path, 'hqRepairs.error.code', { code });
        }
        Object.assign(set, { resolution: r.text, resolution_code: r.resolutionCode, root_cause_code: r.rootCauseCode });
        data.resolution = { resolutionCode: r.resolutionCode, rootCauseCode: r.rootCauseCode };
      }
      set.resolved_at = now;
      if (wo.down && wo.up_at === null) set.up_at = now;
      break;
    }
    case 'close':
      set.closed_at = now;
      break;
    case 'comment':
      if (!i.note) field('note', 'hqRepairs.error.noteRequired');
      break;
  }
  if (check.changesState && check.to !== 'waiting' && wo.waiting_reason !== null) set.waiting_reason = null;
  if (wo.responded_at === null && (check.to === 'assigned' || check.to === 'resolved')) set.responded_at = now;
  if (!Object.keys(set).length && i.action !== 'comment' && !i.note) {
    throw new HqApiError('VALIDATION', 'hq.validation.noFields');
  }
  await stampedEdit(ctx, tx, i.storeId, current, set, {
    action: i.action,
    note: i.note,
    userId: user?.id ?? null,
    userName: user?.displayName,
    data,
  });
}
