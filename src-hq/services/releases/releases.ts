import { and, count, desc, eq } from 'drizzle-orm';
import type { ReleaseDto, ReleasePinDto, StageDto } from '../../../src-shared/hq-api/methods/releases';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { hqReleasePins, hqReleases, stores } from '../../db/schema';
import { chooseVersion, compareVersions } from './choose';
import { rethrowRelease } from './errors';
import type { ReleaseStorage } from './storage';

export type ReleaseRow = typeof hqReleases.$inferSelect;

const iso = (t: number) => new Date(t).toISOString();

function needStorage(storage: ReleaseStorage | undefined): ReleaseStorage {
  if (!storage) throw new HqApiError('VALIDATION', 'hq.releases.e.noStorage');
  return storage;
}

function dto(r: ReleaseRow, pinned: number): ReleaseDto {
  return {
    version: r.version,
    channelFile: r.channelFile,
    path: r.path,
    releaseDate: r.releaseDate,
    rollout: r.rollout,
    files: r.files.map((f) => ({ name: f.name, size: f.size })),
    uploadedAt: iso(r.uploadedAt),
    uploadedBy: r.uploadedBy,
    pinned,
  };
}

export async function listReleases(q: Q): Promise<{ releases: ReleaseDto[]; pins: ReleasePinDto[] }> {
  const rows = await q.select().from(hqReleases).orderBy(desc(hqReleases.uploadedAt));
  const counts = await q
    .select({ version: hqReleasePins.version, n: count() })
    .from(hqReleasePins)
    .groupBy(hqReleasePins.version);
  const pinnedBy = new Map(counts.map((c) => [c.version, Number(c.n)]));
  const pins = await q
    .select({ pin: hqReleasePins, code: stores.code, name: stores.name })
    .from(hqReleasePins)
    .innerJoin(stores, eq(stores.id, hqReleasePins.storeId))
    .orderBy(stores.code);
  return {
    releases: rows
      .sort((a, b) => compareVersions(b.version, a.version))
      .map((r) => dto(r, pinnedBy.get(r.version) ?? 0)),
    pins: pins.map((p) => ({
      storeId: p.pin.storeId,
      storeCode: p.code,
      storeName: p.name,
      version: p.pin.version,
      pinnedAt: iso(p.pin.pinnedAt),
      pinnedBy: p.pin.pinnedBy,
    })),
  };
}

export async function stageRelease(
  storage: ReleaseStorage | undefined,
  q: Q,
  input: { channelFile: string; manifest: string },
  now: number,
): Promise<StageDto> {
  const stage = await needStorage(storage).createStage(input.channelFile, input.manifest, now).catch(rethrowRelease);
  const [taken] = await q
    .select({ v: hqReleases.version })
    .from(hqReleases)
    .where(eq(hqReleases.version, stage.manifest.version));
  if (taken) {
    await storage!.discardStage(stage.id);
    throw new HqApiError('CONFLICT', 'hq.releases.e.versionExists', { version: stage.manifest.version });
  }
  return {
    stageId: stage.id,
    version: stage.manifest.version,
    files: stage.manifest.files.map((f) => ({ name: f.url, size: f.size })),
  };
}

/**
 * The row goes in first, in the call's transaction; the directory is renamed
 * into place last, so a refused insert (the version exists) moves nothing,
 * and a failed rename rolls the row back with the transaction.
 */
export async function publishRelease(
  storage: ReleaseStorage | undefined,
  q: Q,
  stageId: string,
  by: string,
  now: number,
): Promise<ReleaseDto> {
  const s = needStorage(storage);
  const stage = await s.readStage(stageId, now);
  if (!stage) throw new HqApiError('NOT_FOUND', 'hq.releases.e.stageGone');
  const files = await s.verifyStage(stage).catch(async (err: unknown) => {
    await s.discardStage(stageId);
    return rethrowRelease(err);
  });
  const m = stage.manifest;
  const inserted = await q
    .insert(hqReleases)
    .values({
      version: m.version,
      channelFile: stage.channelFile,
      path: m.path,
      sha512: m.sha512,
      releaseDate: m.releaseDate,
      files,
      rollout: 0,
      uploadedAt: now,
      uploadedBy: by,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) {
    await s.discardStage(stageId);
    throw new HqApiError('CONFLICT', 'hq.releases.e.versionExists', { version: m.version });
  }
  await s.publishStage(stage);
  return dto(inserted[0]!, 0);
}

export async function discardStage(storage: ReleaseStorage | undefined, stageId: string): Promise<void> {
  await needStorage(storage).discardStage(stageId);
}

export async function setRollout(q: Q, version: string, rollout: number, now: number): Promise<void> {
  const done = await q
    .update(hqReleases)
    .set({ rollout, updatedAt: now })
    .where(eq(hqReleases.version, version))
    .returning({ v: hqReleases.version });
  if (done.length === 0) throw new HqApiError('NOT_FOUND', 'hq.releases.e.notFound', { version });
}

export async function pinStore(q: Q, storeId: string, version: string | null, by: string, now: number) {
  const [store] = await q.select({ id: stores.id }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new HqApiError('NOT_FOUND', 'hq.error.storeNotFound');
  if (version === null) {
    await q.delete(hqReleasePins).where(eq(hqReleasePins.storeId, storeId));
    return;
  }
  const [release] = await q.select({ v: hqReleases.version }).from(hqReleases).where(eq(hqReleases.version, version));
  if (!release) throw new HqApiError('NOT_FOUND', 'hq.releases.e.notFound', { version });
  await q
    .insert(hqReleasePins)
    .values({ storeId, version, pinnedAt: now, pinnedBy: by })
    .onConflictDoUpdate({ target: hqReleasePins.storeId, set: { version, pinnedAt: now, pinnedBy: by } });
}

/** The release a store's updater is offered on this feed file (its platform), per chooseVersion. */
export async function releaseForStore(q: Q, storeId: string, channelFile: string): Promise<ReleaseRow | null> {
  const rows = await q.select().from(hqReleases).where(eq(hqReleases.channelFile, channelFile));
  const [pin] = await q.select().from(hqReleasePins).where(eq(hqReleasePins.storeId, storeId));
  return chooseVersion(storeId, rows, pin?.version ?? null);
}

export async function releaseFile(q: Q, version: string, name: string) {
  const [row] = await q
    .select()
    .from(hqReleases)
    .where(and(eq(hqReleases.version, version)));
  return row?.files.find((f) => f.name === name) ?? null;
}
