import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import { mergeStamped, type Stamped } from '../../../src-shared/sync/merge';
import type { HqContext } from '../../context';
import type { Q } from '../../db/client';
import { mirrorSpec } from '../../db/columns';
import { appendChanges } from '../master/change-log';
import { lockWorkOrders, recordFieldValues, saveWorkOrders, type FieldValue } from '../sync/shared-records';
import { valueProblem, type WireRow, type WireValue } from '../sync/wire';

/** Fields HQ's maintenance team may set directly on a store's work order (workflow steps: ../repairs/act.ts). */
export const HQ_WORK_ORDER_FIELDS = [
  'priority',
  'assignee_user_id',
  'vendor_id',
  'description',
  'fault_code',
  'resolution',
  'resolution_code',
  'root_cause_code',
] as const;
export type HqWorkOrderField = (typeof HQ_WORK_ORDER_FIELDS)[number];

export class WorkOrderEditError extends Error {
  constructor(
    readonly reason: 'notFound' | 'badValue',
    message: string,
  ) {
    super(message);
    this.name = 'WorkOrderEditError';
  }
}

/** HQ's step on a store's work order, as its event records it (the store's timeline shows it marked as HQ's). */
export interface HqWoEvent {
  /** A workflow action (assign, close, ...) or field_set for a plain edit. */
  action: string;
  note: string;
  userId: string | null;
  /** The HQ user's name: the store cannot look HQ's users up. */
  userName?: string;
  /** What the step changed, in the shapes the store's own events use (priority, assignee, resolution). */
  data?: Record<string, unknown>;
}

/**
 * An edit at HQ of a store's work order: each field stamped with HQ's clock
 * and merged by the same rule as the stores' edits, an event appended, and
 * both logged for that store to pull. What goes down is the key and the
 * stamped fields with their stamps, never the store's own derived columns
 * (HQ's copy of those may be older than the store's).
 */
export async function editWorkOrder(
  ctx: HqContext,
  tx: Q,
  input: {
    storeId: string;
    workOrderId: string;
    fields: Partial<Record<HqWorkOrderField, WireValue>>;
    userId: string | null;
    note?: string;
  },
): Promise<WireRow> {
  const current = (await lockWorkOrders(tx, input.storeId, [input.workOrderId])).get(input.workOrderId);
  if (!current) throw new WorkOrderEditError('notFound', 'no such work order at this store');
  return stampedEdit(ctx, tx, input.storeId, current, input.fields, {
    action: 'field_set',
    note: input.note ?? '',
    userId: input.userId,
  });
}

/**
 * Writes `fields` onto a work order HQ holds (locked by the caller with
 * lockWorkOrders), stamped and merged, with its event, and logs both for the
 * store. A workflow step passes `status` among the fields: the caller has
 * checked it against the store's workflow table (src-shared/repairs/workflow.ts).
 */
export async function stampedEdit(
  ctx: HqContext,
  tx: Q,
  storeId: string,
  current: Stamped,
  fields: Record<string, WireValue>,
  e: HqWoEvent,
): Promise<WireRow> {
  const now = ctx.now();
  const spec = mirrorSpec('work_orders')!;
  for (const [f, v] of Object.entries(fields)) {
    const column = spec.columns.get(f);
    if (!column || f === 'id' || f === 'store_id') throw new WorkOrderEditError('badValue', `${f} is not a field`);
    const problem = valueProblem(column, v);
    if (problem) throw new WorkOrderEditError('badValue', problem);
  }
  const workOrderId = current.row.id as string;
  const stamp = ctx.clock.now();
  const clocks = Object.fromEntries(Object.keys(fields).map((f) => [f, stamp]));
  const merged = mergeStamped(current, { row: { ...fields } as WireRow, clocks }, ['store_id', 'id']);
  await saveWorkOrders(tx, [{ row: merged.row, clocks: merged.clocks, seq: 0 }], now);
  const values: FieldValue[] = Object.entries(fields).map(([field, value]) => ({
    store_id: storeId,
    work_order_id: workOrderId,
    field,
    clock: stamp,
    value: value ?? null,
    source: 'hq',
    applied: merged.applied.includes(field),
    at: now,
  }));
  await recordFieldValues(tx, values);

  const event: WireRow = {
    id: uuidv7(now),
    work_order_id: workOrderId,
    at: now,
    user_id: e.userId,
    action: e.action,
    from_status: current.row.status as string,
    to_status: merged.row.status as string,
    waiting_reason: (merged.row.waiting_reason as string | null) ?? null,
    note: e.note,
    data: JSON.stringify({ ...e.data, by: 'hq', hqUser: e.userName ?? null, fields, clock: stamp }),
  };
  await tx.execute(sql`
    INSERT INTO mirror.work_order_events
    SELECT * FROM json_populate_recordset(NULL::mirror.work_order_events,
      ${JSON.stringify([{ ...event, store_id: storeId, hq_seq: 0, hq_received_at: now }])}::json)`);

  const down: WireRow = { id: workOrderId, store_id: storeId };
  for (const f of Object.keys(merged.clocks)) down[f] = merged.row[f] ?? null;
  await appendChanges(
    tx,
    [
      { tbl: 'work_orders', rowKey: workOrderId, storeId, op: 'upsert', data: down, clocks: merged.clocks },
      { tbl: 'work_order_events', rowKey: event.id as string, storeId, op: 'upsert', data: event },
    ],
    now,
  );
  return merged.row;
}
