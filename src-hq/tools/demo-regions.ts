import { sql } from 'drizzle-orm';
import type { Q } from '../db/client';
import { regions } from '../db/schema';
import { saveRegion } from '../services/regions/regions';

/** The demo chain's regions by their Chinese name, each made once (code and English name beside it). */
const DEMO_REGIONS: Record<string, { code: string; nameEn: string }> = {
  华东: { code: 'EAST', nameEn: 'East China' },
  华北: { code: 'NORTH', nameEn: 'North China' },
  华南: { code: 'SOUTH', nameEn: 'South China' },
};

/** The id of the demo region named `nameZh`, created the first time. */
export async function demoRegionId(q: Q, nameZh: string, now: number): Promise<string | null> {
  const r = DEMO_REGIONS[nameZh];
  if (!r) return null;
  const [found] = await q
    .select({ id: regions.id })
    .from(regions)
    .where(sql`lower(${regions.code}) = lower(${r.code})`);
  return found?.id ?? (await saveRegion(q, { code: r.code, nameZh, nameEn: r.nameEn }, now)).id;
}
