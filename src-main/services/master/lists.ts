import { asc } from 'drizzle-orm';
import { equipment } from '../../db/schema';
import type { Ctx } from '../context';

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
