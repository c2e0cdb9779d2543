import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import { mergeStamped } from '../../../src-shared/sync/merge';
import type { HqContext } from '../../context';
import type { Q } from '../../db/client';
import { mirrorSpec } from '../../db/columns';
import { appendChanges } from '../master/change-log';
import { lockWorkOrders, recordFieldValues, saveWorkOrders, type FieldValue } from '../sync/shared-records';
import { valueProblem, type WireRow, type WireValue } from '../sync/wire';

/** Fields HQ's maintenance team sets on a store's work order (status changes go through the workflow, later). */
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
  const now = ctx.now();
  const spec = mirrorSpec('work_orders')!;
  for (const [f, v] of Object.entries(input.fields)) {
    const problem = valueProblem(spec.columns.get(f)!, v);
    if (problem) throw new WorkOrderEditError('badValue', problem);
  }
  const current = (await lockWorkOrders(tx, input.storeId, [input.workOrderId])).get(input.workOrderId);
  if (!current) throw new WorkOrderEditError('notFound', 'no such work order at this store');
  const stamp = ctx.clock.now();
  const clocks = Object.fromEntries(Object.keys(input.fields).map((f) => [f, stamp]));
  const merged = mergeStamped(current, { row: { ...input.fields } as WireRow, clocks }, ['store_id', 'id']);
  await saveWorkOrders(tx, [{ row: merged.row, clocks: merged.clocks, seq: 0 }], now);
  const values: FieldValue[] = Object.entries(input.fields).map(([field, value]) => ({
    store_id: input.storeId,
    work_order_id: input.workOrderId,
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
    work_order_id: input.workOrderId,
    at: now,
    user_id: input.userId,
    action: 'field_set',
    from_status: merged.row.status as string,
    to_status: merged.row.status as string,
    waiting_reason: (merged.row.waiting_reason as string | null) ?? null,
    note: input.note ?? '',
    data: JSON.stringify({ by: 'hq', fields: input.fields, clock: stamp }),
  };
  await tx.execute(sql`
    INSERT INTO mirror.work_order_events
    SELECT * FROM json_populate_recordset(NULL::mirror.work_order_events,
      ${JSON.stringify([{ ...event, store_id: input.storeId, hq_seq: 0, hq_received_at: now }])}::json)`);

  const down: WireRow = { id: input.workOrderId, store_id: input.storeId };
  for (const f of Object.keys(merged.clocks)) down[f] = merged.row[f] ?? null;
  await appendChanges(
    tx,
    [
      {
        tbl: 'work_orders',
        rowKey: input.workOrderId,
        storeId: input.storeId,
        op: 'upsert',
        data: down,
        clocks: merged.clocks,
      },
      { tbl: 'work_order_events', rowKey: event.id as string, storeId: input.storeId, op: 'upsert', data: event },
    ],
    now,
  );
  return merged.row;
}
