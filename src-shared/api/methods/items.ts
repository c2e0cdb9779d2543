import * as z from '../lazy-zod';
import { PageRequest } from '../../grid/server-query';
import { mutation, query } from '../contract';
import { Id, IsoTime } from '../common';

/**
 * Item master, categories and storage areas. Quantities (unit factors, par
 * level, reorder point) are integers in thousandths of the item's base unit,
 * like every quantity: 1 箱 = 10 kg is factor 10_000_000.
 */

const EDITORS = ['manager', 'admin'] as const;
/** A quantity an item master can hold: up to a billion base units. */
const MAX_QTY = 1_000_000_000_000;

export const BaseUnitSchema = z.enum(['g', 'ml', 'pc']);
type BaseUnit = z.output<typeof BaseUnitSchema>;
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'items.v.code' });
/** Category codes are stable keys ('meat', 'sauces & seasonings'), not shown to users. */
export const CategoryCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9 &_.-]*$/, { message: 'items.v.categoryCode' });
const Name = z.string().trim().min(1).max(80);
const MasterQty = z.number().int().min(0).max(MAX_QTY);

export const ItemUnitDto = z.object({
  unit: z.string().trim().min(1).max(10),
  /** Thousandths of the base unit in one of this unit. */
  factor: z.number().int().min(1).max(MAX_QTY),
  purchase: z.boolean().default(false),
  count: z.boolean().default(false),
});
export const ItemBarcodeDto = z.object({
  barcode: z
    .string()
    .trim()
    .min(4)
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/, { message: 'items.v.barcode' }),
  /** The unit one scan stands for ('' = the base unit). */
  unit: z.string().trim().max(10).default(''),
});

export const ItemInputDto = z.object({
  code: Code,
  nameZh: Name,
  nameEn: Name,
  category: CategoryCode,
  baseUnit: BaseUnitSchema,
  units: z.array(ItemUnitDto).max(6).default([]),
  barcodes: z.array(ItemBarcodeDto).max(20).default([]),
  storageAreaId: Id.nullable().default(null),
  shelfOrder: z.number().int().min(0).max(1_000_000).default(0),
  shelfLifeDays: z.number().int().min(0).max(3650).nullable().default(null),
  parLevel: MasterQty.nullable().default(null),
  reorderPoint: MasterQty.nullable().default(null),
  lotTracked: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type ItemInput = z.output<typeof ItemInputDto>;

export const ItemDetailDto = ItemInputDto.extend({
  id: Id,
  units: z.array(ItemUnitDto),
  barcodes: z.array(ItemBarcodeDto),
  updatedAt: IsoTime,
});
export type ItemDetail = z.output<typeof ItemDetailDto>;

/**
 * One item of the grid as a tuple, in this order: 20,000 items
 * travel as ~2.7 MB of arrays instead of ~9 MB of repeated keys, and category
 * and area names come from their own small lists. `unpackItemRow` turns one
 * into an ItemRow object.
 */
export const ItemListRowDto = z.tuple([
  Id,
  z.string(),
  z.string(),
  z.string(),
  z.string(),
  BaseUnitSchema,
  z.union([z.literal(0), z.literal(1)]),
  z.string().nullable(),
  z.number().int(),
  z.number().int().nullable(),
  z.number().int().nullable(),
  z.number().int().nullable(),
  z.union([z.literal(0), z.literal(1)]),
  z.string().nullable(),
  z.number().int().nullable(),
  z.string().nullable(),
  z.number().int().nullable(),
  /** Barcodes joined with '|'. */
  z.string(),
]);
export type ItemListRow = z.output<typeof ItemListRowDto>;

export interface ItemRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  baseUnit: BaseUnit;
  active: boolean;
  storageAreaId: string | null;
  shelfOrder: number;
  shelfLifeDays: number | null;
  parLevel: number | null;
  reorderPoint: number | null;
  lotTracked: boolean;
  purchaseUnit: string | null;
  purchaseFactor: number | null;
  countUnit: string | null;
  countFactor: number | null;
  barcodes: string;
}

export function unpackItemRow(r: ItemListRow): ItemRow {
  return {
    id: r[0],
    code: r[1],
    nameZh: r[2],
    nameEn: r[3],
    category: r[4],
    baseUnit: r[5],
    active: r[6] === 1,
    storageAreaId: r[7],
    shelfOrder: r[8],
    shelfLifeDays: r[9],
    parLevel: r[10],
    reorderPoint: r[11],
    lotTracked: r[12] === 1,
    purchaseUnit: r[13],
    purchaseFactor: r[14],
    countUnit: r[15],
    countFactor: r[16],
    barcodes: r[17],
  };
}

export const AreaInputDto = z.object({
  code: Code,
  nameZh: Name,
  nameEn: Name,
  sortOrder: z.number().int().min(0).max(100_000).default(0),
  active: z.boolean().default(true),
});
export const AreaDto = AreaInputDto.extend({
  id: Id,
  active: z.boolean(),
  sortOrder: z.number().int(),
  items: z.number(),
});

export const CategoryInputDto = z.object({
  code: CategoryCode,
  nameZh: Name,
  nameEn: Name,
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});
export const CategoryDto = CategoryInputDto.extend({ id: Id, sortOrder: z.number().int(), items: z.number() });

export const FileFormat = z.enum(['csv', 'xlsx']);
/** ~5 MB of file as base64. */
const MAX_BASE64 = 7_000_000;

export const ImportIssue = z.object({
  /** Spreadsheet row number (the header is row 1). */
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export const ImportReport = z.object({
  /** True when the rows were written (not a dry run and no errors). */
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ImportIssue),
});
export type ImportReport = z.output<typeof ImportReport>;

const ITEM_QUERIES = ['items.list', 'items.page', 'items.get', 'stock.onHand', 'stock.moves'];

export const itemMethods = {
  'areas.list': query({ input: z.object({}).strict(), output: z.array(AreaDto), access: 'any' }),
  'areas.create': mutation({
    input: AreaInputDto,
    output: AreaDto,
    access: EDITORS,
    invalidates: ['areas.list', 'items.list', 'items.page'],
  }),
  'areas.update': mutation({
    input: AreaInputDto.extend({ id: Id }),
    output: AreaDto,
    access: EDITORS,
    invalidates: ['areas.list', 'items.list', 'items.page', 'stock.onHand'],
  }),
  'categories.list': query({ input: z.object({}).strict(), output: z.array(CategoryDto), access: 'any' }),
  'categories.create': mutation({
    input: CategoryInputDto,
    output: CategoryDto,
    access: EDITORS,
    invalidates: ['categories.list', 'items.list', 'items.page'],
  }),
  'categories.update': mutation({
    input: CategoryInputDto.extend({ id: Id }),
    output: CategoryDto,
    access: EDITORS,
    invalidates: ['categories.list', 'items.list', 'items.page'],
  }),

  /** Every item (active and not), one SQL query; the grid filters on the client. */
  'items.list': query({ input: z.object({}).strict(), output: z.array(ItemListRowDto), access: 'any' }),
  /** One block of the item grid, sorted and filtered on the server. */
  'items.page': query({
    input: PageRequest.extend({ status: z.enum(['all', 'active', 'inactive']).default('all') }).refine(
      (r) => r.endRow > r.startRow && r.endRow - r.startRow <= 1000,
      { message: 'endRow must be above startRow, at most 1000 rows per block', path: ['endRow'] },
    ),
    output: z.object({ rows: z.array(ItemListRowDto), total: z.number().int() }),
    access: 'any',
  }),
  'items.get': query({ input: z.object({ id: Id }), output: ItemDetailDto, access: 'any' }),
  'items.create': mutation({ input: ItemInputDto, output: ItemDetailDto, access: EDITORS, invalidates: ITEM_QUERIES }),
  /** Replaces the item's fields, units and barcodes with the ones given. */
  'items.update': mutation({
    input: ItemInputDto.extend({ id: Id }),
    output: ItemDetailDto,
    access: EDITORS,
    invalidates: ITEM_QUERIES,
  }),
  'items.export': query({
    input: z.object({ format: FileFormat }),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
    access: 'any',
  }),
  /**
   * Creates and updates items (by code) from a CSV or XLSX file, all or
   * nothing. `dryRun` only checks and reports. Row errors come back in the
   * report; a file that cannot be read at all is a VALIDATION error.
   */
  'items.import': mutation({
    input: z.object({
      fileName: z.string().trim().min(1).max(200),
      base64: z.string().min(1).max(MAX_BASE64, { message: 'items.import.tooBig' }),
      dryRun: z.boolean().default(false),
    }),
    output: ImportReport,
    access: EDITORS,
    invalidates: ITEM_QUERIES,
    secret: ['base64'],
  }),
} as const;
