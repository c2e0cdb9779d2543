import { asc, eq, sql } from 'drizzle-orm';
import type { RegionDto } from '../../../src-shared/hq-api/methods/regions';
import { uuidv7 } from '../../../src-main/lib/ids';
import { HqApiError } from '../../api/errors';
import { rows, type Q } from '../../db/client';
import { hqUserScopeRegions, regions, stores } from '../../db/schema';

export async function listRegions(q: Q): Promise<RegionDto[]> {
  const counts = await rows<{ region_id: string; n: number }>(
    q,
    sql`SELECT region_id, count(*)::int AS n FROM stores WHERE region_id IS NOT NULL GROUP BY region_id`,
  );
  const n = new Map(counts.map((c) => [c.region_id, c.n]));
  return (await q.select().from(regions).orderBy(asc(regions.code))).map((r) => ({
    id: r.id,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    stores: n.get(r.id) ?? 0,
  }));
}

export async function saveRegion(
  q: Q,
  input: { id?: string; code: string; nameZh: string; nameEn: string },
  now: number,
): Promise<RegionDto> {
  const [clash] = await q
    .select({ id: regions.id })
    .from(regions)
    .where(sql`lower(${regions.code}) = lower(${input.code})`);
  if (clash && clash.id !== input.id) {
    throw new HqApiError('CONFLICT', 'hq.regions.codeTaken', { code: input.code }, [
      { path: 'code', key: 'hq.regions.codeTaken', params: { code: input.code } },
    ]);
  }
  const values = { code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, updatedAt: now };
  let id = input.id;
  if (id) {
    const done = await q.update(regions).set(values).where(eq(regions.id, id)).returning({ id: regions.id });
    if (!done.length) throw new HqApiError('NOT_FOUND', 'hq.regions.notFound');
  } else {
    id = uuidv7(now);
    await q.insert(regions).values({ id, ...values, createdAt: now });
  }
  return (await listRegions(q)).find((r) => r.id === id)!;
}

/** Only an unused region: a store in it or a user's scope naming it would lose its meaning. */
export async function deleteRegion(q: Q, id: string): Promise<void> {
  const [inStore] = await q.select({ id: stores.id }).from(stores).where(eq(stores.regionId, id)).limit(1);
  const [inScope] = await q
    .select({ id: hqUserScopeRegions.userId })
    .from(hqUserScopeRegions)
    .where(eq(hqUserScopeRegions.regionId, id))
    .limit(1);
  if (inStore || inScope) throw new HqApiError('CONFLICT', 'hq.regions.inUse');
  const done = await q.delete(regions).where(eq(regions.id, id)).returning({ id: regions.id });
  if (!done.length) throw new HqApiError('NOT_FOUND', 'hq.regions.notFound');
}

/** A region a store is put in must exist (said plainly, rather than as a foreign-key failure). */
export async function assertRegionExists(q: Q, regionId: string | null): Promise<void> {
  if (regionId === null) return;
  const [r] = await q.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  if (!r) {
    throw new HqApiError('NOT_FOUND', 'hq.regions.notFound', undefined, [
      { path: 'regionId', key: 'hq.regions.notFound' },
    ]);
  }
}
