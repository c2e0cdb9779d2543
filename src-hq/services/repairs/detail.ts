import { sql } from 'drizzle-orm';
import type { HqWoDetailDto } from '../../../src-shared/hq-api/methods/repairs';
import type { HqRole } from '../../../src-shared/hq-api/roles';
import { WRITERS } from '../../../src-shared/hq-api/contract';
import type { WoState } from '../../../src-shared/repairs/workflow';
import { HqApiError } from '../../api/errors';
import { rows, type Q } from '../../db/client';
import { hqAllowed } from './act';
import { woRows } from './list';

interface WoExtra {
  status: WoState;
  equipment_id: string;
  description: string;
  resolution: string;
  resolution_code: string;
  root_cause_code: string;
  assignee_user_id: string | null;
  vendor_id: string | null;
  resolved_at: number | null;
}

interface EventRow {
  id: string;
  at: number;
  action: string;
  from_status: string | null;
  to_status: string;
  waiting_reason: 'parts' | 'vendor' | 'store' | null;
  note: string;
  data: string;
  store_user: string | null;
}

const named = (kind: string) =>
  sql`SELECT code, name_zh AS "nameZh", name_en AS "nameEn" FROM reason_codes WHERE kind = ${kind} AND active = 1 ORDER BY code`;

/** One store's work order as HQ holds it: its steps (the store's and HQ's), its equipment, and what may be done next. */
export async function workOrderDetail(
  q: Q,
  storeId: string,
  workOrderId: string,
  role: HqRole | null,
  now: number,
): Promise<HqWoDetailDto> {
  const where = sql`w.store_id = ${storeId} AND w.id = ${workOrderId}`;
  const [row] = await woRows(q, where, now, 1);
  const [wo] = await rows<WoExtra>(
    q,
    sql`SELECT status, equipment_id, description, resolution, resolution_code, root_cause_code, assignee_user_id,
          vendor_id, resolved_at FROM mirror.work_orders w WHERE ${where}`,
  );
  if (!row || !wo) throw new HqApiError('NOT_FOUND', 'hqRepairs.error.notAtStore');
  const [eq] = await rows<HqWoDetailDto['equipment']>(
    q,
    sql`SELECT make, model, serial_no AS "serialNo", criticality, warranty_end AS "warrantyEnd"
        FROM equipment WHERE id = ${wo.equipment_id}`,
  );
  const events = await rows<EventRow>(
    q,
    sql`SELECT ev.id, ev.at, ev.action, ev.from_status, ev.to_status, ev.waiting_reason, ev.note, ev.data,
          u.display_name AS store_user
        FROM mirror.work_order_events ev
        LEFT JOIN mirror.users u ON u.store_id = ev.store_id AND u.id = ev.user_id
        WHERE ev.store_id = ${storeId} AND ev.work_order_id = ${workOrderId}
        ORDER BY ev.at, ev.id`,
  );
  const writer = role !== null && (WRITERS.maintenance as readonly HqRole[]).includes(role);
  return {
    row,
    description: wo.description,
    resolution: wo.resolution,
    resolutionCode: wo.resolution_code,
    rootCauseCode: wo.root_cause_code,
    assigneeUserId: wo.assignee_user_id,
    vendorId: wo.vendor_id,
    equipment: eq ?? { make: '', model: '', serialNo: '', criticality: '', warrantyEnd: null },
    events: events.map((e) => {
      const data = parse(e.data);
      const byHq = data.by === 'hq';
      return {
        id: e.id,
        at: new Date(e.at).toISOString(),
        action: e.action,
        from: e.from_status,
        to: e.to_status,
        waitingReason: e.waiting_reason,
        note: e.note,
        userName: byHq ? (typeof data.hqUser === 'string' ? data.hqUser : null) : e.store_user,
        byHq,
        data,
      };
    }),
    allowedActions: writer ? hqAllowed(wo.status, now, wo.resolved_at) : [],
    technicians: await rows(
      q,
      sql`SELECT id AS "userId", display_name AS "displayName", role FROM mirror.users
          WHERE store_id = ${storeId} AND disabled = 0 AND role <> 'clerk' ORDER BY role = 'technician' DESC, display_name`,
    ),
    vendors: await rows(q, sql`SELECT id, code, name FROM service_vendors WHERE active = 1 ORDER BY code`),
    faultCodes: await rows(
      q,
      sql`SELECT code, name_zh AS "nameZh", name_en AS "nameEn" FROM fault_codes
          WHERE active = 1 AND equipment_category IN (${row.category}, 'general') ORDER BY sort_order, code`,
    ),
    resolutionCodes: await rows(q, named('repair_fix')),
    rootCauseCodes: await rows(q, named('repair_cause')),
  };
}

function parse(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
