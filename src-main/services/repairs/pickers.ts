import type { Ctx } from '../context';
import { CAUSE_KIND, FIX_KIND, listFaultCodes, reasonList } from './codes';
import { GENERAL_CATEGORY } from './codes-data';
import { repairSettings, storeTz, prep } from './common';

/** Everything the repair screens pick from, in one call. */
export function repairPickers(ctx: Ctx) {
  const faultCodes = listFaultCodes(ctx, {});
  const categories = new Set<string>(
    (prep(ctx, 'SELECT DISTINCT category FROM equipment WHERE active = 1').all() as { category: string }[]).map(
      (r) => r.category,
    ),
  );
  for (const f of faultCodes) if (f.category !== GENERAL_CATEGORY) categories.add(f.category);
  return {
    faultCodes,
    resolutionCodes: reasonList(ctx, FIX_KIND),
    rootCauseCodes: reasonList(ctx, CAUSE_KIND),
    categories: [...categories].sort(),
    technicians: prep(
      ctx,
      "SELECT id AS userId, display_name AS displayName FROM users WHERE role = 'technician' AND disabled = 0 ORDER BY display_name",
    ).all() as { userId: string; displayName: string }[],
    vendors: prep(ctx, 'SELECT id, code, name FROM service_vendors WHERE active = 1 ORDER BY code').all() as {
      id: string;
      code: string;
      name: string;
    }[],
    settings: repairSettings(ctx),
    timezone: storeTz(ctx),
  };
}
