import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items, users } from './core-refs';
import { storageAreas } from './inventory';
import { equipment } from './master';

/**
 * Repairs and maintenance: one data model for repair requests and the work
 * they cause, corrective and preventive. Times are UTC ms, business days
 * 'YYYY-MM-DD' in the store's zone, money ten-thousandths of the currency,
 * quantities thousandths of the base unit, meter values thousandths of an
 * hour. Ids are UUIDv7 made at the store.
 *
 * Replication (later): equipment, fault codes and vendors become HQ-owned
 * master data; work orders are edited at both ends (store reports and
 * confirms, HQ triages, assigns and closes), so they carry store_id and
 * updated_at, and everything that happens to them is an append-only child
 * row (events, parts, labour, invoices, checklist results) that never
 * conflicts. The work_orders row itself is a projection of its events.
 */

/** Outside service companies: contact, contract and the equipment categories they cover. */
export const serviceVendors = sqliteTable(
  'service_vendors',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    /** JSON array of equipment category keys. */
    categories: text('categories').notNull().default('[]'),
    contractNo: text('contract_no').notNull().default(''),
    contractStart: text('contract_start'),
    contractEnd: text('contract_end'),
    /** Response promised, call-out fee, what is included: free text from the contract. */
    contractTerms: text('contract_terms').notNull().default(''),
    hourlyRate: integer('hourly_rate').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('service_vendors_code_uq').on(t.code)],
);

/** The maintenance side of a user with the technician role: skills (equipment categories), availability, rate. */
export const technicians = sqliteTable('technicians', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  categories: text('categories').notNull().default('[]'),
  /** Away (leave, training) up to and including this business day. */
  awayUntil: text('away_until'),
  hourlyRate: integer('hourly_rate').notNull().default(0),
  note: text('note').notNull().default(''),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Fault codes, two levels per equipment category: a group ('REF-COOL',
 * cooling) and its symptoms ('REF-COOL-WARM', not cold enough). Reports pick
 * a symptom. Editable by admins; HQ-owned once replication exists.
 */
export const faultCodes = sqliteTable(
  'fault_codes',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    equipmentCategory: text('equipment_category').notNull(),
    /** null for a group, the group's code for a symptom. */
    parentCode: text('parent_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('fault_codes_code_uq').on(t.code),
    index('fault_codes_category_idx').on(t.equipmentCategory, t.parentCode),
  ],
);

export const WO_KINDS = ['corrective', 'preventive'] as const;

export const workOrders = sqliteTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** WO-2026-00001: the year of the store's business day and a running number within it. */
    number: text('number').notNull(),
    kind: text('kind', { enum: WO_KINDS }).notNull(),
    equipmentId: text('equipment_id')
      .notNull()
      .references(() => equipment.id),
    faultCode: text('fault_code').notNull().default(''),
    description: text('description').notNull().default(''),
    /** The equipment is out of service: [down_start, up_at) is its downtime (see src-shared/repairs/reliability.ts). */
    down: integer('down', { mode: 'boolean' }).notNull().default(false),
    downStart: integer('down_start'),
    upAt: integer('up_at'),
    priority: text('priority', { enum: ['urgent', 'high', 'normal', 'low'] }).notNull(),
    suggestedPriority: text('suggested_priority').notNull(),
    status: text('status').notNull(),
    waitingReason: text('waiting_reason'),
    assigneeUserId: text('assignee_user_id'),
    vendorId: text('vendor_id'),
    reportedBy: text('reported_by'),
    reportedAt: integer('reported_at').notNull(),
    respondedAt: integer('responded_at'),
    resolvedAt: integer('resolved_at'),
    confirmedAt: integer('confirmed_at'),
    closedAt: integer('closed_at'),
    cancelledAt: integer('cancelled_at'),
    resolution: text('resolution').notNull().default(''),
    /** reason_codes of kind 'repair_fix' and 'repair_cause'. */
    resolutionCode: text('resolution_code').notNull().default(''),
    rootCauseCode: text('root_cause_code').notNull().default(''),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** Preventive work orders: the plan, and the due day or meter value of this cycle ('2026-05-01' / 'M1500000'). */
    pmPlanId: text('pm_plan_id'),
    pmDueKey: text('pm_due_key'),
    pmDueDay: text('pm_due_day'),
    pmDueMeter: integer('pm_due_meter'),
    /** The plan's checklist as it was when the work order was generated (JSON array). */
    checklist: text('checklist').notNull().default('[]'),
    // SLA clocks as of the last event (src-shared/repairs/sla.ts storeClock); targets copied at report time.
    responseTargetMs: integer('response_target_ms').notNull().default(0),
    responseDueAt: integer('response_due_at'),
    responseLeftMs: integer('response_left_ms'),
    responseMet: integer('response_met', { mode: 'boolean' }),
    responseBreachedAt: integer('response_breached_at'),
    resolutionTargetMs: integer('resolution_target_ms').notNull().default(0),
    resolutionDueAt: integer('resolution_due_at'),
    resolutionLeftMs: integer('resolution_left_ms'),
    resolutionMet: integer('resolution_met', { mode: 'boolean' }),
    resolutionBreachedAt: integer('resolution_breached_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('work_orders_number_uq').on(t.number),
    // The open list (everything not closed or cancelled) reads only this index's rows.
    index('work_orders_open_idx')
      .on(t.status, t.reportedAt)
      .where(sql`status NOT IN ('closed', 'cancelled')`),
    index('work_orders_equipment_idx').on(t.equipmentId, t.reportedAt),
    index('work_orders_time_idx').on(t.reportedAt),
    index('work_orders_up_idx')
      .on(t.upAt, t.downStart)
      .where(sql`down = 1`),
    index('work_orders_fault_idx').on(t.faultCode, t.resolvedAt),
    index('work_orders_assignee_idx').on(t.assigneeUserId, t.status),
    index('work_orders_reporter_idx').on(t.reportedBy, t.reportedAt),
    uniqueIndex('work_orders_pm_uq').on(t.pmPlanId, t.equipmentId, t.pmDueKey),
  ],
);

/** Append-only: every transition, priority change and comment, with who and when. */
export const workOrderEvents = sqliteTable(
  'work_order_events',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    at: integer('at').notNull(),
    /** null: the system (auto-confirm). */
    userId: text('user_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    waitingReason: text('waiting_reason'),
    note: text('note').notNull().default(''),
    /** JSON: what the action set (assignee, priority, resolution codes, down flag). */
    data: text('data').notNull().default('{}'),
  },
  (t) => [index('work_order_events_wo_idx').on(t.workOrderId, t.at)],
);

/** Spare parts taken from stock for a work order: one 'maintenance' ledger movement each; a return reverses it. */
export const workOrderParts = sqliteTable(
  'work_order_parts',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    areaId: text('area_id')
      .notNull()
      .references(() => storageAreas.id),
    /** Positive when taken, negative on the return row. */
    qty: integer('qty').notNull(),
    lot: text('lot').notNull().default(''),
    /** stock_moves.seq of the movement (its value is the cost, from the ledger). */
    moveSeq: integer('move_seq').notNull(),
    reversesId: text('reverses_id'),
    at: integer('at').notNull(),
    userId: text('user_id'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('work_order_parts_wo_idx').on(t.workOrderId), uniqueIndex('work_order_parts_move_uq').on(t.moveSeq)],
);

/** Labour time; a correction is a reversing row (negative minutes). */
export const workOrderLabour = sqliteTable(
  'work_order_labour',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    userId: text('user_id'),
    day: text('day').notNull(),
    minutes: integer('minutes').notNull(),
    /** Per hour, as it was when logged. */
    rate: integer('rate').notNull(),
    cost: integer('cost').notNull(),
    reversesId: text('reverses_id'),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [index('work_order_labour_wo_idx').on(t.workOrderId)],
);

/** Outside vendors' invoices for a work order; a correction is a reversing row (negative amount). */
export const vendorInvoices = sqliteTable(
  'vendor_invoices',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    vendorId: text('vendor_id')
      .notNull()
      .references(() => serviceVendors.id),
    invoiceNo: text('invoice_no').notNull(),
    day: text('day').notNull(),
    amount: integer('amount').notNull(),
    reversesId: text('reverses_id'),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [index('vendor_invoices_wo_idx').on(t.workOrderId)],
);

/** Preventive-maintenance plans, for one piece of equipment or every active one of a category. */
export const pmPlans = sqliteTable(
  'pm_plans',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    equipmentId: text('equipment_id'),
    equipmentCategory: text('equipment_category'),
    intervalKind: text('interval_kind', { enum: ['days', 'weeks', 'months', 'meter'] }).notNull(),
    /** Days, weeks or months; for meter plans whole run hours. */
    interval: integer('interval').notNull(),
    leadDays: integer('lead_days').notNull().default(7),
    /** Meter plans: generate this many run hours (thousandths) ahead. */
    leadMeter: integer('lead_meter').notNull().default(0),
    startDay: text('start_day').notNull(),
    startMeter: integer('start_meter').notNull().default(0),
    checklist: text('checklist').notNull().default('[]'),
    priority: text('priority', { enum: ['urgent', 'high', 'normal', 'low'] })
      .notNull()
      .default('normal'),
    assigneeUserId: text('assignee_user_id'),
    vendorId: text('vendor_id'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('pm_plans_equipment_idx').on(t.equipmentId), index('pm_plans_category_idx').on(t.equipmentCategory)],
);

/** Run-hour meter readings, entered or imported; never lower than an earlier one. */
export const meterReadings = sqliteTable(
  'meter_readings',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    equipmentId: text('equipment_id')
      .notNull()
      .references(() => equipment.id),
    value: integer('value').notNull(),
    readAt: integer('read_at').notNull(),
    source: text('source', { enum: ['manual', 'import'] }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [index('meter_readings_equipment_idx').on(t.equipmentId, t.readAt)],
);

/** Checklist answers of a work order; append-only, the latest per item counts. */
export const checklistResults = sqliteTable(
  'checklist_results',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    itemKey: text('item_key').notNull(),
    passed: integer('passed', { mode: 'boolean' }),
    /** Thousandths of the item's unit (e.g. -18500 = -18.5 °C). */
    reading: integer('reading'),
    note: text('note').notNull().default(''),
    at: integer('at').notNull(),
    userId: text('user_id'),
  },
  (t) => [index('checklist_results_wo_idx').on(t.workOrderId, t.itemKey)],
);
