import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Item master: extended by the inventory issue (units, barcodes, par levels, ...). */
export const items = sqliteTable(
  'items',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    category: text('category').notNull(),
    baseUnit: text('base_unit', { enum: ['g', 'ml', 'pc'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Default storage area (id) and its shelf position, for count sheets in walking order. */
    storageAreaId: text('storage_area_id'),
    shelfOrder: integer('shelf_order').notNull().default(0),
    /** Days from receipt to expiry; null = no expiry. */
    shelfLifeDays: integer('shelf_life_days'),
    /** Thousandths of the base unit (like every quantity). */
    parLevel: integer('par_level'),
    reorderPoint: integer('reorder_point'),
    lotTracked: integer('lot_tracked', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('items_code_uq').on(t.code), index('items_category_idx').on(t.category)],
);

export const suppliers = sqliteTable(
  'suppliers',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    phone: text('phone').notNull().default(''),
    // Added by procurement (0004): columns with defaults, so the foundation's rows stay valid.
    /** JSON array of further contacts: [{ name, role, phone }] (validated by zod in the service). */
    contacts: text('contacts').notNull().default('[]'),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    /** Days from placing an order to delivery. */
    leadTimeDays: integer('lead_time_days').notNull().default(1),
    /** ISO weekdays (1 = Monday ... 7 = Sunday) the supplier takes orders, as digits: '135'. */
    orderDays: text('order_days').notNull().default(''),
    /** Smallest order the supplier delivers (money, ten-thousandths of the currency). */
    minOrderValue: integer('min_order_value').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('suppliers_code_uq').on(t.code)],
);

/** Equipment registry: code unique across the chain (the repairs issue adds the rest). */
export const equipment = sqliteTable(
  'equipment',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    location: text('location').notNull().default(''),
    make: text('make').notNull().default(''),
    model: text('model').notNull().default(''),
    serialNo: text('serial_no').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    // Added by repairs (0005): nullable or defaulted, so the foundation's rows stay valid.
    /** The store the equipment stands in (store.id), for HQ's chain-wide registry. */
    storeId: text('store_id'),
    /** Who sold it (suppliers.id) and who services it (service_vendors.id). */
    supplierId: text('supplier_id'),
    vendorId: text('vendor_id'),
    /** Business days 'YYYY-MM-DD'. */
    installDay: text('install_day'),
    warrantyEnd: text('warranty_end'),
    criticality: text('criticality', { enum: ['low', 'medium', 'high', 'critical'] })
      .notNull()
      .default('medium'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('equipment_code_uq').on(t.code), index('equipment_category_idx').on(t.category)],
);
