import { asc } from 'drizzle-orm';
import { equipment, suppliers } from '../../db/schema';
import type { Ctx } from '../context';

export function listSuppliers(ctx: Ctx) {
  return ctx.db
    .select({
      id: suppliers.id,
      code: suppliers.code,
      name: suppliers.name,
      contact: suppliers.contact,
      phone: suppliers.phone,
    })
    .from(suppliers)
    .orderBy(asc(suppliers.code))
    .all();
}

export function listEquipment(ctx: Ctx) {
  return ctx.db
    .select({
      id: equipment.id,
      code: equipment.code,
      name: equipment.name,
      category: equipment.category,
      location: equipment.location,
      make: equipment.make,
      model: equipment.model,
    })
    .from(equipment)
    .orderBy(asc(equipment.code))
    .all();
}
