import * as z from '../lazy-zod';
import { Empty, Id, IsoTime } from '../common';
import { mutation, query } from '../contract';
import { Code } from './items';
import {
  AttachmentMeta,
  Costs,
  Criticality,
  EquipmentCategory,
  EquipmentRow,
  FaultCode,
  FaultCodeRow,
  FileUpload,
  Meter,
  PmPlanRow,
  Priority,
  Text,
  WorkOrderRow,
} from './repairs-dto';
import { DayText, Money } from './stock';

/**
 * Every equipment method, and the repairs master data around it: the equipment registry (with what a QR label needs),
 * fault codes, service vendors and technicians' skills. Equipment codes are
 * unique across the chain: a new code must start with the store's prefix
 * (store SH-001 -> SH001-), so stores can register equipment offline without
 * ever colliding.
 */
const EDITORS = ['manager', 'admin'] as const;
const REGISTRY = ['equipment.registry', 'equipment.get', 'equipment.list', 'equipment.resolveQr'] as const;

export const EquipmentInput = z.object({
  /** Absent: a new piece of equipment. The code of an existing one never changes. */
  id: Id.nullish(),
  code: Code,
  name: Text(80).min(1),
  category: EquipmentCategory,
  location: Text(80).default(''),
  make: Text(60).default(''),
  model: Text(60).default(''),
  serialNo: Text(60).default(''),
  supplierId: Id.nullish(),
  vendorId: Id.nullish(),
  installDay: DayText.nullish(),
  warrantyEnd: DayText.nullish(),
  criticality: Criticality.default('medium'),
  active: z.boolean().default(true),
  note: Text(500).default(''),
});

/** One piece of equipment as pickers and short lists show it. */
export const EquipmentDto = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  location: z.string(),
  make: z.string(),
  model: z.string(),
});

export const VendorRow = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  contact: z.string(),
  phone: z.string(),
  email: z.string(),
  categories: z.array(z.string()),
  contractNo: z.string(),
  contractStart: DayText.nullable(),
  contractEnd: DayText.nullable(),
  /** Today is inside the contract dates (a contract without dates counts as running). */
  contractActive: z.boolean(),
  contractTerms: z.string(),
  hourlyRate: Money,
  active: z.boolean(),
  note: z.string(),
  openWorkOrders: z.number().int(),
  updatedAt: IsoTime,
});

export const TechnicianRow = z.object({
  userId: Id,
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  categories: z.array(z.string()),
  awayUntil: DayText.nullable(),
  available: z.boolean(),
  hourlyRate: Money,
  note: z.string(),
  /** Work orders assigned to them that are not yet resolved. */
  openLoad: z.number().int(),
});

export const equipmentMethods = {
  /** Every piece of equipment by code, active or not (pickers, checks). */
  'equipment.list': query({ input: Empty, output: z.array(EquipmentDto), access: 'any' }),
  /** The registry with what the grid shows: open work orders, last failure, warranty. */
  'equipment.registry': query({
    input: z.object({
      category: z.string().max(40).nullish(),
      includeInactive: z.boolean().default(false),
    }),
    output: z.array(EquipmentRow),
    access: 'any',
  }),
  /** One piece of equipment with its files, meter, plans, recent work orders, lifetime costs and last year's reliability. */
  'equipment.get': query({
    input: z.object({ id: Id }),
    output: EquipmentRow.extend({
      files: z.array(AttachmentMeta),
      lastReading: z.object({ value: Meter, readAt: IsoTime }).nullable(),
      plans: z.array(PmPlanRow),
      workOrders: z.array(WorkOrderRow),
      costs: Costs.extend({ workOrders: z.number().int() }),
      reliability: z.object({
        failures: z.number().int(),
        downtimeMinutes: z.number().int(),
        mttrMinutes: z.number().int().nullable(),
        mtbfMinutes: z.number().int().nullable(),
      }),
    }),
    access: 'any',
  }),
  'equipment.save': mutation({
    input: EquipmentInput,
    output: EquipmentRow,
    access: EDITORS,
    invalidates: [...REGISTRY, 'repairs.pickers'],
  }),
  /** A manual (PDF, up to 5 MB) or a photo (PNG/JPEG, up to 2 MB) kept with the equipment. */
  'equipment.attach': mutation({
    input: z.object({ equipmentId: Id, file: FileUpload }),
    output: AttachmentMeta,
    access: ['manager', 'admin', 'technician'],
    invalidates: REGISTRY,
  }),
  /** What a QR label prints: the code in text and the payload `EQ:<code>` in the symbol. */
  'equipment.qr': query({
    input: z.object({ id: Id }),
    output: z.object({
      code: z.string(),
      payload: z.string(),
      name: z.string(),
      location: z.string(),
      storeCode: z.string(),
    }),
    access: 'any',
  }),
  /**
   * A scanned label (`EQ:<code>`, or the bare code typed in) -> the equipment,
   * the fault codes of its category, its open work orders (so a second
   * report of the same fault can follow the first instead) and the priority
   * a report would get running or down. Everything the report screen needs
   * after the scan, in one call.
   */
  'equipment.resolveQr': query({
    input: z.object({ payload: z.string().trim().min(1).max(200) }),
    output: z.object({
      equipment: EquipmentRow,
      faultCodes: z.array(FaultCodeRow),
      openWorkOrders: z.array(WorkOrderRow),
      suggestedPriority: z.object({ running: Priority, down: Priority }),
    }),
    access: 'any',
  }),

  'faultCodes.list': query({
    input: z.object({ category: z.string().max(40).nullish(), includeInactive: z.boolean().default(false) }),
    output: z.array(FaultCodeRow),
    access: 'any',
  }),
  /** Adds or renames a code (admins; HQ-owned once replication exists). A group has no parent; a symptom's parent is a group of the same category. */
  'faultCodes.save': mutation({
    input: z.object({
      code: FaultCode,
      category: EquipmentCategory,
      parentCode: FaultCode.nullish(),
      nameZh: Text(60).min(1),
      nameEn: Text(60).min(1),
      sortOrder: z.number().int().min(0).max(100_000).default(0),
    }),
    output: FaultCodeRow,
    access: ['admin'],
    invalidates: ['faultCodes.list', 'repairs.pickers', 'equipment.resolveQr'],
  }),
  'faultCodes.setActive': mutation({
    input: z.object({ code: FaultCode, active: z.boolean() }),
    output: FaultCodeRow,
    access: ['admin'],
    invalidates: ['faultCodes.list', 'repairs.pickers', 'equipment.resolveQr'],
  }),

  'vendors.list': query({
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(VendorRow),
    access: 'any',
  }),
  'vendors.save': mutation({
    input: z.object({
      id: Id.nullish(),
      code: Code,
      name: Text(80).min(1),
      contact: Text(40).default(''),
      phone: Text(40).default(''),
      email: z.union([z.literal(''), z.email({ message: 'repairs.v.email' }).max(120)]).default(''),
      categories: z.array(EquipmentCategory).max(30).default([]),
      contractNo: Text(40).default(''),
      contractStart: DayText.nullish(),
      contractEnd: DayText.nullish(),
      contractTerms: Text(1000).default(''),
      hourlyRate: Money.min(0).max(100_000_000).default(0),
      active: z.boolean().default(true),
      note: Text(500).default(''),
    }),
    output: VendorRow,
    access: EDITORS,
    invalidates: ['vendors.list', 'repairs.pickers', 'repairs.suggestAssignees'],
  }),

  /** Every user with the technician role, with their skills and current load. */
  'technicians.list': query({ input: z.object({}), output: z.array(TechnicianRow), access: 'any' }),
  'technicians.save': mutation({
    input: z.object({
      userId: Id,
      categories: z.array(EquipmentCategory).max(30),
      awayUntil: DayText.nullish(),
      hourlyRate: Money.min(0).max(100_000_000).default(0),
      note: Text(500).default(''),
    }),
    output: TechnicianRow,
    access: EDITORS,
    invalidates: ['technicians.list', 'repairs.pickers', 'repairs.suggestAssignees'],
  }),
} as const;
