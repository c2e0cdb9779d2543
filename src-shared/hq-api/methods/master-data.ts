import { z } from 'zod';
import { CalendarDay, Ok } from '../../api/common';
import { ReasonKind } from '../../api/methods/reasons';
import { EquipmentCategory } from '../../api/methods/repairs-dto';
import { CRITICALITIES } from '../../repairs/settings';
import { MASTER_TABLES } from '../../sync/tables';
import { hqMutation, hqQuery, WRITERS } from '../contract';
import { StoreId } from './stores';

/**
 * The rest of HQ's master data (issue 11's list): item categories, an item's
 * units and barcodes, reason codes, fault codes, service vendors, the
 * equipment registry and label layouts, plus any master row's history.
 * Rows stores refer to are deactivated, never deleted; only a barcode (which
 * no store document names) may be removed.
 */

const Code = z.string().trim().min(1).max(40);
const Name = z.string().trim().min(1).max(200);
const Text = (max: number) => z.string().trim().max(max).default('');
const Id = z.string().min(1).max(80);
/** id omitted: a new row. */
const NewOrId = Id.optional();

/** Fault codes, vendors and equipment are also the maintenance team's to keep. */
const MAINTAINED = [...WRITERS.master, 'maintenance'] as const;

export const HqCategoryDto = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
});
export type HqCategoryDto = z.infer<typeof HqCategoryDto>;

export const HqItemUnitDto = z.object({
  itemId: z.string(),
  unit: z.string(),
  /** Thousandths of the item's base unit in one of this unit (1 箱 = 10 kg: 10_000_000). */
  factor: z.number().int(),
  purchase: z.boolean(),
  count: z.boolean(),
});
export type HqItemUnitDto = z.infer<typeof HqItemUnitDto>;

export const HqBarcodeDto = z.object({ barcode: z.string(), itemId: z.string(), unit: z.string() });
export type HqBarcodeDto = z.infer<typeof HqBarcodeDto>;

export const HqReasonDto = z.object({
  kind: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export type HqReasonDto = z.infer<typeof HqReasonDto>;

export const HqFaultDto = z.object({
  id: z.string(),
  code: z.string(),
  category: z.string(),
  /** The group (a code of the same category) this symptom belongs to; null for a group. */
  parentCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type HqFaultDto = z.infer<typeof HqFaultDto>;

export const HqVendorDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  contact: z.string(),
  phone: z.string(),
  email: z.string(),
  categories: z.array(z.string()),
  /** Ten-thousandths of the currency per hour. */
  hourlyRate: z.number().int(),
  active: z.boolean(),
  note: z.string(),
});
export type HqVendorDto = z.infer<typeof HqVendorDto>;

export const HqEquipmentDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  make: z.string(),
  model: z.string(),
  serialNo: z.string(),
  storeId: z.string().nullable(),
  vendorId: z.string().nullable(),
  installDay: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  criticality: z.enum(CRITICALITIES),
  active: z.boolean(),
});
export type HqEquipmentDto = z.infer<typeof HqEquipmentDto>;

export const HqLayoutDto = z.object({ id: z.string(), name: z.string(), definition: z.string() });
export type HqLayoutDto = z.infer<typeof HqLayoutDto>;

export const MASTER_TABLE_NAMES = MASTER_TABLES.map((t) => t.name) as [
  (typeof MASTER_TABLES)[number]['name'],
  ...(typeof MASTER_TABLES)[number]['name'][],
];

export const HqHistoryEntry = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  username: z.string().nullable(),
  method: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  changes: z.array(
    z.object({
      column: z.string(),
      before: z.union([z.string(), z.number(), z.null()]),
      after: z.union([z.string(), z.number(), z.null()]),
    }),
  ),
});
export type HqHistoryEntry = z.infer<typeof HqHistoryEntry>;

export const hqMasterDataMethods = {
  'master.categories.list': hqQuery({ input: z.object({}), output: z.array(HqCategoryDto), access: 'any' }),
  'master.categories.save': hqMutation({
    input: z.object({
      id: NewOrId,
      code: Code,
      nameZh: Name,
      nameEn: Name,
      sortOrder: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: HqCategoryDto,
    access: WRITERS.master,
    invalidates: ['master.categories.list', 'master.history'],
  }),
  'master.units.list': hqQuery({
    input: z.object({ itemId: Id }),
    output: z.object({ units: z.array(HqItemUnitDto), barcodes: z.array(HqBarcodeDto) }),
    access: 'any',
  }),
  'master.units.save': hqMutation({
    input: z.object({
      itemId: Id,
      unit: z.string().trim().min(1).max(10),
      // 0 is refused by the service with its own message (a factor of 0 would divide by zero at every store).
      factor: z.number().int().min(0).max(1_000_000_000),
      purchase: z.boolean().default(false),
      count: z.boolean().default(false),
    }),
    output: HqItemUnitDto,
    access: WRITERS.master,
    invalidates: ['master.units.list', 'master.history'],
  }),
  'master.barcodes.save': hqMutation({
    input: z.object({
      // The store's own rule for a barcode (ItemBarcodeDto): what HQ sends, a store could have typed.
      barcode: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{4,32}$/, { message: 'hqm.v.barcode' }),
      itemId: Id,
      unit: z.string().trim().max(10).default(''),
      /** true: a new barcode (one already used is refused, not moved). */
      create: z.boolean().default(false),
    }),
    output: HqBarcodeDto,
    access: WRITERS.master,
    invalidates: ['master.units.list', 'master.history'],
  }),
  'master.barcodes.remove': hqMutation({
    input: z.object({ barcode: z.string().min(1).max(48) }),
    output: Ok,
    access: WRITERS.master,
    invalidates: ['master.units.list', 'master.history'],
  }),
  'master.reasons.list': hqQuery({ input: z.object({}), output: z.array(HqReasonDto), access: 'any' }),
  'master.reasons.save': hqMutation({
    input: z.object({
      kind: ReasonKind,
      code: Code,
      nameZh: Name,
      nameEn: Name,
      active: z.boolean().default(true),
      create: z.boolean().default(false),
    }),
    output: HqReasonDto,
    access: WRITERS.master,
    invalidates: ['master.reasons.list', 'master.history'],
  }),
  'master.faults.list': hqQuery({ input: z.object({}), output: z.array(HqFaultDto), access: 'any' }),
  'master.faults.save': hqMutation({
    input: z.object({
      id: NewOrId,
      code: Code,
      category: EquipmentCategory,
      parentCode: Code.nullable().default(null),
      nameZh: Name,
      nameEn: Name,
      sortOrder: z.number().int().min(0).max(1_000_000).default(0),
      active: z.boolean().default(true),
    }),
    output: HqFaultDto,
    access: MAINTAINED,
    invalidates: ['master.faults.list', 'master.history'],
  }),
  'master.vendors.list': hqQuery({ input: z.object({}), output: z.array(HqVendorDto), access: 'any' }),
  'master.vendors.save': hqMutation({
    input: z.object({
      id: NewOrId,
      code: Code,
      name: Name,
      contact: Text(80),
      phone: Text(40),
      email: Text(120),
      categories: z.array(EquipmentCategory).max(40).default([]),
      hourlyRate: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
      active: z.boolean().default(true),
      note: Text(500),
    }),
    output: HqVendorDto,
    access: MAINTAINED,
    invalidates: ['master.vendors.list', 'master.history'],
  }),
  /** The equipment of the stores in the caller's scope. */
  'master.equipment.list': hqQuery({ input: z.object({}), output: z.array(HqEquipmentDto), access: 'any' }),
  'master.equipment.save': hqMutation({
    input: z.object({
      id: NewOrId,
      code: Code,
      name: Name,
      category: EquipmentCategory,
      make: Text(80),
      model: Text(80),
      serialNo: Text(80),
      storeId: StoreId,
      vendorId: Id.nullable().default(null),
      installDay: CalendarDay.nullable().default(null),
      warrantyEnd: CalendarDay.nullable().default(null),
      criticality: z.enum(CRITICALITIES).default('medium'),
      active: z.boolean().default(true),
    }),
    output: HqEquipmentDto,
    access: MAINTAINED,
    store: 'storeId',
    invalidates: ['master.equipment.list', 'master.history'],
  }),
  'master.layouts.list': hqQuery({ input: z.object({}), output: z.array(HqLayoutDto), access: 'any' }),
  'master.layouts.save': hqMutation({
    input: z.object({
      id: NewOrId,
      name: Name,
      /** The layout as JSON text, checked exactly as a store checks it (src-shared/labels). */
      definition: z.string().min(2).max(100_000),
    }),
    output: HqLayoutDto,
    access: WRITERS.master,
    invalidates: ['master.layouts.list', 'master.history'],
  }),
  /** Who changed which field of one master row, from what to what, newest first. */
  'master.history': hqQuery({
    input: z.object({
      table: z.enum(MASTER_TABLE_NAMES),
      /** The row's key columns by name ({ id } for most tables). */
      key: z.record(z.string().max(40), z.string().max(200)),
    }),
    output: z.array(HqHistoryEntry),
    access: 'any',
  }),
} as const;
