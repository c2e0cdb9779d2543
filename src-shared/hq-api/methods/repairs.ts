import { z } from 'zod';
import { IsoTime, Ok } from '../../api/common';
import { PRIORITIES } from '../../repairs/settings';
import { WAITING_REASONS, WO_STATES } from '../../repairs/workflow';
import { hqMutation, hqQuery, WRITERS } from '../contract';
import { StoreId } from './stores';

/** What HQ's maintenance team may do to a store's work order: the store's workflow actions of the maintenance side. */
export const HQ_WO_ACTIONS = ['triage', 'assign', 'prioritize', 'comment', 'resolve', 'close'] as const;
export type HqWoAction = (typeof HQ_WO_ACTIONS)[number];

const WoId = z.string().min(1).max(80);
const Code = z.string().trim().min(1).max(32);
const Status = z.enum(WO_STATES);
const Priority = z.enum(PRIORITIES);

export const HqWoRowDto = z.object({
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  /** The store's IANA zone: its times are shown on its clock, as its staff saw them. */
  timeZone: z.string(),
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  status: Status,
  priority: Priority,
  equipmentId: z.string(),
  equipmentCode: z.string(),
  equipmentName: z.string(),
  category: z.string(),
  faultCode: z.string(),
  down: z.boolean(),
  reportedAt: IsoTime,
  /** When the fix is due by the store's SLA (null: no clock). */
  resolutionDueAt: IsoTime.nullable(),
  /** Not yet resolved and past its resolution due time. */
  overdue: z.boolean(),
  assigneeName: z.string().nullable(),
  vendorName: z.string().nullable(),
});
export type HqWoRowDto = z.infer<typeof HqWoRowDto>;

export const HqWoEventDto = z.object({
  id: z.string(),
  at: IsoTime,
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  waitingReason: z.enum(WAITING_REASONS).nullable(),
  note: z.string(),
  /** Who: a store user's name, or an HQ user's for HQ's own steps. */
  userName: z.string().nullable(),
  byHq: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});

const Named = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const HqWoDetailDto = z.object({
  row: HqWoRowDto,
  description: z.string(),
  resolution: z.string(),
  resolutionCode: z.string(),
  rootCauseCode: z.string(),
  assigneeUserId: z.string().nullable(),
  vendorId: z.string().nullable(),
  equipment: z.object({
    make: z.string(),
    model: z.string(),
    serialNo: z.string(),
    criticality: z.string(),
    warrantyEnd: z.string().nullable(),
  }),
  events: z.array(HqWoEventDto),
  /** What the caller may do now, by the store's workflow (empty for read-only roles). */
  allowedActions: z.array(z.enum(HQ_WO_ACTIONS)),
  /** Who may be assigned: the store's technicians and managers (replicated users), the chain's active vendors. */
  technicians: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string() })),
  vendors: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  faultCodes: z.array(Named),
  resolutionCodes: z.array(Named),
  rootCauseCodes: z.array(Named),
});
export type HqWoDetailDto = z.infer<typeof HqWoDetailDto>;

export const hqRepairMethods = {
  /** Every store's work orders in the caller's scope, overdue first, then by priority and age. */
  'repairs.list': hqQuery({
    input: z.object({
      // An array (not `storeId`): left empty it means every store in the caller's scope, which any scope may ask.
      storeIds: z.array(StoreId).max(200).default([]),
      status: z.array(Status).max(WO_STATES.length).default([]),
      /** Only work orders not closed or cancelled (the default view). */
      openOnly: z.boolean().default(true),
      priority: Priority.nullish(),
      overdue: z.boolean().default(false),
      category: z.string().max(40).nullish(),
      limit: z.number().int().min(1).max(2000).default(500),
    }),
    output: z.array(HqWoRowDto),
    access: 'any',
  }),
  'repairs.detail': hqQuery({
    input: z.object({ storeId: StoreId, workOrderId: WoId }),
    output: HqWoDetailDto,
    access: 'any',
    store: 'storeId',
  }),
  /**
   * One step of the store's workflow taken at HQ: checked against the work
   * order as HQ holds it, stamped with HQ's clock and logged for the store.
   */
  'repairs.act': hqMutation({
    input: z.object({
      storeId: StoreId,
      workOrderId: WoId,
      action: z.enum(HQ_WO_ACTIONS),
      note: z.string().trim().max(2000).default(''),
      priority: Priority.nullish(),
      faultCode: Code.nullish(),
      assignee: z
        .union([z.object({ userId: z.string().min(1).max(80) }), z.object({ vendorId: z.string().min(1).max(80) })])
        .nullish(),
      resolution: z
        .object({ text: z.string().trim().min(1).max(2000), resolutionCode: Code, rootCauseCode: Code })
        .nullish(),
    }),
    output: Ok,
    access: WRITERS.maintenance,
    store: 'storeId',
    invalidates: ['repairs.list', 'repairs.detail'],
  }),
} as const;
