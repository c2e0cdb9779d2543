import * as z from '../lazy-zod';
import { Id, IsoTime } from '../common';
import { INTERVAL_KINDS } from '../../repairs/pm-schedule';
import { CRITICALITIES, PRIORITIES } from '../../repairs/settings';
import { USER_ACTIONS, WAITING_REASONS, WO_ACTIONS, WO_STATES } from '../../repairs/workflow';
import { DayText, Money, Qty } from './stock';

/**
 * Shared shapes of the repairs and maintenance API. Money in ten-thousandths
 * of the currency, quantities in thousandths of the base unit, meter values in
 * thousandths of an hour, durations in whole minutes, instants as ISO UTC
 * strings (the screens show them in the store's time zone).
 */
export const Priority = z.enum(PRIORITIES);
export const Criticality = z.enum(CRITICALITIES);
export const WoStatus = z.enum(WO_STATES);
export const WoAction = z.enum(WO_ACTIONS);
export const UserAction = z.enum(USER_ACTIONS);
export const WaitingReason = z.enum(WAITING_REASONS);
export const WoKind = z.enum(['corrective', 'preventive']);
export const IntervalKind = z.enum(INTERVAL_KINDS);
/** Stable category keys ('refrigeration', 'cooking'): the same vocabulary across the chain. */
export const EquipmentCategory = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9 &_.-]*$/, { message: 'repairs.v.category' });
export const FaultCode = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Z0-9][A-Z0-9_-]*$/, { message: 'repairs.v.faultCode' });
export const Text = (max: number) => z.string().trim().max(max);
/** A photo or document as sent by a screen: file name and base64 content (a data: URL prefix is accepted). */
export const FileUpload = z.object({
  fileName: z.string().trim().min(1).max(200),
  dataBase64: z.string().max(7_000_000),
});
export const Meter = z.number().int().min(0).max(1_000_000_000_000);

export const AttachmentMeta = z.object({
  id: Id,
  fileName: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  createdAt: IsoTime,
  createdBy: z.string().nullable(),
});

/** An SLA clock as of the call (see src-shared/repairs/sla.ts): 'none' when it does not apply. */
export const ClockDto = z.object({
  state: z.enum(['none', 'running', 'paused', 'stopped']),
  targetMinutes: z.number().int(),
  /** Running: when it breaches if nothing pauses it. */
  dueAt: IsoTime.nullable(),
  /** Negative once breached. */
  leftMinutes: z.number().int(),
  breached: z.boolean(),
  breachedAt: IsoTime.nullable(),
  warning: z.boolean(),
  /** Stopped: whether the target was kept. */
  met: z.boolean().nullable(),
});

export const FaultCodeRow = z.object({
  code: z.string(),
  category: z.string(),
  /** null for a group; a symptom's group otherwise. */
  parentCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** Work orders that name the code: while above zero it cannot be deleted or moved. */
  uses: z.number().int(),
});

export const CodeName = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const Assignee = z.union([z.object({ userId: Id }), z.object({ vendorId: Id })]);

export const WorkOrderRow = z.object({
  id: Id,
  number: z.string(),
  kind: WoKind,
  status: WoStatus,
  waitingReason: WaitingReason.nullable(),
  priority: Priority,
  equipmentId: Id,
  equipmentCode: z.string(),
  equipmentName: z.string(),
  category: z.string(),
  location: z.string(),
  criticality: Criticality,
  faultCode: z.string(),
  faultNameZh: z.string(),
  faultNameEn: z.string(),
  /** The first 200 characters. */
  description: z.string(),
  down: z.boolean(),
  reportedAt: IsoTime,
  reportedBy: z.string().nullable(),
  reportedById: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  vendorId: z.string().nullable(),
  vendorName: z.string().nullable(),
  /** Whole hours since the report. */
  ageHours: z.number().int(),
  /** SLA clocks: reported -> first response, reported -> resolved. */
  responseClock: ClockDto,
  resolutionClock: ClockDto,
  resolvedAt: IsoTime.nullable(),
  /** Preventive: the due day of this cycle and whether it has passed unresolved. */
  pmDueDay: DayText.nullable(),
  pmOverdue: z.boolean(),
  photos: z.number().int(),
  updatedAt: IsoTime,
});
export type WorkOrderRow = z.output<typeof WorkOrderRow>;

export const WoEventDto = z.object({
  id: Id,
  at: IsoTime,
  userId: z.string().nullable(),
  /** null: the system. */
  userName: z.string().nullable(),
  /** field_set: an edit made at HQ (its fields and stamp in `data`), merged into this store's copy by sync. */
  action: WoAction.or(z.enum(['report', 'field_set'])),
  from: WoStatus.nullable(),
  to: WoStatus,
  waitingReason: WaitingReason.nullable(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const PartDto = z.object({
  id: Id,
  itemId: Id,
  itemCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  baseUnit: z.string(),
  areaId: Id,
  areaCode: z.string(),
  lot: z.string(),
  /** Positive when taken, negative on a return row. */
  qty: Qty,
  /** Cost from the ledger: positive when taken, negative on a return row. */
  cost: Money,
  moveSeq: z.number().int(),
  reversesId: z.string().nullable(),
  /** A taken line that was returned since. */
  returned: z.boolean(),
  at: IsoTime,
  userName: z.string().nullable(),
  note: z.string(),
});

export const LabourDto = z.object({
  id: Id,
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  day: DayText,
  minutes: z.number().int(),
  rate: Money,
  cost: Money,
  reversesId: z.string().nullable(),
  voided: z.boolean(),
  note: z.string(),
  createdAt: IsoTime,
});

export const InvoiceDto = z.object({
  id: Id,
  vendorId: Id,
  vendorName: z.string(),
  invoiceNo: z.string(),
  day: DayText,
  amount: Money,
  reversesId: z.string().nullable(),
  voided: z.boolean(),
  note: z.string(),
  attachmentId: z.string().nullable(),
  createdAt: IsoTime,
});

export const ChecklistItem = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, { message: 'repairs.v.checkKey' }),
  label: Text(120).min(1),
  kind: z.enum(['check', 'reading']),
  /** Reading items: the unit shown ('°C', 'bar') and the accepted range in thousandths (outside = fail). */
  unit: Text(10).default(''),
  min: z.number().int().nullish(),
  max: z.number().int().nullish(),
});
export type ChecklistItem = z.output<typeof ChecklistItem>;

export const ChecklistLine = ChecklistItem.extend({
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  result: z
    .object({
      passed: z.boolean().nullable(),
      reading: z.number().int().nullable(),
      note: z.string(),
      at: IsoTime,
      userName: z.string().nullable(),
    })
    .nullable(),
});

export const Costs = z.object({
  parts: Money,
  labour: Money,
  labourMinutes: z.number().int(),
  vendor: Money,
  total: Money,
});

export const WorkOrderDetail = WorkOrderRow.extend({
  description: z.string(),
  suggestedPriority: Priority,
  make: z.string(),
  model: z.string(),
  serialNo: z.string(),
  warrantyEnd: DayText.nullable(),
  underWarranty: z.boolean(),
  downStart: IsoTime.nullable(),
  upAt: IsoTime.nullable(),
  respondedAt: IsoTime.nullable(),
  confirmedAt: IsoTime.nullable(),
  closedAt: IsoTime.nullable(),
  cancelledAt: IsoTime.nullable(),
  resolution: z.string(),
  resolutionCode: z.string(),
  resolutionNameZh: z.string(),
  resolutionNameEn: z.string(),
  rootCauseCode: z.string(),
  rootCauseNameZh: z.string(),
  rootCauseNameEn: z.string(),
  reopenCount: z.number().int(),
  /** Resolved: when it will be confirmed automatically. */
  autoConfirmAt: IsoTime.nullable(),
  /** Resolved, confirmed or closed: the last moment it may be reopened. */
  reopenUntil: IsoTime.nullable(),
  pmPlanId: z.string().nullable(),
  pmPlanName: z.string().nullable(),
  pmDueMeter: Meter.nullable(),
  events: z.array(WoEventDto),
  attachments: z.array(AttachmentMeta),
  parts: z.array(PartDto),
  labour: z.array(LabourDto),
  invoices: z.array(InvoiceDto),
  checklist: z.array(ChecklistLine),
  costs: Costs,
  /** What the caller may do now (buttons), from the state machine. */
  allowedActions: z.array(UserAction),
  /** Parts, labour and invoices may be added now. */
  canAddCosts: z.boolean(),
});
export type WorkOrderDetail = z.output<typeof WorkOrderDetail>;

export const EquipmentRow = z.object({
  id: Id,
  code: z.string(),
  /** What the QR label encodes; `equipment.resolveQr` turns it back into this equipment. */
  qrPayload: z.string(),
  name: z.string(),
  category: z.string(),
  location: z.string(),
  make: z.string(),
  model: z.string(),
  serialNo: z.string(),
  supplierId: z.string().nullable(),
  supplierName: z.string().nullable(),
  vendorId: z.string().nullable(),
  vendorName: z.string().nullable(),
  installDay: DayText.nullable(),
  warrantyEnd: DayText.nullable(),
  underWarranty: z.boolean(),
  criticality: Criticality,
  active: z.boolean(),
  note: z.string(),
  openWorkOrders: z.number().int(),
  lastFailureAt: IsoTime.nullable(),
  attachments: z.number().int(),
  updatedAt: IsoTime,
});
export type EquipmentRow = z.output<typeof EquipmentRow>;

export const PmPlanRow = z.object({
  id: Id,
  name: z.string(),
  equipmentId: z.string().nullable(),
  equipmentCode: z.string().nullable(),
  equipmentName: z.string().nullable(),
  category: z.string().nullable(),
  /** Active equipment the plan covers. */
  equipmentCount: z.number().int(),
  intervalKind: IntervalKind,
  interval: z.number().int(),
  leadDays: z.number().int(),
  leadMeter: Meter,
  startDay: DayText,
  startMeter: Meter,
  checklist: z.array(ChecklistItem.extend({ min: z.number().int().nullable(), max: z.number().int().nullable() })),
  priority: Priority,
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  vendorId: z.string().nullable(),
  vendorName: z.string().nullable(),
  active: z.boolean(),
  note: z.string(),
  updatedAt: IsoTime,
});

export const Period = z
  .object({ from: DayText, to: DayText })
  .refine((p) => p.from <= p.to, { message: 'repairs.v.period', path: ['to'] });
