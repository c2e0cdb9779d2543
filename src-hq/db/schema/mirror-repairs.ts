import { bigint, jsonb, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { mirror, received } from './columns';

/**
 * Mirrors of store facts: preventive plans, meter readings, work orders (edited at both ends), their events and child rows.
 * Same column names and values as the store's tables (INTEGER -> bigint read back
 * as a JS number, booleans kept as 0/1 in smallint), keyed by (store_id, the
 * registry's key). Generated once from the store's drizzle schema and kept in
 * step by src-hq/db/mirror-columns.test.ts.
 */

export const pmPlansMirror = mirror.table(
  'pm_plans',
  {
    id: text('id').notNull(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    equipmentId: text('equipment_id'),
    equipmentCategory: text('equipment_category'),
    intervalKind: text('interval_kind').notNull(),
    interval: bigint('interval', { mode: 'number' }).notNull(),
    leadDays: bigint('lead_days', { mode: 'number' }).notNull().default(7),
    leadMeter: bigint('lead_meter', { mode: 'number' }).notNull().default(0),
    startDay: text('start_day').notNull(),
    startMeter: bigint('start_meter', { mode: 'number' }).notNull().default(0),
    checklist: text('checklist').notNull().default('[]'),
    priority: text('priority').notNull().default('normal'),
    assigneeUserId: text('assignee_user_id'),
    vendorId: text('vendor_id'),
    active: smallint('active').notNull().default(1),
    note: text('note').notNull().default(''),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const meterReadingsMirror = mirror.table(
  'meter_readings',
  {
    id: text('id').notNull(),
    storeId: text('store_id').notNull(),
    equipmentId: text('equipment_id').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    readAt: bigint('read_at', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by'),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const workOrdersMirror = mirror.table(
  'work_orders',
  {
    id: text('id').notNull(),
    storeId: text('store_id').notNull(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    equipmentId: text('equipment_id').notNull(),
    faultCode: text('fault_code').notNull().default(''),
    description: text('description').notNull().default(''),
    down: smallint('down').notNull().default(0),
    downStart: bigint('down_start', { mode: 'number' }),
    upAt: bigint('up_at', { mode: 'number' }),
    priority: text('priority').notNull(),
    suggestedPriority: text('suggested_priority').notNull(),
    status: text('status').notNull(),
    waitingReason: text('waiting_reason'),
    assigneeUserId: text('assignee_user_id'),
    vendorId: text('vendor_id'),
    reportedBy: text('reported_by'),
    reportedAt: bigint('reported_at', { mode: 'number' }).notNull(),
    respondedAt: bigint('responded_at', { mode: 'number' }),
    resolvedAt: bigint('resolved_at', { mode: 'number' }),
    confirmedAt: bigint('confirmed_at', { mode: 'number' }),
    closedAt: bigint('closed_at', { mode: 'number' }),
    cancelledAt: bigint('cancelled_at', { mode: 'number' }),
    resolution: text('resolution').notNull().default(''),
    resolutionCode: text('resolution_code').notNull().default(''),
    rootCauseCode: text('root_cause_code').notNull().default(''),
    reopenCount: bigint('reopen_count', { mode: 'number' }).notNull().default(0),
    pmPlanId: text('pm_plan_id'),
    pmDueKey: text('pm_due_key'),
    pmDueDay: text('pm_due_day'),
    pmDueMeter: bigint('pm_due_meter', { mode: 'number' }),
    checklist: text('checklist').notNull().default('[]'),
    responseTargetMs: bigint('response_target_ms', { mode: 'number' }).notNull().default(0),
    responseDueAt: bigint('response_due_at', { mode: 'number' }),
    responseLeftMs: bigint('response_left_ms', { mode: 'number' }),
    responseMet: smallint('response_met'),
    responseBreachedAt: bigint('response_breached_at', { mode: 'number' }),
    resolutionTargetMs: bigint('resolution_target_ms', { mode: 'number' }).notNull().default(0),
    resolutionDueAt: bigint('resolution_due_at', { mode: 'number' }),
    resolutionLeftMs: bigint('resolution_left_ms', { mode: 'number' }),
    resolutionMet: smallint('resolution_met'),
    resolutionBreachedAt: bigint('resolution_breached_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    /** HQ-only: per field, the HLC stamp of the value the row holds (the highest seen). */
    clocks: jsonb('clocks').$type<Record<string, string>>().notNull().default({}),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const workOrderEventsMirror = mirror.table(
  'work_order_events',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    workOrderId: text('work_order_id').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
    userId: text('user_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    waitingReason: text('waiting_reason'),
    note: text('note').notNull().default(''),
    data: text('data').notNull().default('{}'),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const workOrderPartsMirror = mirror.table(
  'work_order_parts',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    workOrderId: text('work_order_id').notNull(),
    itemId: text('item_id').notNull(),
    areaId: text('area_id').notNull(),
    qty: bigint('qty', { mode: 'number' }).notNull(),
    lot: text('lot').notNull().default(''),
    moveSeq: bigint('move_seq', { mode: 'number' }).notNull(),
    reversesId: text('reverses_id'),
    at: bigint('at', { mode: 'number' }).notNull(),
    userId: text('user_id'),
    note: text('note').notNull().default(''),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const workOrderLabourMirror = mirror.table(
  'work_order_labour',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    workOrderId: text('work_order_id').notNull(),
    userId: text('user_id'),
    day: text('day').notNull(),
    minutes: bigint('minutes', { mode: 'number' }).notNull(),
    rate: bigint('rate', { mode: 'number' }).notNull(),
    cost: bigint('cost', { mode: 'number' }).notNull(),
    reversesId: text('reverses_id'),
    note: text('note').notNull().default(''),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by'),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const vendorInvoicesMirror = mirror.table(
  'vendor_invoices',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    workOrderId: text('work_order_id').notNull(),
    vendorId: text('vendor_id').notNull(),
    invoiceNo: text('invoice_no').notNull(),
    day: text('day').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    reversesId: text('reverses_id'),
    note: text('note').notNull().default(''),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by'),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const checklistResultsMirror = mirror.table(
  'checklist_results',
  {
    storeId: text('store_id').notNull(),
    id: text('id').notNull(),
    workOrderId: text('work_order_id').notNull(),
    itemKey: text('item_key').notNull(),
    passed: smallint('passed'),
    reading: bigint('reading', { mode: 'number' }),
    note: text('note').notNull().default(''),
    at: bigint('at', { mode: 'number' }).notNull(),
    userId: text('user_id'),
    ...received,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);
