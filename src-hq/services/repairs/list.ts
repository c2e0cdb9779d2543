import { sql, type SQL } from 'drizzle-orm';
import type { HqWoRowDto } from '../../../src-shared/hq-api/methods/repairs';
import { ACTIVE_STATES, OPEN_STATES } from '../../../src-shared/repairs/workflow';
import { rows, type Q } from '../../db/client';
import { assertStoreInScope, storesInScope, type ScopedUser } from '../scope/scope';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const list = (xs: readonly string[]) => sql`(SELECT json_array_elements_text(${JSON.stringify(xs)}::json))`;

export interface ListFilter {
  storeIds: string[];
  status: string[];
  openOnly: boolean;
  priority?: string | null;
  overdue: boolean;
  category?: string | null;
  limit: number;
}

interface Row {
  store_id: string;
  store_code: string;
  store_name: string;
  time_zone: string;
  id: string;
  number: string;
  kind: string;
  status: HqWoRowDto['status'];
  priority: HqWoRowDto['priority'];
  equipment_id: string;
  equipment_code: string | null;
  equipment_name: string | null;
  category: string | null;
  fault_code: string;
  down: number;
  reported_at: number;
  resolution_due_at: number | null;
  overdue: boolean;
  assignee_name: string | null;
  vendor_name: string | null;
}

/** Late: still being worked on (not resolved) and past the resolution time the store's SLA set. */
const overdueSql = (now: number) =>
  sql`(w.status IN ${list(ACTIVE_STATES)} AND w.resolution_due_at IS NOT NULL AND w.resolution_due_at < ${now})`;

/** The row shape the list and the detail share, for work orders matching `where`. */
export async function woRows(q: Q, where: SQL, now: number, limit: number): Promise<HqWoRowDto[]> {
  const found = await rows<Row>(
    q,
    sql`SELECT w.store_id, stores.code AS store_code, stores.name AS store_name,
          coalesce((SELECT s.timezone FROM mirror.store s WHERE s.store_id = w.store_id LIMIT 1), stores.timezone) AS time_zone,
          w.id, w.number, w.kind, w.status,
          w.priority, w.equipment_id, e.code AS equipment_code, e.name AS equipment_name, e.category, w.fault_code,
          w.down, w.reported_at, w.resolution_due_at, ${overdueSql(now)} AS overdue,
          u.display_name AS assignee_name, v.name AS vendor_name
        FROM mirror.work_orders w
        JOIN stores ON stores.id = w.store_id
        LEFT JOIN equipment e ON e.id = w.equipment_id
        LEFT JOIN mirror.users u ON u.store_id = w.store_id AND u.id = w.assignee_user_id
        LEFT JOIN service_vendors v ON v.id = w.vendor_id
        WHERE ${where}
        ORDER BY ${overdueSql(now)} DESC,
          CASE w.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
          w.reported_at, w.store_id, w.id
        LIMIT ${limit}`,
  );
  return found.map((r) => ({
    storeId: r.store_id,
    storeCode: r.store_code,
    storeName: r.store_name,
    timeZone: r.time_zone,
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    priority: r.priority,
    equipmentId: r.equipment_id,
    equipmentCode: r.equipment_code ?? '',
    equipmentName: r.equipment_name ?? '',
    category: r.category ?? '',
    faultCode: r.fault_code,
    down: r.down === 1,
    reportedAt: iso(r.reported_at)!,
    resolutionDueAt: iso(r.resolution_due_at),
    overdue: r.overdue,
    assigneeName: r.assignee_name,
    vendorName: r.vendor_name,
  }));
}

/**
 * Every store's work orders in the caller's scope (the same condition as the
 * store list), overdue first, then by priority and age. Naming a store outside
 * the scope is refused, as every method naming a store is.
 */
export async function listWorkOrders(q: Q, user: ScopedUser | null, f: ListFilter, now: number): Promise<HqWoRowDto[]> {
  if (user) for (const id of f.storeIds) await assertStoreInScope(q, user, id);
  const conditions: SQL[] = [storesInScope(user)];
  if (f.storeIds.length) conditions.push(sql`w.store_id IN ${list(f.storeIds)}`);
  if (f.status.length) conditions.push(sql`w.status IN ${list(f.status)}`);
  else if (f.openOnly) conditions.push(sql`w.status IN ${list(OPEN_STATES)}`);
  if (f.priority) conditions.push(sql`w.priority = ${f.priority}`);
  if (f.overdue) conditions.push(overdueSql(now));
  if (f.category) conditions.push(sql`e.category = ${f.category}`);
  return woRows(q, sql.join(conditions, sql` AND `), now, f.limit);
}
