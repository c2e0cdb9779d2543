import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../src-hq/tools/demo';
import type { MethodOutput } from '../../src-shared/api';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import { HqApiClient } from '../helpers/hq';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { startHq } from './support/hq';
import { LoginScreen, ShellScreen } from './support/pages';
import { heading, settled } from './support/screen';

/**
 * Issue 12: HQ's maintenance team works a store's work order, in Chromium,
 * through both real processes. The demo store (enrolled through its API:
 * chain.e2e.ts covers the enrollment screens) reports a fault and syncs; HQ's
 * maintenance user opens it on HQ's Repairs page, assigns the store's
 * technician and resolves it with codes; the store syncs and confirms; HQ
 * closes it; after its next sync the store's work order is closed and its
 * timeline shows HQ's steps marked as HQ's. Once per language (HQ and the
 * store's screens in that language).
 */

interface Lang {
  locale: Locale;
  os: 'zh-CN' | 'en-US';
  suffix: 'zh' | 'en';
  fixer: { username: string; displayName: string };
}

const LANGS: Lang[] = [
  { locale: 'zh-CN', os: 'zh-CN', suffix: 'zh', fixer: { username: 'fixer-zh', displayName: '王工' } },
  { locale: 'en', os: 'en-US', suffix: 'en', fixer: { username: 'fixer-en', displayName: 'Sam Fixer' } },
];
const PASSWORD = 'fixer-pass-2468';
const STORE = { code: 'SH-001', name: '蜀香阁 · 人民广场店' };

type Detail = MethodOutput<'repairs.get'>;

let browser: Browser;
let store: RunningHost;
let hq: RunningHost;
let hqDir: string;
let storeId = '';

/** A store page signed in as its admin, for API calls with its session. */
async function storeAdmin(locale: 'zh-CN' | 'en-US'): Promise<{ page: Page; shell: ShellScreen }> {
  const { page } = await newPage(browser, locale);
  await page.goto(store.url);
  await new LoginScreen(page).signIn('admin', '1234');
  await page.getByTestId('home-title').waitFor();
  return { page, shell: new ShellScreen(page) };
}

/** Syncs until nothing waits to go up and `check` holds (the worker may be mid-run when asked); a plain loop: beforeAll has no expect.poll. */
async function syncUntil(shell: ShellScreen, check: () => Promise<boolean> = async () => true): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    const s = await shell.value<{ waiting: number }>('sync.now');
    if (s.waiting === 0 && (await check())) return;
    if (Date.now() > until) throw new Error(`not in step with HQ after 60 s: ${s.waiting} entries waiting`);
    await new Promise((ok) => setTimeout(ok, 1_000));
  }
}

beforeAll(async () => {
  hqDir = mkdtempSync(join(tmpdir(), 'hq-e2e-repairs-'));
  // The demo's master data (codes, vendors, regions) without the demo stores' year.
  [browser, store, hq] = await Promise.all([
    launchBrowser(),
    startHost(['--demo']),
    startHq(['--demo', '--demo-days', '0'], hqDir),
  ]);
  const admin = new HqApiClient(hq.url);
  await admin.call('session.login', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password });
  for (const l of LANGS) await admin.call('users.create', { ...l.fixer, role: 'maintenance', password: PASSWORD });
  const issued = await admin.call<{ enrollmentCode: string }>('stores.create', STORE);
  const { page, shell } = await storeAdmin('zh-CN');
  const input = { hqUrl: hq.url, code: issued.enrollmentCode };
  const plan = await shell.value<{ planHash: string }>('sync.enrollPreview', input);
  await shell.value('sync.enrollConfirm', { ...input, planHash: plan.planHash });
  // HQ adopts the store's own id at enrollment.
  const listed = await admin.call<{ id: string; code: string }[]>('stores.list');
  storeId = listed.find((s) => s.code === STORE.code)!.id;
  await syncUntil(shell);
  await page.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await store?.stop();
  await hq?.stop();
  if (hqDir) rmSync(hqDir, { recursive: true, force: true });
});

describe.each(LANGS)("HQ works a store's work order ($suffix)", (lang) => {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(lang.locale, key, params);
  const shot = (p: Page, name: string) => screenshot(p, `hq-repairs-${name}-${lang.suffix}`);

  it('assigns, resolves and closes at HQ; after sync the store shows each step marked as HQ’s', async () => {
    const { page: shop, shell } = await storeAdmin(lang.os);
    const wo = await shell.value<Detail>('repairs.report', {
      equipment: 'SH001-COOL-01',
      faultCode: 'GEN-OTHER',
      down: false,
      description: lang.suffix === 'zh' ? '冷库门关不严' : 'Cold room door does not seal',
      photos: [],
    });
    await syncUntil(shell);

    const { page: office } = await newPage(browser, lang.os);
    await office.goto(hq.url);
    await office.getByTestId('login-username').fill(lang.fixer.username);
    await office.getByTestId('login-secret').fill(PASSWORD);
    await office.getByTestId('login-secret').press('Enter');
    await office.getByTestId('user-menu').waitFor();
    await office.goto(`${hq.url}/repairs`);
    await heading(office, tr('hqRepairs.title'));
    await office.locator('.ag-row').first().waitFor();
    await settled(office);
    await shot(office, '1-list');

    // The work order from its link; assign the store's technician.
    const open = async () => {
      await office.goto(`${hq.url}/repairs?store=${storeId}&wo=${wo.id}`);
      await office.getByTestId('wo-drawer').getByText(wo.number).first().waitFor();
    };
    const step = async (action: 'assign' | 'resolve' | 'close', fill: () => Promise<void>, status: string) => {
      await office
        .getByTestId('wo-action')
        .getByText(tr(`repairs.action.${action}`), { exact: true })
        .click();
      await fill();
      await office.getByTestId('wo-act-submit').click();
      await office
        .getByTestId('wo-status')
        .getByText(tr(`repairs.status.${status as 'assigned'}`))
        .waitFor();
    };
    const pick = async (testId: string, option: string | RegExp) => {
      await office.getByTestId(testId).click();
      await office
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: option })
        .first()
        .click();
      // The list fades out: the next pick must not find this one's options.
      await expect.poll(() => office.locator('.ant-select-dropdown:visible').count()).toBe(0);
    };
    await open();
    await step('assign', () => pick('wo-assignee-select', /陈师傅/), 'assigned');
    await step(
      'resolve',
      async () => {
        await office
          .getByTestId('wo-resolution')
          .fill(lang.suffix === 'zh' ? '更换门封条' : 'Replaced the door gasket');
        await pick('wo-fix', /./);
        await pick('wo-cause', /./);
      },
      'resolved',
    );
    await expect.poll(() => office.getByTestId('wo-assignee').innerText()).toBe('陈师傅');
    await settled(office);
    await shot(office, '2-resolved');

    // The store sees HQ's steps and confirms the fix; HQ then closes it.
    await syncUntil(shell, async () => (await shell.value<Detail>('repairs.get', { id: wo.id })).status === 'resolved');
    await shell.value('repairs.transition', { id: wo.id, action: 'confirm', note: '' });
    await syncUntil(shell);
    await open();
    await step('close', async () => undefined, 'closed');
    await settled(office);
    await shot(office, '3-closed');

    await syncUntil(shell, async () => (await shell.value<Detail>('repairs.get', { id: wo.id })).status === 'closed');
    await shop.goto(`${store.url}/#/repairs/work-orders/${wo.id}`);
    await shop.locator('[data-testid="wo-status"][data-status="closed"]').waitFor();
    const fromHq = shop.getByTestId('wo-timeline').getByTestId('event-from-hq');
    await expect.poll(() => fromHq.count()).toBe(3);
    expect(await fromHq.first().innerText()).toBe(tr('hqRepairs.fromHqBy', { name: lang.fixer.displayName }));
    await shop.getByTestId('wo-timeline').getByTestId('event-assign').getByText('陈师傅').waitFor();
    await shop.getByTestId('wo-timeline').scrollIntoViewIfNeeded();
    await settled(shop);
    await shot(shop, '4-store');
    await office.close();
    await shop.close();
  }, 180_000);
});
