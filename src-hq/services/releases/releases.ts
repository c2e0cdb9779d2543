import { and, count, eq, ne } from 'drizzle-orm';
import type { ReleaseDto, ReleaseStoreDto, StageDto } from '../../../src-shared/hq-api/methods/releases';
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

function dto(r: ReleaseRow, pinned: number, reach: number): ReleaseDto {
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
    reach,
  };
}

/**
 * Every release with how many stores it reaches, and every store that is not
 * revoked (a pending store gets its version as soon as it enrolls) with its
 * pin and what the feed offers it: chooseVersion per feed file, the very
 * choice the feed makes, so the page cannot tell a different story.
 */
export async function listReleases(q: Q): Promise<{ releases: ReleaseDto[]; stores: ReleaseStoreDto[] }> {
  const rows = (await q.select().from(hqReleases)).sort((a, b) => compareVersions(b.version, a.version));
  const storeRows = await q
    .select({ id: stores.id, code: stores.code, name: stores.name, pin: hqReleasePins })
    .from(stores)
    .leftJoin(hqReleasePins, eq(hqReleasePins.storeId, stores.id))
    .where(ne(stores.status, 'revoked'))
    .orderBy(stores.code);
  const channels = new Map<string, ReleaseRow[]>();
  for (const r of rows) channels.set(r.channelFile, [...(channels.get(r.channelFile) ?? []), r]);
  const reach = new Map<string, number>();
  const pinned = new Map<string, number>();
  const out = storeRows.map((s) => {
    const offered: string[] = [];
    for (const releases of channels.values()) {
      const chosen = chooseVersion(s.id, releases, s.pin?.version ?? null);
      if (!chosen) continue;
      offered.push(chosen.version);
      reach.set(chosen.version, (reach.get(chosen.version) ?? 0) + 1);
    }
    if (s.pin) pinned.set(s.pin.version, (pinned.get(s.pin.version) ?? 0) + 1);
    return {
      storeId: s.id,
      storeCode: s.code,
      storeName: s.name,
      pin: s.pin && { version: s.pin.version, pinnedAt: iso(s.pin.pinnedAt), pinnedBy: s.pin.pinnedBy },
      offered,
    };
  });
  return {
    releases: rows.map((r) => dto(r, pinned.get(r.version) ?? 0, reach.get(r.version) ?? 0)),
    stores: out,
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
  return dto(inserted[0]!, 0, 0);
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

/**
 * Takes a release off the feed. Refused while a store is pinned to it (the
 * pin says that store must run it). Only the row goes here, in the call's
 * transaction: the feed serves files through the row, so they are gone for
 * the stores at commit, and sweepReleaseFiles removes the directory after.
 */
export async function removeRelease(q: Q, version: string): Promise<void> {
  const [pins] = await q.select({ n: count() }).from(hqReleasePins).where(eq(hqReleasePins.version, version));
  const n = Number(pins?.n ?? 0);
  if (n > 0) throw new HqApiError('CONFLICT', 'hq.releases.e.pinned', { version, n });
  const done = await q.delete(hqReleases).where(eq(hqReleases.version, version)).returning({ v: hqReleases.version });
  if (done.length === 0) throw new HqApiError('NOT_FOUND', 'hq.releases.e.notFound', { version });
}

/** The sweep's half of removeRelease: directories of versions HQ no longer lists. */
export async function sweepReleaseFiles(q: Q, storage: ReleaseStorage): Promise<number> {
  const listed = await q.select({ v: hqReleases.version }).from(hqReleases);
  return storage.removeUnlisted(new Set(listed.map((r) => r.v)));
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
