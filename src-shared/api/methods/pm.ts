import * as z from '../lazy-zod';
import { Id, IsoTime } from '../common';
import { mutation, query } from '../contract';
import {
  Assignee,
  ChecklistItem,
  ChecklistLine,
  EquipmentCategory,
  IntervalKind,
  Meter,
  PmPlanRow,
  Priority,
  Text,
  WoStatus,
} from './repairs-dto';
import { DayText } from './stock';

/**
 * Preventive maintenance: plans per equipment or per category, by calendar
 * (every N days, weeks or months) or by run hours; work orders generated
 * `lead` ahead of the due date (src-shared/repairs/pm-schedule.ts), with the
 * plan's checklist; meter readings that never go backwards.
 */
const PLANNERS = ['manager', 'admin'] as const;
const WORKERS = ['technician', 'manager', 'admin'] as const;
const PM_QUERIES = ['pm.plans', 'pm.schedule', 'repairs.list', 'repairs.get', 'equipment.get'] as const;

export const PmPlanInput = z
  .object({
    id: Id.nullish(),
    name: Text(80).min(1),
    /** One of equipmentId (one unit) or category (every active unit of it). */
    equipmentId: Id.nullish(),
    category: EquipmentCategory.nullish(),
    intervalKind: IntervalKind,
    /** Days, weeks or months; run hours for meter plans. */
    interval: z.number().int().min(1).max(100_000),
    leadDays: z.number().int().min(0).max(90).default(7),
    /** Meter plans: generate this many run hours (thousandths) ahead. */
    leadMeter: Meter.default(0),
    /** Calendar plans: the first due day. */
    startDay: DayText,
    /** Meter plans: the reading the intervals count from (first due at start + interval). */
    startMeter: Meter.default(0),
    checklist: z.array(ChecklistItem).max(50).default([]),
    priority: Priority.default('normal'),
    assignee: Assignee.nullish(),
    active: z.boolean().default(true),
    note: Text(500).default(''),
  })
  .refine((p) => !!p.equipmentId !== !!p.category, { message: 'repairs.v.planTarget', path: ['equipmentId'] })
  .refine((p) => new Set(p.checklist.map((c) => c.key)).size === p.checklist.length, {
    message: 'repairs.v.checkKeys',
    path: ['checklist'],
  });

export const ScheduleRow = z.object({
  planId: Id,
  planName: z.string(),
  equipmentId: Id,
  equipmentCode: z.string(),
  equipmentName: z.string(),
  intervalKind: IntervalKind,
  /** Calendar: the due day; meter: the estimated day (null when the meter does not move). */
  dueDay: DayText.nullable(),
  dueMeter: Meter.nullable(),
  lastReading: Meter.nullable(),
  /** scheduled: not generated yet; open: a work order exists and is not done; overdue: open past its due. */
  status: z.enum(['scheduled', 'open', 'overdue']),
  workOrderId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  workOrderStatus: WoStatus.nullable(),
  lastDoneDay: DayText.nullable(),
});

export const pmMethods = {
  'pm.plans': query({
    input: z.object({ equipmentId: Id.nullish(), includeInactive: z.boolean().default(false) }),
    output: z.array(PmPlanRow),
    access: 'any',
  }),
  'pm.savePlan': mutation({
    input: PmPlanInput,
    output: PmPlanRow,
    access: PLANNERS,
    invalidates: PM_QUERIES,
  }),
  /**
   * Per plan and equipment: the next service, its work order if generated,
   * and whether it is overdue. Generates what is due first (idempotent).
   */
  'pm.schedule': query({
    input: z.object({ equipmentId: Id.nullish() }),
    output: z.array(ScheduleRow),
    access: 'any',
  }),
  /** Generates the preventive work orders due within their lead time (idempotent; also runs on a timer). */
  'pm.generateDue': mutation({
    input: z.object({}),
    output: z.object({ created: z.number().int(), numbers: z.array(z.string()) }),
    access: WORKERS,
    invalidates: PM_QUERIES,
  }),
  /** A run-hour reading (thousandths of an hour); one lower than an earlier reading is refused. */
  'pm.recordReading': mutation({
    input: z.object({ equipmentId: Id, value: Meter, readAt: IsoTime.nullish(), note: Text(200).default('') }),
    output: z.object({ id: Id, value: Meter, readAt: IsoTime }),
    access: 'any',
    invalidates: [...PM_QUERIES, 'pm.readings'],
  }),
  /** Readings from a meter export or a sheet, all or nothing; errors name the row. */
  'pm.importReadings': mutation({
    input: z.object({
      rows: z
        .array(z.object({ equipmentCode: z.string().trim().min(1).max(32), value: Meter, readAt: IsoTime }))
        .min(1)
        .max(5000),
    }),
    output: z.object({ imported: z.number().int() }),
    access: WORKERS,
    invalidates: [...PM_QUERIES, 'pm.readings'],
  }),
  'pm.readings': query({
    input: z.object({ equipmentId: Id, limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.array(
      z.object({
        id: Id,
        value: Meter,
        readAt: IsoTime,
        source: z.enum(['manual', 'import']),
        note: z.string(),
        userName: z.string().nullable(),
      }),
    ),
    access: 'any',
  }),
  /**
   * Checklist answers of a work order: pass/fail for checks, a reading
   * (thousandths of the unit) for readings; a reading outside the item's range
   * is a fail. Answers may be changed until the work order is resolved.
   */
  'pm.saveChecklist': mutation({
    input: z.object({
      workOrderId: Id,
      results: z
        .array(
          z.object({
            key: z.string().trim().min(1).max(30),
            passed: z.boolean().nullish(),
            reading: z.number().int().nullish(),
            note: Text(500).default(''),
          }),
        )
        .min(1)
        .max(50),
    }),
    output: z.array(ChecklistLine),
    access: WORKERS,
    invalidates: ['repairs.get'],
  }),
} as const;
