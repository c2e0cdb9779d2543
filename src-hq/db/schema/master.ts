import { bigint, index, pgTable, primaryKey, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { stamps } from './columns';
import { stores } from './stores';

/**
 * HQ master data: the chain's catalogue, written only at HQ and pulled by the
 * stores. Each table has the store's column names and types for its key and
 * HQ-owned columns (src-shared/sync/tables.ts) and nothing of the stores' own
 * columns (par levels, shelf order, ...). Booleans stay 0/1 (smallint) so a
 * value is the same number at both ends. Every write appends to change_log in
 * the same transaction (src-hq/services/master).
 */

export const itemCategories = pgTable(
  'item_categories',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: bigint('sort_order', { mode: 'number' }).notNull().default(0),
    ...stamps,
  },
  (t) => [uniqueIndex('item_categories_code_uq').on(t.code)],
);

export const items = pgTable(
  'items',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    category: text('category').notNull(),
    baseUnit: text('base_unit').notNull(),
    active: smallint('active').notNull().default(1),
    shelfLifeDays: bigint('shelf_life_days', { mode: 'number' }),
    lotTracked: smallint('lot_tracked').notNull().default(0),
    ...stamps,
  },
  (t) => [uniqueIndex('items_code_uq').on(t.code)],
);

export const itemUnits = pgTable(
  'item_units',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    unit: text('unit').notNull(),
    factor: bigint('factor', { mode: 'number' }).notNull(),
    purchase: smallint('purchase').notNull().default(0),
    count: smallint('count').notNull().default(0),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.itemId, t.unit] })],
);

export const itemBarcodes = pgTable(
  'item_barcodes',
  {
    barcode: text('barcode').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    unit: text('unit').notNull().default(''),
    ...stamps,
  },
  (t) => [index('item_barcodes_item_idx').on(t.itemId)],
);

export const suppliers = pgTable(
  'suppliers',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    phone: text('phone').notNull().default(''),
    contacts: text('contacts').notNull().default('[]'),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    leadTimeDays: bigint('lead_time_days', { mode: 'number' }).notNull().default(1),
    orderDays: text('order_days').notNull().default(''),
    minOrderValue: bigint('min_order_value', { mode: 'number' }).notNull().default(0),
    active: smallint('active').notNull().default(1),
    note: text('note').notNull().default(''),
    ...stamps,
  },
  (t) => [uniqueIndex('suppliers_code_uq').on(t.code)],
);

export const supplierItems = pgTable(
  'supplier_items',
  {
    id: text('id').primaryKey(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    supplierCode: text('supplier_code').notNull().default(''),
    packUnit: text('pack_unit').notNull(),
    packQty: bigint('pack_qty', { mode: 'number' }).notNull(),
    price: bigint('price', { mode: 'number' }).notNull(),
    preferred: smallint('preferred').notNull().default(0),
    active: smallint('active').notNull().default(1),
    ...stamps,
  },
  (t) => [uniqueIndex('supplier_items_uq').on(t.supplierId, t.itemId), index('supplier_items_item_idx').on(t.itemId)],
);

export const reasonCodes = pgTable(
  'reason_codes',
  {
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    active: smallint('active').notNull().default(1),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

export const faultCodes = pgTable(
  'fault_codes',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    equipmentCategory: text('equipment_category').notNull(),
    parentCode: text('parent_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: bigint('sort_order', { mode: 'number' }).notNull().default(0),
    active: smallint('active').notNull().default(1),
    ...stamps,
  },
  (t) => [uniqueIndex('fault_codes_code_uq').on(t.code)],
);

export const serviceVendors = pgTable(
  'service_vendors',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    categories: text('categories').notNull().default('[]'),
    contractNo: text('contract_no').notNull().default(''),
    contractStart: text('contract_start'),
    contractEnd: text('contract_end'),
    contractTerms: text('contract_terms').notNull().default(''),
    hourlyRate: bigint('hourly_rate', { mode: 'number' }).notNull().default(0),
    active: smallint('active').notNull().default(1),
    note: text('note').notNull().default(''),
    ...stamps,
  },
  (t) => [uniqueIndex('service_vendors_code_uq').on(t.code)],
);

/** The chain's equipment registry; each store pulls only its own (store_id). */
export const equipment = pgTable(
  'equipment',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    make: text('make').notNull().default(''),
    model: text('model').notNull().default(''),
    serialNo: text('serial_no').notNull().default(''),
    // A store's id changes once, at enrollment (HQ adopts the store's own id): follow it.
    storeId: text('store_id').references(() => stores.id, { onUpdate: 'cascade' }),
    supplierId: text('supplier_id'),
    vendorId: text('vendor_id'),
    installDay: text('install_day'),
    warrantyEnd: text('warranty_end'),
    criticality: text('criticality').notNull().default('medium'),
    active: smallint('active').notNull().default(1),
    ...stamps,
  },
  (t) => [uniqueIndex('equipment_code_uq').on(t.code), index('equipment_store_idx').on(t.storeId)],
);

export const labelTemplates = pgTable('label_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  definition: text('definition').notNull(),
  ...stamps,
});
