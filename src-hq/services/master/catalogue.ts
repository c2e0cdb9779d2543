import { and, asc, eq, ilike, ne, or } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { items, supplierItems, suppliers } from '../../db/schema';
import { saveMasterRow, type MasterWriter } from './save-row';

type Recorder = MasterWriter['record'];

/**
 * The master-data edits HQ's screens make, as typed DTOs in and out. Every
 * write goes through writeMaster (the change-log entry in the same
 * transaction); the caller's dispatch adds the audit entry.
 */

const b = (v: number) => v === 1;
const n = (v: boolean) => (v ? 1 : 0);

export type ItemDto = {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  baseUnit: 'g' | 'ml' | 'pc';
  active: boolean;
  shelfLifeDays: number | null;
  lotTracked: boolean;
};

function itemDto(r: typeof items.$inferSelect): ItemDto {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    category: r.category,
    baseUnit: r.baseUnit as ItemDto['baseUnit'],
    active: b(r.active),
    shelfLifeDays: r.shelfLifeDays,
    lotTracked: b(r.lotTracked),
  };
}

/** Through saveMasterRow: validation, the change log, and the row's history in the audit entry. */
async function save(q: Q, table: string, row: Record<string, unknown>, now: number, record?: Recorder) {
  await saveMasterRow({ q, now, record }, table, row);
}

export async function listItems(q: Q, search: string): Promise<ItemDto[]> {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = await q
    .select()
    .from(items)
    .where(search ? or(ilike(items.code, like), ilike(items.nameZh, like), ilike(items.nameEn, like)) : undefined)
    .orderBy(asc(items.code))
    .limit(5000);
  return found.map(itemDto);
}

export async function saveItem(
  q: Q,
  input: Omit<ItemDto, 'id'> & { id?: string },
  now: number,
  record?: Recorder,
): Promise<ItemDto> {
  const id = input.id ?? uuidv7(now);
  const [clash] = await q
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.code, input.code), ne(items.id, id)));
  if (clash) throw new HqApiError('CONFLICT', 'hq.error.codeTaken', { code: input.code });
  if (input.id) {
    const [exists] = await q.select({ id: items.id }).from(items).where(eq(items.id, input.id));
    if (!exists) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  }
  await save(
    q,
    'items',
    {
      id,
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      category: input.category,
      base_unit: input.baseUnit,
      active: n(input.active),
      shelf_life_days: input.shelfLifeDays,
      lot_tracked: n(input.lotTracked),
    },
    now,
    record,
  );
  const [row] = await q.select().from(items).where(eq(items.id, id));
  return itemDto(row!);
}

export type SupplierDto = {
  id: string;
  code: string;
  name: string;
  phone: string;
  leadTimeDays: number;
  active: boolean;
};

export async function listSuppliers(q: Q): Promise<SupplierDto[]> {
  const found = await q.select().from(suppliers).orderBy(asc(suppliers.code));
  return found.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    phone: r.phone,
    leadTimeDays: r.leadTimeDays,
    active: b(r.active),
  }));
}

export async function saveSupplier(
  q: Q,
  input: Omit<SupplierDto, 'id'> & { id?: string },
  now: number,
  record?: Recorder,
) {
  const id = input.id ?? uuidv7(now);
  const [clash] = await q
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(eq(suppliers.code, input.code), ne(suppliers.id, id)));
  if (clash) throw new HqApiError('CONFLICT', 'hq.error.codeTaken', { code: input.code });
  const [current] = await q.select().from(suppliers).where(eq(suppliers.id, id));
  if (input.id && !current) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  // Columns the screen does not edit keep their values (or the defaults for a new supplier).
  const keep = current
    ? {
        contact: current.contact,
        contacts: current.contacts,
        email: current.email,
        address: current.address,
        order_days: current.orderDays,
        min_order_value: current.minOrderValue,
        note: current.note,
      }
    : {};
  await save(
    q,
    'suppliers',
    {
      ...keep,
      id,
      code: input.code,
      name: input.name,
      phone: input.phone,
      lead_time_days: input.leadTimeDays,
      active: n(input.active),
    },
    now,
    record,
  );
  return (await listSuppliers(q)).find((s) => s.id === id)!;
}

export type SupplierItemDto = {
  id: string;
  supplierId: string;
  itemId: string;
  supplierCode: string;
  packUnit: string;
  packQty: number;
  price: number;
  preferred: boolean;
  active: boolean;
};

function supplierItemDto(r: typeof supplierItems.$inferSelect): SupplierItemDto {
  return {
    id: r.id,
    supplierId: r.supplierId,
    itemId: r.itemId,
    supplierCode: r.supplierCode,
    packUnit: r.packUnit,
    packQty: r.packQty,
    price: r.price,
    preferred: b(r.preferred),
    active: b(r.active),
  };
}

export async function listSupplierItems(q: Q, supplierId?: string): Promise<SupplierItemDto[]> {
  const found = await q
    .select()
    .from(supplierItems)
    .where(supplierId ? eq(supplierItems.supplierId, supplierId) : undefined)
    .orderBy(asc(supplierItems.supplierId), asc(supplierItems.itemId));
  return found.map(supplierItemDto);
}

export async function saveSupplierItem(
  q: Q,
  input: Omit<SupplierItemDto, 'id'> & { id?: string },
  now: number,
  record?: Recorder,
): Promise<SupplierItemDto> {
  const [sup] = await q.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, input.supplierId));
  const [item] = await q.select({ id: items.id }).from(items).where(eq(items.id, input.itemId));
  if (!sup || !item) throw new HqApiError('NOT_FOUND', 'hq.error.unknownRef');
  const [same] = await q
    .select({ id: supplierItems.id })
    .from(supplierItems)
    .where(and(eq(supplierItems.supplierId, input.supplierId), eq(supplierItems.itemId, input.itemId)));
  // One catalogue line per supplier and item: saving the pair again edits that line.
  const id = input.id ?? same?.id ?? uuidv7(now);
  if (same && same.id !== id) throw new HqApiError('CONFLICT', 'error.CONFLICT');
  await save(
    q,
    'supplier_items',
    {
      id,
      supplier_id: input.supplierId,
      item_id: input.itemId,
      supplier_code: input.supplierCode,
      pack_unit: input.packUnit,
      pack_qty: input.packQty,
      price: input.price,
      preferred: n(input.preferred),
      active: n(input.active),
    },
    now,
    record,
  );
  const [row] = await q.select().from(supplierItems).where(eq(supplierItems.id, id));
  return supplierItemDto(row!);
}

export async function setSupplierItemPrice(
  q: Q,
  id: string,
  price: number,
  now: number,
  record?: Recorder,
): Promise<void> {
  const [row] = await q.select().from(supplierItems).where(eq(supplierItems.id, id)).for('update');
  if (!row) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  await saveSupplierItem(q, { ...supplierItemDto(row), price }, now, record);
}
