import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { request, type IncomingMessage, type RequestOptions } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import {
  CancellationToken,
  configureRequestOptions,
  configureRequestUrl,
  HttpExecutor,
  type DownloadOptions,
} from 'builder-util-runtime';
import type { BlockMap } from 'builder-util-runtime/out/blockMapApi';
// eslint-disable-next-line no-restricted-imports -- the updater's own code is what this test runs (loaded without Electron: see below)
import { NsisUpdater, type AppUpdater } from 'electron-updater';
// eslint-disable-next-line no-restricted-imports -- the updater's own code is what this test runs (loaded without Electron: see below)
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
// eslint-disable-next-line no-restricted-imports -- the updater's own code is what this test runs (loaded without Electron: see below)
import { GenericDifferentialDownloader } from 'electron-updater/out/differentialDownloader/GenericDifferentialDownloader';
// eslint-disable-next-line no-restricted-imports -- the updater's own code is what this test runs (loaded without Electron: see below)
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqAudit } from '../../src-hq/db/schema';
import { createHqUser } from '../../src-hq/services/auth/users';
import { updateFeedAuthorization, UPDATE_FEED_PATH } from '../../src-shared/sync/update-feed';
import { HqApiClient, startTestHq, TEST_VERSIONS, type TestHq, type TestStore } from '../helpers/hq';
import { chooseUpdateFeed } from '../../src-main/sync/update-feed';
import { stopTestPostgres } from '../helpers/hq-db';
import { sweepReleaseFiles } from '../../src-hq/services/releases/releases';
import { installerBytes, putFile, releaseFixture, sha512, uploadRelease } from '../helpers/releases';

afterAll(stopTestPostgres);

/**
 * electron-updater's own code, run against HQ's feed. Its updaters load
 * without Electron when given an AppAdapter (its documented seam; the default
 * one reads electron's `app`), but then have no HTTP executor: Electron's
 * `net` is replaced by builder-util-runtime's HttpExecutor over node:http,
 * the one electron-builder itself uses. Everything else (channel file,
 * manifest parsing, version choice, file resolution, blockmap URLs, the
 * differential downloader's range requests) is electron-updater's.
 */
class NodeExecutor extends HttpExecutor<ReturnType<typeof request>> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void) {
    return request(options, callback);
  }

  /** ElectronHttpExecutor.download without Electron: builder-util-runtime's doDownload checks the sha512. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return new Promise((resolve, reject) => {
      const requestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel: () => {},
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

function appAt(version: string, dir: string): AppAdapter {
  return {
    version,
    name: 'store-backoffice',
    isPackaged: true,
    appUpdateConfigPath: join(dir, 'app-update.yml'),
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
}

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const PASSWORD = 'correct horse 9';

describe("the store's updater against HQ's feed", () => {
  let t: TestHq;
  let admin: HqApiClient;
  let dir: string;
  let pinned: TestStore;
  let unpinned: TestStore;
  const previous = releaseFixture('1.0.0', installerBytes(200_000, 1));
  const next = releaseFixture('1.1.0', installerBytes(200_000, 2, [3, 7]));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hq-releases-'));
    t = await startTestHq({ kind: 'pglite', options: { releasesDir: join(dir, 'releases') } });
    await createHqUser(
      t.hq.ctx.db,
      { username: 'boss', displayName: 'Boss', role: 'admin', password: PASSWORD },
      Date.now(),
    );
    admin = new HqApiClient(t.url);
    await admin.call('session.login', { username: 'boss', password: PASSWORD });
    pinned = await t.enrolledStore();
    unpinned = await t.enrolledStore();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function updaterFor(store: TestStore, currentVersion: string): { updater: AppUpdater; executor: NodeExecutor } {
    const cache = mkdtempSync(join(dir, 'store-'));
    const updater = new NsisUpdater(null, appAt(currentVersion, cache));
    const executor = new NodeExecutor();
    (updater as unknown as { httpExecutor: NodeExecutor }).httpExecutor = executor;
    updater.logger = silent;
    updater.autoDownload = false;
    updater.setFeedURL({ provider: 'generic', url: `${t.url}${UPDATE_FEED_PATH}` });
    // What src-main/app/updater.ts sets when the store is enrolled.
    updater.requestHeaders = { Authorization: updateFeedAuthorization(store.storeId, store.credential) };
    return { updater, executor };
  }

  it('takes two releases, each file checked against its latest.yml, and refuses a tampered one whole', async () => {
    expect((await uploadRelease(t.url, admin, previous)).refused).toBeNull();
    expect((await uploadRelease(t.url, admin, next)).refused).toBeNull();

    const tampered = releaseFixture('1.2.0', installerBytes(200_000, 3));
    const flipped = Buffer.from(tampered.installer);
    flipped[1000]! ^= 0xff;
    const bad = await uploadRelease(t.url, admin, tampered, [[tampered.installerName, flipped]]);
    expect(bad.refused?.status).toBe(400);
    expect(bad.refused?.body.error?.code).toBe('VALIDATION');
    expect(bad.refused?.body.error?.message).toContain(tampered.installerName);
    expect(bad.refused?.body.error?.message).toContain('sha512');
    expect(bad.refused?.body.error?.fields[0]?.path).toBe(`files.${tampered.installerName}`);

    const short = releaseFixture('1.2.1', installerBytes(200_000, 4));
    const cut = await uploadRelease(t.url, admin, short, [[short.installerName, short.installer.subarray(0, 150_000)]]);
    expect(cut.refused?.body.error?.message).toMatch(/150000 bytes, but latest\.yml says 200000/);

    // Nothing half-stored: no staging left, no release listed, the stage cannot be published.
    expect(readdirSync(join(dir, 'releases', '.staging'))).toEqual([]);
    expect(existsSync(join(dir, 'releases', '1.2.0'))).toBe(false);
    const after = await admin.raw('releases.publish', { stageId: bad.stageId });
    expect(after.body.error?.code).toBe('NOT_FOUND');
    const list = await admin.call<{ releases: { version: string }[] }>('releases.list');
    expect(list.releases.map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
    const refusals = await t.hq.ctx.db.select().from(hqAudit).where(eq(hqAudit.method, 'releases.upload'));
    expect(refusals.filter((a) => 'refused' in (a.detail as object))).toHaveLength(2);
  });

  it('offers the pinned store the previous version and the other store the new one', async () => {
    await admin.call('releases.setRollout', { version: '1.0.0', rollout: 100 });
    await admin.call('releases.setRollout', { version: '1.1.0', rollout: 100 });
    await admin.call('releases.pin', { storeId: pinned.storeId, version: '1.0.0' });

    const a = await updaterFor(pinned, '0.9.0').updater.checkForUpdates();
    expect(a?.isUpdateAvailable).toBe(true);
    expect(a?.updateInfo.version).toBe('1.0.0');
    const b = await updaterFor(unpinned, '0.9.0').updater.checkForUpdates();
    expect(b?.isUpdateAvailable).toBe(true);
    expect(b?.updateInfo.version).toBe('1.1.0');
    // The pinned store already on 1.0.0 is offered nothing newer.
    const held = await updaterFor(pinned, '1.0.0').updater.checkForUpdates();
    expect(held?.isUpdateAvailable).toBe(false);
  });

  it('serves the offered installer byte for byte, and the differential download its changed blocks by range', async () => {
    const { updater, executor } = updaterFor(unpinned, '1.0.0');
    const check = await updater.checkForUpdates();
    const headers = { Authorization: updateFeedAuthorization(unpinned.storeId, unpinned.credential) };
    const provider = new GenericProvider({ provider: 'generic', url: `${t.url}${UPDATE_FEED_PATH}` }, updater, {
      isUseMultipleRangeRequest: true,
      platform: process.platform as 'linux',
      // The runtime options are typed for Electron's executor; any HttpExecutor is what the provider uses.
      executor: executor as never,
    });
    const [file] = provider.resolveFiles(check!.updateInfo);
    const full = join(dir, 'full.exe');
    // builder-util-runtime checks the sha512 from latest.yml as it downloads.
    await executor.download(file!.url, full, {
      headers,
      sha512: file!.info.sha512,
      cancellationToken: new CancellationToken(),
    });
    expect(sha512(await readFile(full))).toBe(sha512(next.installer));

    // The old blockmap is found by replacing the version in the new file's URL: HQ's per-version folders keep that true.
    const [oldMap, newMap] = await provider.getBlockMapFiles(file!.url, '1.0.0', '1.1.0');
    const blockmap = async (u: URL) =>
      JSON.parse(
        gunzipSync(
          await executor.downloadToBuffer(u, { headers, cancellationToken: new CancellationToken() }),
        ).toString(),
      ) as BlockMap;
    const oldFile = join(dir, 'old.exe');
    await writeFile(oldFile, previous.installer);
    const newFile = join(dir, 'diff.exe');
    const downloader = new GenericDifferentialDownloader(file!.info, executor as never, {
      oldFile,
      newUrl: file!.url,
      logger: silent,
      newFile,
      requestHeaders: headers,
      isUseMultipleRangeRequest: true,
      cancellationToken: new CancellationToken(),
    });
    await downloader.download(await blockmap(oldMap!), await blockmap(newMap!));
    expect(sha512(await readFile(newFile))).toBe(sha512(next.installer));
  });

  it("names its feed in the session answer, which the store joins to HQ's address", async () => {
    const s = await t.client.post<{ ok: boolean; updateFeed?: string }>('session', {
      requestId: randomUUID(),
      storeId: unpinned.storeId,
      credential: unpinned.credential,
      versions: TEST_VERSIONS,
    });
    expect(s.body.updateFeed).toBe(UPDATE_FEED_PATH);
    const feed = chooseUpdateFeed(
      { hqUrl: t.url, storeId: unpinned.storeId, credential: unpinned.credential },
      s.body.updateFeed,
      '',
    );
    const yml = await fetch(`${(feed as { url: string }).url}${next.channelFile}`, {
      headers: (feed as { headers: Record<string, string> }).headers,
    });
    expect(await yml.text()).toContain("version: '1.1.0'");
  });

  it("refuses a wrong credential and another store's credential", async () => {
    const feed = `${t.url}${UPDATE_FEED_PATH}${next.channelFile}`;
    const none = await fetch(feed);
    expect(none.status).toBe(401);
    const wrong = await fetch(feed, {
      headers: { Authorization: updateFeedAuthorization(pinned.storeId, unpinned.credential) },
    });
    expect(wrong.status).toBe(403);
    const { updater } = updaterFor({ ...pinned, credential: 'x'.repeat(43) } as TestStore, '0.9.0');
    await expect(updater.checkForUpdates()).rejects.toThrow(/401/);
  });

  it('refuses file names with folders or odd characters, and uploads from non-admins', async () => {
    const stage = await admin.call<{ stageId: string }>('releases.stage', {
      channelFile: previous.channelFile,
      manifest: releaseFixture('1.3.0', installerBytes(1000, 5)).manifest,
    });
    const escape = await putFile(t.url, admin, stage.stageId, '../../evil.exe', Buffer.from('x'));
    expect(escape.body.ok).toBe(false);
    const traversal = await admin.raw('releases.stage', {
      channelFile: previous.channelFile,
      manifest: previous.manifest.replaceAll('Store-Backoffice-Setup-1.0.0.exe', '../x.exe').replace('1.0.0', '1.4.0'),
    });
    expect(traversal.body.error?.message).toMatch(/“\.\.\/x\.exe”/);
    await createHqUser(
      t.hq.ctx.db,
      { username: 'ops', displayName: 'Ops', role: 'operations', password: PASSWORD },
      Date.now(),
    );
    const ops = new HqApiClient(t.url);
    await ops.call('session.login', { username: 'ops', password: PASSWORD });
    expect((await ops.raw('releases.setRollout', { version: '1.0.0', rollout: 5 })).body.error?.code).toBe('FORBIDDEN');
    expect((await putFile(t.url, ops, stage.stageId, 'x.exe', Buffer.from('x'))).status).toBe(403);
  });

  it('lists what each store is offered, and removes a release only when no store is pinned to it', async () => {
    const list = await admin.call<{
      releases: { version: string; pinned: number; reach: number }[];
      stores: { storeId: string; pin: { version: string } | null; offered: string[] }[];
    }>('releases.list');
    expect(list.releases.map((r) => [r.version, r.pinned, r.reach])).toEqual([
      ['1.1.0', 0, 1],
      ['1.0.0', 1, 1],
    ]);
    const store = (id: string) => list.stores.find((s) => s.storeId === id);
    expect(store(pinned.storeId)).toMatchObject({ pin: { version: '1.0.0' }, offered: ['1.0.0'] });
    expect(store(unpinned.storeId)).toMatchObject({ pin: null, offered: ['1.1.0'] });

    const held = await admin.raw('releases.remove', { version: '1.0.0' });
    expect(held.body.error?.code).toBe('CONFLICT');
    expect(held.body.error?.message).toBe(
      '1 stores are pinned to 1.0.0: pin them to another version or let them follow the rollouts first.',
    );

    const extra = releaseFixture('1.5.0', installerBytes(50_000, 6));
    expect((await uploadRelease(t.url, admin, extra)).refused).toBeNull();
    await admin.call('releases.setRollout', { version: '1.5.0', rollout: 100 });
    await admin.call('releases.remove', { version: '1.5.0' });
    // Off the feed at once (the unpinned store is offered 1.1.0 again), its files gone at the next sweep.
    const { updater } = updaterFor(unpinned, '0.9.0');
    expect((await updater.checkForUpdates())?.updateInfo.version).toBe('1.1.0');
    const file = await fetch(`${t.url}${UPDATE_FEED_PATH}1.5.0/${extra.installerName}`, {
      headers: { Authorization: updateFeedAuthorization(unpinned.storeId, unpinned.credential) },
    });
    expect(file.status).toBe(404);
    expect(existsSync(join(dir, 'releases', '1.5.0'))).toBe(true);
    expect(await sweepReleaseFiles(t.hq.ctx.db, t.hq.ctx.releases!)).toBe(1);
    expect(existsSync(join(dir, 'releases', '1.5.0'))).toBe(false);
    expect(existsSync(join(dir, 'releases', '1.1.0'))).toBe(true);
    const audit = await t.hq.ctx.db.select().from(hqAudit).where(eq(hqAudit.method, 'releases.remove'));
    expect(audit.map((a) => a.detail)).toEqual([{ input: { version: '1.5.0' } }]);

    const ops = new HqApiClient(t.url);
    await ops.call('session.login', { username: 'ops', password: PASSWORD });
    expect((await ops.raw('releases.list')).body.error?.code).toBe('FORBIDDEN');
  });
});
