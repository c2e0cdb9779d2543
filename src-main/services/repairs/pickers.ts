import type { equipment, serviceVendors, users } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { CAUSE_KIND, FIX_KIND, listFaultCodes, reasonList } from './codes';
import { GENERAL_CATEGORY } from './codes-data';
import { repairSettings, storeTz } from './common';

const categoriesInUse = sql<Pick<typeof equipment.$inferSelect, 'category'>>(
  'SELECT DISTINCT category FROM equipment WHERE active = 1',
);
const activeTechnicians = sql<{ userId: string } & Pick<typeof users.$inferSelect, 'displayName'>>(
  "SELECT id AS userId, display_name AS displayName FROM users WHERE role = 'technician' AND disabled = 0 ORDER BY display_name",
);
const activeVendors = sql<Pick<typeof serviceVendors.$inferSelect, 'id' | 'code' | 'name'>>(
  'SELECT id, code, name FROM service_vendors WHERE active = 1 ORDER BY code',
);

/** Everything the repair screens pick from, in one call. */
export function repairPickers(ctx: Ctx) {
  const faultCodes = listFaultCodes(ctx, {});
  const categories = new Set<string>(categoriesInUse.all(ctx.sqlite).map((r) => r.category));
  for (const f of faultCodes) if (f.category !== GENERAL_CATEGORY) categories.add(f.category);
  return {
    faultCodes,
    resolutionCodes: reasonList(ctx, FIX_KIND),
    rootCauseCodes: reasonList(ctx, CAUSE_KIND),
    categories: [...categories].sort(),
    technicians: activeTechnicians.all(ctx.sqlite),
    vendors: activeVendors.all(ctx.sqlite),
    settings: repairSettings(ctx),
    timezone: storeTz(ctx),
  };
}
