import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import type { HqEquipmentDto, HqVendorDto } from '../../../src-shared/hq-api/methods/master-data';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { equipment, serviceVendors, stores } from '../../db/schema';
import { assertStoreInScope, storesInScope, type ScopedUser } from '../scope/scope';
import { fieldError } from './codes';
import { saveMasterRow, type MasterWriter } from './save-row';

/** Service vendors and the equipment registry (each equipment row belongs to one store). */

function categoriesOf(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function listVendors(q: Q): Promise<HqVendorDto[]> {
  const found = await q.select().from(serviceVendors).orderBy(asc(serviceVendors.code));
  return found.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    contact: r.contact,
    phone: r.phone,
    email: r.email,
    categories: categoriesOf(r.categories),
    hourlyRate: r.hourlyRate,
    active: r.active === 1,
    note: r.note,
  }));
}

export async function saveVendor(w: MasterWriter, i: Omit<HqVendorDto, 'id'> & { id?: string | undefined }) {
  const id = i.id ?? uuidv7(w.now);
  const [current] = await w.q.select({ id: serviceVendors.id }).from(serviceVendors).where(eq(serviceVendors.id, id));
  if (i.id && !current) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  const [clash] = await w.q
    .select({ id: serviceVendors.id })
    .from(serviceVendors)
    .where(and(eq(serviceVendors.code, i.code), ne(serviceVendors.id, id)));
  if (clash) throw fieldError('CONFLICT', 'code', 'hq.error.codeTaken', { code: i.code });
  await saveMasterRow(w, 'service_vendors', {
    id,
    code: i.code,
    name: i.name,
    contact: i.contact,
    phone: i.phone,
    email: i.email,
    categories: JSON.stringify(i.categories),
    hourly_rate: i.hourlyRate,
    active: i.active ? 1 : 0,
    note: i.note,
  });
  return (await listVendors(w.q)).find((v) => v.id === id)!;
}

function equipmentDto(r: typeof equipment.$inferSelect): HqEquipmentDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    category: r.category,
    make: r.make,
    model: r.model,
    serialNo: r.serialNo,
    storeId: r.storeId,
    vendorId: r.vendorId,
    installDay: r.installDay,
    warrantyEnd: r.warrantyEnd,
    criticality: r.criticality as HqEquipmentDto['criticality'],
    active: r.active === 1,
  };
}

/** Equipment of the stores the user may see (the same condition as the store lists). */
export async function listEquipment(q: Q, user: ScopedUser | null): Promise<HqEquipmentDto[]> {
  const found = await q
    .select({ e: equipment })
    .from(equipment)
    .leftJoin(stores, eq(stores.id, equipment.storeId))
    .where(user && user.scope !== 'chain' ? sql`${storesInScope(user)}` : undefined)
    .orderBy(asc(equipment.code));
  return found.map((r) => equipmentDto(r.e));
}

/** The store an equipment row is in now, checked against the user's scope (a move needs both ends in it). */
export async function assertEquipmentInScope(q: Q, user: ScopedUser, id: string): Promise<void> {
  const [current] = await q.select({ storeId: equipment.storeId }).from(equipment).where(eq(equipment.id, id));
  if (current?.storeId) await assertStoreInScope(q, user, current.storeId, 'storeId');
}

export async function saveEquipment(
  w: MasterWriter,
  user: ScopedUser,
  i: Omit<HqEquipmentDto, 'id'> & { id?: string | undefined; storeId: string },
): Promise<HqEquipmentDto> {
  const id = i.id ?? uuidv7(w.now);
  const [current] = await w.q.select({ id: equipment.id }).from(equipment).where(eq(equipment.id, id));
  if (i.id && !current) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  // The dispatch checked the store it goes to; the store it is in now must be the user's too.
  if (current) await assertEquipmentInScope(w.q, user, id);
  const [store] = await w.q.select({ id: stores.id }).from(stores).where(eq(stores.id, i.storeId));
  if (!store) throw fieldError('NOT_FOUND', 'storeId', 'hq.error.storeNotFound');
  if (i.vendorId) {
    const [v] = await w.q
      .select({ id: serviceVendors.id })
      .from(serviceVendors)
      .where(eq(serviceVendors.id, i.vendorId));
    if (!v) throw fieldError('NOT_FOUND', 'vendorId', 'hq.error.unknownRef');
  }
  const [clash] = await w.q
    .select({ id: equipment.id })
    .from(equipment)
    .where(and(eq(equipment.code, i.code), ne(equipment.id, id)));
  if (clash) throw fieldError('CONFLICT', 'code', 'hq.error.codeTaken', { code: i.code });
  await saveMasterRow(w, 'equipment', {
    id,
    code: i.code,
    name: i.name,
    category: i.category,
    make: i.make,
    model: i.model,
    serial_no: i.serialNo,
    store_id: i.storeId,
    vendor_id: i.vendorId,
    install_day: i.installDay,
    warranty_end: i.warrantyEnd,
    criticality: i.criticality,
    active: i.active ? 1 : 0,
  });
  const [row] = await w.q.select().from(equipment).where(eq(equipment.id, id));
  return equipmentDto(row!);
}
