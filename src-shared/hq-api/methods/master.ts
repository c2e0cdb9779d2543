import { z } from 'zod';
import { Ok } from '../../api/common';
import { hqMutation, hqQuery, WRITERS } from '../contract';

const Code = z.string().trim().min(1).max(40);
const Name = z.string().trim().min(1).max(200);
const Money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Qty = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const HqItemDto = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  baseUnit: z.enum(['g', 'ml', 'pc']),
  active: z.boolean(),
  shelfLifeDays: z.number().int().nullable(),
  lotTracked: z.boolean(),
});
export type HqItemDto = z.infer<typeof HqItemDto>;

export const HqSupplierDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  leadTimeDays: z.number().int(),
  active: z.boolean(),
});

export const HqSupplierItemDto = z.object({
  id: z.string(),
  supplierId: z.string(),
  itemId: z.string(),
  supplierCode: z.string(),
  packUnit: z.string(),
  /** Thousandths of the item's base unit in one pack. */
  packQty: z.number().int(),
  /** Price of one pack, ten-thousandths of the currency. */
  price: z.number().int(),
  preferred: z.boolean(),
  active: z.boolean(),
});

/** id omitted: a new row. */
const Id = z.string().min(1).max(80).optional();

export const hqMasterMethods = {
  'items.list': hqQuery({
    input: z.object({ search: z.string().max(80).default('') }),
    output: z.array(HqItemDto),
    access: 'any',
  }),
  'items.save': hqMutation({
    input: z.object({
      id: Id,
      code: Code,
      nameZh: Name,
      nameEn: Name,
      category: z.string().trim().min(1).max(40),
      baseUnit: z.enum(['g', 'ml', 'pc']),
      active: z.boolean().default(true),
      shelfLifeDays: z.number().int().min(0).max(36500).nullable().default(null),
      lotTracked: z.boolean().default(false),
    }),
    output: HqItemDto,
    access: WRITERS.master,
    invalidates: ['items.list', 'master.history'],
  }),
  'suppliers.list': hqQuery({ input: z.object({}).strict(), output: z.array(HqSupplierDto), access: 'any' }),
  'suppliers.save': hqMutation({
    input: z.object({
      id: Id,
      code: Code,
      name: Name,
      phone: z.string().trim().max(40).default(''),
      leadTimeDays: z.number().int().min(0).max(365).default(1),
      active: z.boolean().default(true),
    }),
    output: HqSupplierDto,
    access: WRITERS.master,
    invalidates: ['suppliers.list', 'master.history'],
  }),
  'supplierItems.list': hqQuery({
    input: z.object({ supplierId: z.string().max(80).optional() }),
    output: z.array(HqSupplierItemDto),
    access: 'any',
  }),
  /** A catalogue line: the supplier's code, pack and agreed price for one item. */
  'supplierItems.save': hqMutation({
    input: z.object({
      id: Id,
      supplierId: z.string().min(1).max(80),
      itemId: z.string().min(1).max(80),
      supplierCode: z.string().trim().max(40).default(''),
      packUnit: z.string().trim().min(1).max(20),
      packQty: Qty,
      price: Money,
      preferred: z.boolean().default(false),
      active: z.boolean().default(true),
    }),
    output: HqSupplierItemDto,
    access: WRITERS.master,
    invalidates: ['supplierItems.list', 'master.history'],
  }),
  /** Only the price: the edit HQ's buyers make most. */
  'supplierItems.setPrice': hqMutation({
    input: z.object({ id: z.string().min(1).max(80), price: Money }),
    output: Ok,
    access: WRITERS.master,
    invalidates: ['supplierItems.list', 'master.history'],
  }),
} as const;
