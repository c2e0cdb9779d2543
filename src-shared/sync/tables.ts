/**
 * What replicates, which way, and who owns which column: the one list the
 * store's outbox triggers, its pull applier, HQ's ingest and pull, the
 * checksums and the convergence tests are all built from. Column lists and
 * types come from each side's own schema (the store's drizzle schema, HQ's
 * mirror tables); a test checks that every replicated store column has its
 * HQ column, so a migration on one side without the other fails the build.
 *
 * - `up`: store facts. The store is the only writer; HQ keeps a mirror per
 *   store, keyed by (store, key).
 * - `down`: HQ master data. HQ is the writer of `hqOwned` columns; the other
 *   columns are the store's own and are never overwritten by a pull.
 * - `both`: edited at both ends (repair work orders and their events), merged
 *   per field by hybrid logical clock.
 */
export type Direction = 'up' | 'down' | 'both';

export interface ReplicatedTable {
  readonly name: string;
  readonly direction: Direction;
  /** The columns that identify a row on every replica. */
  readonly key: readonly string[];
  /** Store columns that never leave the store (secrets, blobs, local device state). */
  readonly omit?: readonly string[];
  /** `down`: the columns HQ owns (key columns included implicitly). */
  readonly hqOwned?: readonly string[];
  /**
   * Columns that hold the id of a master row. After enrollment a store's
   * matched rows keep their local ids; these columns are translated between
   * local and HQ ids on the way up and down (sync_id_map).
   */
  readonly refs?: Readonly<Record<string, string>>;
  /** `down`: each store receives only its own rows (by `store_id`), not the chain's. */
  readonly perStore?: boolean;
  /** The business-day or time column HQ's closed periods are judged by (late entries). */
  readonly periodColumn?: string;
}

const t = <const T extends ReplicatedTable>(x: T): T => x;

/** HQ master data, in the order a store applies a page (parents before children). */
export const MASTER_TABLES = [
  t({ name: 'item_categories', direction: 'down', key: ['id'], hqOwned: ['code', 'name_zh', 'name_en', 'sort_order'] }),
  t({
    name: 'items',
    direction: 'down',
    key: ['id'],
    hqOwned: ['code', 'name_zh', 'name_en', 'category', 'base_unit', 'active', 'shelf_life_days', 'lot_tracked'],
  }),
  t({
    name: 'item_units',
    direction: 'down',
    key: ['item_id', 'unit'],
    hqOwned: ['factor', 'purchase', 'count'],
    refs: { item_id: 'items' },
  }),
  t({
    name: 'item_barcodes',
    direction: 'down',
    key: ['barcode'],
    hqOwned: ['item_id', 'unit'],
    refs: { item_id: 'items' },
  }),
  t({
    name: 'suppliers',
    direction: 'down',
    key: ['id'],
    hqOwned: [
      'code',
      'name',
      'contact',
      'phone',
      'contacts',
      'email',
      'address',
      'lead_time_days',
      'order_days',
      'min_order_value',
      'active',
      'note',
    ],
  }),
  t({
    name: 'supplier_items',
    direction: 'down',
    key: ['id'],
    hqOwned: ['supplier_id', 'item_id', 'supplier_code', 'pack_unit', 'pack_qty', 'price', 'preferred', 'active'],
    refs: { supplier_id: 'suppliers', item_id: 'items' },
  }),
  t({ name: 'reason_codes', direction: 'down', key: ['kind', 'code'], hqOwned: ['name_zh', 'name_en', 'active'] }),
  t({
    name: 'fault_codes',
    direction: 'down',
    key: ['id'],
    hqOwned: ['code', 'equipment_category', 'parent_code', 'name_zh', 'name_en', 'sort_order', 'active'],
  }),
  t({
    name: 'service_vendors',
    direction: 'down',
    key: ['id'],
    hqOwned: [
      'code',
      'name',
      'contact',
      'phone',
      'email',
      'categories',
      'contract_no',
      'contract_start',
      'contract_end',
      'contract_terms',
      'hourly_rate',
      'active',
      'note',
    ],
  }),
  t({
    name: 'equipment',
    direction: 'down',
    key: ['id'],
    perStore: true,
    hqOwned: [
      'code',
      'name',
      'category',
      'make',
      'model',
      'serial_no',
      'store_id',
      'supplier_id',
      'vendor_id',
      'install_day',
      'warranty_end',
      'criticality',
      'active',
    ],
    refs: { supplier_id: 'suppliers', vendor_id: 'service_vendors' },
  }),
  t({ name: 'label_templates', direction: 'down', key: ['id'], hqOwned: ['name', 'definition'] }),
  // A transfer out routed by HQ to the store it is for (src-hq/services/transfers/route.ts); lines as JSON.
  t({
    name: 'inbound_transfers',
    direction: 'down',
    key: ['id'],
    perStore: true,
    hqOwned: ['store_id', 'number', 'from_store', 'from_store_name', 'to_store', 'sent_at', 'note', 'lines'],
  }),
] as const;

export type MasterTable = (typeof MASTER_TABLES)[number]['name'];

const ITEM = { item_id: 'items' } as const;

/** Store facts, in the order HQ applies them within a batch (parents before children). */
export const FACT_TABLES = [
  t({ name: 'store', direction: 'up', key: ['id'], omit: ['settings'] }),
  t({
    name: 'users',
    direction: 'up',
    key: ['id'],
    omit: ['secret_hash', 'failed_attempts', 'locked_until', 'last_login_at', 'auth_kind'],
  }),
  t({ name: 'storage_areas', direction: 'up', key: ['id'] }),
  // seq is the store's own order; HQ keeps it to resolve reverses_seq within the store.
  t({ name: 'stock_moves', direction: 'up', key: ['id'], refs: ITEM, periodColumn: 'day' }),
  t({ name: 'stock_periods', direction: 'up', key: ['month'] }),
  t({ name: 'purchase_orders', direction: 'up', key: ['id'], refs: { supplier_id: 'suppliers' } }),
  t({ name: 'purchase_order_lines', direction: 'up', key: ['id'], refs: ITEM }),
  t({ name: 'receipts', direction: 'up', key: ['id'], refs: { supplier_id: 'suppliers' }, periodColumn: 'day' }),
  t({ name: 'receipt_lines', direction: 'up', key: ['id'], refs: ITEM }),
  t({ name: 'stock_counts', direction: 'up', key: ['id'] }),
  t({ name: 'stock_count_lines', direction: 'up', key: ['id'], refs: ITEM }),
  t({ name: 'transfers', direction: 'up', key: ['id'] }),
  t({ name: 'transfer_lines', direction: 'up', key: ['id'], refs: ITEM }),
  t({
    name: 'supplier_invoices',
    direction: 'up',
    key: ['id'],
    refs: { supplier_id: 'suppliers' },
    periodColumn: 'invoice_day',
  }),
  t({ name: 'supplier_invoice_lines', direction: 'up', key: ['id'], refs: ITEM }),
  t({ name: 'invoice_claims', direction: 'up', key: ['id'], refs: { supplier_id: 'suppliers' } }),
  t({ name: 'invoice_claim_lines', direction: 'up', key: ['id'] }),
  t({ name: 'label_prints', direction: 'up', key: ['id'], omit: ['data'] }),
  t({
    name: 'pm_plans',
    direction: 'up',
    key: ['id'],
    refs: { equipment_id: 'equipment', vendor_id: 'service_vendors' },
  }),
  t({ name: 'meter_readings', direction: 'up', key: ['id'], refs: { equipment_id: 'equipment' } }),
  t({ name: 'work_order_parts', direction: 'up', key: ['id'], refs: ITEM }),
  t({ name: 'work_order_labour', direction: 'up', key: ['id'] }),
  t({ name: 'vendor_invoices', direction: 'up', key: ['id'], refs: { vendor_id: 'service_vendors' } }),
  t({ name: 'checklist_results', direction: 'up', key: ['id'] }),
] as const;

/** Edited at both ends: the work order is merged per field by HLC; its events are append-only from either end. */
export const SHARED_TABLES = [
  t({
    name: 'work_orders',
    direction: 'both',
    key: ['id'],
    refs: { equipment_id: 'equipment', vendor_id: 'service_vendors' },
  }),
  t({ name: 'work_order_events', direction: 'both', key: ['id'] }),
] as const;

export type FactTable = (typeof FACT_TABLES)[number]['name'];
export type SharedTable = (typeof SHARED_TABLES)[number]['name'];
export type ReplicatedTableName = MasterTable | FactTable | SharedTable;

export const REPLICATED_TABLES: readonly ReplicatedTable[] = [...MASTER_TABLES, ...FACT_TABLES, ...SHARED_TABLES];

const byName = new Map(REPLICATED_TABLES.map((x) => [x.name, x]));

export function replicatedTable(name: string): ReplicatedTable | undefined {
  return byName.get(name);
}

/** A row's key as one text ('id', or 'item_id|unit' values joined by U+001F). */
export function rowKey(table: ReplicatedTable, row: Record<string, unknown>): string {
  return table.key.map((k) => String(row[k])).join('\u001f');
}
