import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_STORES } from '../../src-hq/tools/demo';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import { UPDATE_FEED_PATH, updateFeedAuthorization } from '../../src-shared/sync/update-feed';
import { HqApiClient, SyncClient, TestStore } from '../helpers/hq';
import { installerBytes, releaseFixture, sha512, type ReleaseFixture } from '../helpers/releases';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHq } from './support/hq';
import type { RunningHost } from './support/host';
import { gridRow, heading, settled } from './support/screen';

/**
 * HQ's Releases page in Chromium, in both languages, against the built HQ:
 * an administrator uploads 1.0.0 (files chosen by hand) and 1.1.0 (its build
 * folder), a tampered installer is refused naming the file and both
 * checksums, 1.1.0 goes to 100 % and one store is pinned to 1.0.0; the page
 * shows it, and the update feed, asked with each store's credential,
 * answers 1.0.0 for the pinned store and 1.1.0 for the other. Operations
 * staff see no Releases entry and are refused the page.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface Lang {
  locale: Locale;
  os: 'zh-CN' | 'en-US';
  suffix: 'zh' | 'en';
}

const LANGS: Lang[] = [
  { locale: 'zh-CN', os: 'zh-CN', suffix: 'zh' },
  { locale: 'en', os: 'en-US', suffix: 'en' },
];

// latest.yml: what a Windows build writes, and what the stores' updater asks for.
const CHANNEL = 'latest.yml';
const OPS = { username: 'ops', displayName: 'Ops', role: 'operations', password: 'ops-pass-2468' } as const;

const asInputFiles = (r: ReleaseFixture, installer = r.installer) => [
  { name: r.channelFile, mimeType: 'text/yaml', buffer: Buffer.from(r.manifest) },
  { name: r.installerName, mimeType: 'application/octet-stream', buffer: installer },
  { name: `${r.installerName}.blockmap`, mimeType: 'application/octet-stream', buffer: r.blockmap },
];

describe.each(LANGS)('HQ releases ($suffix)', (lang) => {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(lang.locale, key, params);
  const shot = (p: Page, name: string) => screenshot(p, `hq-releases-${name}-${lang.suffix}`);
  let hq: RunningHost;
  let context: BrowserContext;
  let page: Page;
  let work: string;
  const stores: Record<'pinned' | 'other', TestStore & { hqCode: string }> = {} as never;
  const v100 = releaseFixture('1.0.0', installerBytes(300_000, 1), CHANNEL);
  const v110 = releaseFixture('1.1.0', installerBytes(300_000, 2, [2, 9]), CHANNEL);
  const v120 = releaseFixture('1.2.0', installerBytes(300_000, 3), CHANNEL);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hq-releases-e2e-'));
    // The demo's stores wait for enrollment (--demo-days 0: their year is tests/hq/demo.test.ts's).
    hq = await startHq(['--demo', '--demo-days', '0']);
    ({ context, page } = await newPage(browser, lang.os));
    const api = new HqApiClient(hq.url);
    await api.call('session.login', DEMO_ADMIN);
    await api.call('users.create', OPS);
    for (const [key, code] of [
      ['pinned', `REL-${lang.suffix}-A`],
      ['other', `REL-${lang.suffix}-B`],
    ] as const) {
      const issued = await api.call<{ enrollmentCode: string }>('stores.create', { code, name: `Store ${code}` });
      const store = Object.assign(new TestStore(new SyncClient(hq.url)), { hqCode: code });
      await store.enroll(issued.enrollmentCode);
      stores[key] = store;
    }
  });
  afterAll(async () => {
    await context?.close();
    await hq?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const nav = (key: MessageKey) => page.getByTestId('nav').getByText(tr(key), { exact: true }).click();
  const signIn = async (p: Page, user: { username: string; password: string }) => {
    await p.goto(hq.url);
    await heading(p, tr('hq.signIn.title'));
    await p.getByTestId('login-username').fill(user.username);
    await p.getByTestId('login-secret').fill(user.password);
    await p.getByTestId('login-secret').press('Enter');
    await heading(p, tr('hq.stores.title'));
  };
  const upload = () => page.getByTestId('release-upload-modal');
  const toast = (text: string) => page.locator('.ant-message-notice').getByText(text).waitFor();

  it('uploads 1.0.0 chosen file by file and 1.1.0 as its build folder', async () => {
    await signIn(page, DEMO_ADMIN);
    await nav('hq.nav.releases');
    await heading(page, tr('hq.releases.title'));

    await page.getByTestId('release-upload').click();
    await page.getByTestId('release-files-input').setInputFiles(asInputFiles(v100));
    expect(await upload().locator('.ant-table-row').count()).toBe(3);
    await page.getByTestId('release-upload-start').click();
    await toast(tr('hq.releases.upload.done', { version: '1.0.0' }));
    await upload().waitFor({ state: 'detached' });

    // electron-builder's output folder: the release, an older build's installer and the unpacked app beside it.
    const dist = join(work, 'dist');
    mkdirSync(join(dist, 'win-unpacked'), { recursive: true });
    for (const f of asInputFiles(v110)) writeFileSync(join(dist, f.name), f.buffer);
    writeFileSync(join(dist, v100.installerName), v100.installer);
    writeFileSync(join(dist, 'win-unpacked', 'Store Backoffice.exe'), Buffer.from('app'));
    await page.getByTestId('release-upload').click();
    await page.getByTestId('release-folder-input').setInputFiles(dist);
    expect(await upload().locator('.ant-table-row').count()).toBe(4);
    await page.getByTestId('release-upload-start').click();
    await toast(tr('hq.releases.upload.done', { version: '1.1.0' }));

    expect(await gridRow(page, '1.1.0')).toMatch(
      new RegExp(
        `^1\\.1\\.0 0 % 0 0 ${v110.installerName} \\(293 KB\\), ${v110.installerName}\\.blockmap \\(\\d+ B\\) `,
      ),
    );
    expect(await gridRow(page, /^1\.0\.0/)).toContain(`${v100.installerName} (293 KB)`);
  });

  it('refuses a tampered installer whole, naming the file and both checksums', async () => {
    const flipped = Buffer.from(v120.installer);
    flipped[5000]! ^= 0xff;
    await page.getByTestId('release-upload').click();
    await page.getByTestId('release-files-input').setInputFiles(asInputFiles(v120, flipped));
    await page.getByTestId('release-upload-start').click();
    const refusal = page.getByTestId('release-upload-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      `${tr('hq.releases.upload.refused')}\n${tr('hq.releases.e.file.checksum', {
        file: v120.installerName,
        actual: sha512(flipped),
        expected: sha512(v120.installer),
      })}`,
    );
    // latest.yml was read and accepted; the installer is the one marked refused.
    await expect
      .poll(() => page.getByTestId(`release-progress-${v120.installerName}`).getAttribute('class'))
      .toContain('ant-progress-status-exception');
    expect(await page.getByTestId(`release-progress-${CHANNEL}`).getAttribute('class')).toContain(
      'ant-progress-status-success',
    );
    await settled(page);
    await shot(page, 'refused');
    await page.getByTestId('release-upload-cancel').click();
    await upload().waitFor({ state: 'detached' });
    // Nothing listed for it.
    expect(
      await page
        .locator('.ag-row')
        .filter({ hasText: /^1\.2\.0/ })
        .count(),
    ).toBe(0);
  });

  it('sets 1.1.0 to 100 %, pins one store to 1.0.0, and the feed answers each store accordingly', async () => {
    await page.getByTestId('rollout-1.1.0').click();
    await page.getByTestId('rollout-input').fill('100');
    await page.getByTestId('rollout-save').click();
    await toast(tr('hq.releases.rollout.saved', { version: '1.1.0', rollout: 100 }));

    await page.getByTestId('release-tabs').getByText(tr('hq.releases.pins.title'), { exact: true }).click();
    const pinned = stores.pinned.hqCode;
    expect(await gridRow(page, pinned)).toContain(`${tr('hq.releases.pins.follow')} 1.1.0`);
    await page.getByTestId(`pin-${pinned}`).click();
    await page.locator('.ant-select-dropdown:visible').getByText('1.0.0', { exact: true }).click();
    await toast(tr('hq.releases.pins.saved', { store: `${pinned} Store ${pinned}`, version: '1.0.0' }));
    await expect
      .poll(() => gridRow(page, pinned))
      .toMatch(new RegExp(`^${pinned} Store ${pinned} 1\\.0\\.0 1\\.0\\.0 \\d{4}-`));
    expect(await gridRow(page, stores.other.hqCode)).toContain(`${tr('hq.releases.pins.follow')} 1.1.0`);
    await settled(page);
    await shot(page, 'pins-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, 'pins-1024');

    // Read again from HQ: the list opens first.
    await page.reload();
    await heading(page, tr('hq.releases.title'));
    // Every store but the pinned one (the demo's waiting stores and this test's other store) is offered 1.1.0.
    const reach = DEMO_STORES.length + 1;
    await expect.poll(() => gridRow(page, /^1\.1\.0/)).toMatch(new RegExp(`^1\\.1\\.0 100 % ${reach} 0 `));
    expect(await gridRow(page, /^1\.0\.0/)).toMatch(/^1\.0\.0 0 % 1 1 /);
    expect(await page.getByTestId('remove-1.0.0').isDisabled()).toBe(true);
    await shot(page, 'list-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'list-1366');

    for (const [store, version] of [
      [stores.pinned, '1.0.0'],
      [stores.other, '1.1.0'],
    ] as const) {
      const res = await fetch(`${hq.url}${UPDATE_FEED_PATH}${CHANNEL}`, {
        headers: { Authorization: updateFeedAuthorization(store.storeId, store.credential) },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`version: '${version}'`);
    }
  });

  it('shows operations staff no Releases entry and refuses them the page', async () => {
    const other = await newPage(browser, lang.os);
    try {
      await signIn(other.page, OPS);
      expect(await other.page.getByTestId('nav').innerText()).not.toContain(tr('hq.nav.releases'));
      await other.page.goto(`${hq.url}/releases`);
      await other.page.getByText(tr('shell.forbiddenPage')).waitFor();
    } finally {
      await other.context.close();
    }
  });
});
