import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Scales and label printers attached to this store PC. Connection details are
 * JSON validated by zod in the device service (SerialSettings / PrinterTransport
 * from src-shared/devices.ts), so a new transport needs no migration.
 */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['scale', 'printer'] }).notNull(),
  name: text('name').notNull(),
  /** ScaleProtocol for scales, PrinterLanguage for printers. */
  protocol: text('protocol').notNull(),
  /** JSON: SerialSettings for scales, PrinterTransport for printers. */
  connection: text('connection').notNull(),
  /** JSON: driver options (poll interval, dpi, label size, ...). */
  options: text('options').notNull().default('{}'),
  /** The one the receiving screen uses unless the clerk picks another. */
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Label layouts the chain configures; `definition` is the JSON LabelTemplate (src-shared/labels). */
export const labelTemplates = sqliteTable('label_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  definition: text('definition').notNull(),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Every label job: written before the bytes go to the printer, so a label that
 * failed to print (paper out, printer off) is listed and can be printed again.
 */
export const labelPrints = sqliteTable(
  'label_prints',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id').notNull(),
    printerId: text('printer_id'),
    /** JSON LabelData: the values printed (name, weight, lot, expiry, barcode...). */
    data: text('data').notNull(),
    copies: integer('copies').notNull().default(1),
    /** Where the label comes from, e.g. ('receipt_line', id). */
    sourceType: text('source_type').notNull().default(''),
    sourceId: text('source_id').notNull().default(''),
    status: text('status', { enum: ['pending', 'printed', 'failed'] }).notNull(),
    error: text('error').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    printedAt: integer('printed_at'),
  },
  (t) => [
    index('label_prints_created_idx').on(t.createdAt),
    index('label_prints_source_idx').on(t.sourceType, t.sourceId),
  ],
);
