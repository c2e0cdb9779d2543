import * as z from '../lazy-zod';
import { Id, IsoTime } from '../common';
import { mutation, query } from '../contract';
import { RepairSettings } from '../../repairs/settings';
import { TypedQty } from './ops';
import { pmMethods } from './pm';
import { repairReportMethods } from './repair-reports';
import {
  Assignee,
  AttachmentMeta,
  CodeName,
  FaultCodeRow,
  FileUpload,
  Priority,
  Text,
  UserAction,
  WaitingReason,
  WoKind,
  WoStatus,
  WorkOrderDetail,
  WorkOrderRow,
} from './repairs-dto';
import { DayText, Money, STOCK_QUERIES } from './stock';

/**
 * Repair requests and work orders: one flow, one record. Anyone signed in
 * reports a fault (from the equipment's QR label in four taps: scan, fault,
 * down or not, send); the maintenance side triages, assigns, works and
 * resolves it; the store confirms. Every step goes through `repairs.transition`
 * and the state machine in src-shared/repairs/workflow.ts.
 */

/** Queries a change to a work order makes stale. */
export const WO_QUERIES = [
  'repairs.list',
  'repairs.get',
  'repairs.knowledge',
  'repairs.suggestAssignees',
  'equipment.registry',
  'equipment.get',
  'equipment.resolveQr',
  'technicians.list',
  'vendors.list',
  'pm.schedule',
] as const;
const WORKERS = ['technician', 'manager', 'admin'] as const;
/** Who takes parts from stock for a work order (clerks hand them out of the store room). */
const PARTS = ['technician', 'clerk', 'manager', 'admin'] as const;

const Minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export const repairsCoreMethods = {
  /** What the repair screens pick from: fault codes, resolution and root-cause codes, people, vendors, settings. */
  'repairs.pickers': query({
    input: z.object({}),
    output: z.object({
      faultCodes: z.array(FaultCodeRow),
      resolutionCodes: z.array(CodeName),
      rootCauseCodes: z.array(CodeName),
      categories: z.array(z.string()),
      technicians: z.array(z.object({ userId: Id, displayName: z.string() })),
      vendors: z.array(z.object({ id: Id, code: z.string(), name: z.string() })),
      settings: RepairSettings,
      timezone: z.string(),
    }),
    access: 'any',
  }),
  /**
   * Reports a fault. `equipment` is the equipment's id, its code, or the
   * scanned QR payload (`EQ:<code>`). The priority is suggested from the
   * equipment's criticality and the down flag; a manager or admin may give
   * another one. Photos are checked (PNG/JPEG, 2 MB each) before anything is written; two per call
   * keep a request under the HTTP host's 8 MB body limit (more go through repairs.attach).
   */
  'repairs.report': mutation({
    input: z.object({
      equipment: z.string().trim().min(1).max(200),
      faultCode: z.string().trim().min(1).max(32),
      down: z.boolean(),
      description: Text(2000).default(''),
      photos: z.array(FileUpload).max(2).default([]),
      priority: Priority.nullish(),
    }),
    output: WorkOrderDetail,
    access: 'any',
    invalidates: WO_QUERIES,
  }),
  /**
   * Work orders. 'open': not closed or cancelled (the maintenance list);
   * 'active': work still to do; 'mine': reported by the caller (following
   * one's requests); 'assigned': assigned to the caller; 'all': every one,
   * newest first, paged (pass nextCursor back). Open lists are ordered by
   * priority, then the resolution due time.
   */
  'repairs.list': query({
    input: z.object({
      scope: z.enum(['open', 'active', 'mine', 'assigned', 'all']).default('open'),
      status: z.array(WoStatus).max(9).nullish(),
      kind: WoKind.nullish(),
      priority: Priority.nullish(),
      equipmentId: Id.nullish(),
      category: z.string().max(40).nullish(),
      /** Reported on or after / on or before these business days. */
      from: DayText.nullish(),
      to: DayText.nullish(),
      limit: z.number().int().min(1).max(5000).default(1000),
      cursor: z.string().max(80).nullish(),
    }),
    output: z.object({ rows: z.array(WorkOrderRow), nextCursor: z.string().nullable() }),
    access: 'any',
  }),
  /** One work order with its events, files, parts, labour, invoices, checklist, costs, SLA clocks and the caller's possible actions. */
  'repairs.get': query({
    input: z.object({ id: Id }),
    output: WorkOrderDetail,
    access: 'any',
  }),
  /**
   * Moves a work order through its lifecycle (or records a priority change or
   * a comment). What each action needs: assign -> assignee; wait -> reason;
   * resolve -> resolution text, resolution and root-cause codes (and whether
   * the equipment runs again, default yes); triage/prioritize -> optional
   * priority and fault code; reopen -> whether the equipment is down again.
   * A note is optional except for cancel and reopen. Illegal transitions are
   * refused with a message naming the current state and the action.
   */
  'repairs.transition': mutation({
    input: z.object({
      id: Id,
      action: UserAction,
      note: Text(2000).default(''),
      priority: Priority.nullish(),
      faultCode: z.string().trim().max(32).nullish(),
      assignee: Assignee.nullish(),
      waitingReason: WaitingReason.nullish(),
      resolution: z
        .object({
          text: Text(2000).min(1),
          resolutionCode: z.string().trim().min(1).max(30),
          rootCauseCode: z.string().trim().min(1).max(30),
          equipmentUp: z.boolean().default(true),
        })
        .nullish(),
      down: z.boolean().nullish(),
    }),
    output: WorkOrderDetail,
    access: 'any',
    invalidates: WO_QUERIES,
  }),
  /** Adds photos to a work order at any time (PNG/JPEG, 2 MB each). */
  'repairs.attach': mutation({
    input: z.object({ id: Id, photos: z.array(FileUpload).min(1).max(2) }),
    output: z.array(AttachmentMeta),
    access: 'any',
    invalidates: WO_QUERIES,
  }),
  /**
   * Spare parts from store stock: one 'maintenance' movement per line through
   * the ledger (the negative-stock setting applies; the cost is the moving
   * average at that moment), linked to the work order.
   */
  'repairs.useParts': mutation({
    input: z.object({
      id: Id,
      areaId: Id,
      lines: z
        .array(z.object({ itemId: Id, ...TypedQty, lot: z.string().trim().max(40).optional() }))
        .min(1)
        .max(50),
      note: Text(500).optional(),
    }),
    output: WorkOrderDetail,
    access: PARTS,
    invalidates: [...WO_QUERIES, ...STOCK_QUERIES],
  }),
  /** Puts a part line back into stock: a reversing ledger entry at the cost it left with. */
  'repairs.returnPart': mutation({
    input: z.object({ partId: Id, note: Text(200).min(1) }),
    output: WorkOrderDetail,
    access: PARTS,
    invalidates: [...WO_QUERIES, ...STOCK_QUERIES],
  }),
  /** Labour time of a technician (default: the caller) at their hourly rate (or the store's). */
  'repairs.logLabour': mutation({
    input: z.object({
      id: Id,
      userId: Id.nullish(),
      minutes: Minutes,
      day: DayText.nullish(),
      note: Text(500).default(''),
    }),
    output: WorkOrderDetail,
    access: WORKERS,
    invalidates: WO_QUERIES,
  }),
  /** Cancels a labour line with a reversing line. */
  'repairs.voidLabour': mutation({
    input: z.object({ labourId: Id, note: Text(200).min(1) }),
    output: WorkOrderDetail,
    access: WORKERS,
    invalidates: WO_QUERIES,
  }),
  'repairs.addInvoice': mutation({
    input: z.object({
      id: Id,
      vendorId: Id,
      invoiceNo: Text(40).min(1),
      day: DayText,
      amount: Money.min(1).max(10_000_000_000_000),
      note: Text(500).default(''),
      /** A scan of the invoice: PDF up to 5 MB or PNG/JPEG up to 2 MB. */
      file: FileUpload.nullish(),
    }),
    output: WorkOrderDetail,
    access: ['manager', 'admin'],
    invalidates: WO_QUERIES,
  }),
  'repairs.voidInvoice': mutation({
    input: z.object({ invoiceId: Id, note: Text(200).min(1) }),
    output: WorkOrderDetail,
    access: ['manager', 'admin'],
    invalidates: WO_QUERIES,
  }),
  /**
   * How the same fault was fixed before on equipment of the same make and
   * model (this unit's own history first): the latest fixes and the most
   * common resolutions. Shown when a fault code is chosen.
   */
  'repairs.knowledge': query({
    input: z.object({ equipmentId: Id, faultCode: z.string().trim().min(1).max(32) }),
    output: z.object({
      total: z.number().int(),
      resolutions: z.array(CodeName.extend({ count: z.number().int() })),
      rootCauses: z.array(CodeName.extend({ count: z.number().int() })),
      history: z.array(
        z.object({
          workOrderId: Id,
          number: z.string(),
          equipmentCode: z.string(),
          sameEquipment: z.boolean(),
          reportedAt: IsoTime,
          resolvedAt: IsoTime,
          repairMinutes: z.number().int(),
          resolution: z.string(),
          resolutionCode: z.string(),
          rootCauseCode: z.string(),
          parts: z.array(z.object({ itemCode: z.string(), nameZh: z.string(), nameEn: z.string() })),
          labourMinutes: z.number().int(),
          cost: Money,
        }),
      ),
    }),
    access: 'any',
  }),
  /**
   * Who could take the work order: technicians ranked by skill (the
   * equipment's category), availability and open load; vendors covering the
   * category (the equipment's own service vendor first) with contact and contract.
   */
  'repairs.suggestAssignees': query({
    input: z.object({ id: Id }),
    output: z.object({
      technicians: z.array(
        z.object({
          userId: Id,
          displayName: z.string(),
          skilled: z.boolean(),
          available: z.boolean(),
          awayUntil: DayText.nullable(),
          openLoad: z.number().int(),
          score: z.number().int(),
        }),
      ),
      vendors: z.array(
        z.object({
          id: Id,
          code: z.string(),
          name: z.string(),
          contact: z.string(),
          phone: z.string(),
          email: z.string(),
          contractNo: z.string(),
          contractEnd: DayText.nullable(),
          contractActive: z.boolean(),
          contractTerms: z.string(),
          covers: z.boolean(),
          servicesEquipment: z.boolean(),
          openWorkOrders: z.number().int(),
        }),
      ),
    }),
    access: WORKERS,
  }),
} as const;

/** Every repairs and maintenance method but the equipment's own (methods/equipment.ts). */
export const repairMethods = {
  ...repairsCoreMethods,
  ...pmMethods,
  ...repairReportMethods,
} as const;
