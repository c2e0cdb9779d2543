import { uuidv7 } from '../../src-main/lib/ids';
import { encodeHlc } from '../../src-shared/sync/hlc';

/**
 * Rows as a store's outbox sends them: the store's column names, integers for
 * money and quantities, 0/1 for booleans, 'YYYY-MM-DD' days, ms times. Every
 * column of the store's table is given (as the store's triggers send the
 * whole row), overridable.
 */
type Row = Record<string, string | number | null>;

let moveSeq = 0;

export function stockMove(o: Row = {}): Row {
  return {
    seq: ++moveSeq,
    id: uuidv7(),
    item_id: 'item-1',
    area_id: 'area-1',
    kind: 'receipt',
    qty: 1500,
    value: 2_350_000,
    lot: '',
    expiry: null,
    occurred_at: Date.parse('2026-11-02T08:00:00Z'),
    day: '2026-11-02',
    posted_at: Date.parse('2026-11-02T08:00:01Z'),
    user_id: null,
    reason: '',
    doc_type: 'receipt',
    doc_id: 'rc-1',
    reverses_seq: null,
    note: '',
    ...o,
  };
}

export function receipt(o: Row = {}): Row {
  return {
    id: uuidv7(),
    number: `RC-2026-${String(++moveSeq).padStart(4, '0')}`,
    po_id: null,
    supplier_id: null,
    area_id: 'area-1',
    status: 'open',
    day: '2026-11-02',
    delivery_note: '',
    note: '',
    opened_at: Date.parse('2026-11-02T08:00:00Z'),
    opened_by: null,
    finished_at: null,
    finished_by: null,
    ...o,
  };
}

export const hlc = (wall: number, node = 'store', counter = 0) => encodeHlc({ wall, counter, node });

export function workOrder(storeId: string, o: Row = {}): Row {
  const at = Date.parse('2026-11-02T08:00:00Z');
  return {
    id: uuidv7(),
    store_id: storeId,
    number: `WO-2026-${String(++moveSeq).padStart(5, '0')}`,
    kind: 'corrective',
    equipment_id: 'eq-1',
    fault_code: '',
    description: '冷柜不制冷',
    down: 1,
    down_start: at,
    up_at: null,
    priority: 'high',
    suggested_priority: 'high',
    status: 'reported',
    waiting_reason: null,
    assignee_user_id: null,
    vendor_id: null,
    reported_by: null,
    reported_at: at,
    responded_at: null,
    resolved_at: null,
    confirmed_at: null,
    closed_at: null,
    cancelled_at: null,
    resolution: '',
    resolution_code: '',
    root_cause_code: '',
    reopen_count: 0,
    pm_plan_id: null,
    pm_due_key: null,
    pm_due_day: null,
    pm_due_meter: null,
    checklist: '[]',
    response_target_ms: 0,
    response_due_at: null,
    response_left_ms: null,
    response_met: null,
    response_breached_at: null,
    resolution_target_ms: 0,
    resolution_due_at: null,
    resolution_left_ms: null,
    resolution_met: null,
    resolution_breached_at: null,
    created_at: at,
    updated_at: at,
    ...o,
  };
}

export const upsert = (table: string, row: Row, clocks?: Record<string, string>) => ({
  table,
  op: 'upsert' as const,
  row,
  ...(clocks ? { clocks } : {}),
});
export const del = (table: string, key: Row) => ({ table, op: 'delete' as const, row: key });
