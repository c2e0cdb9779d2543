import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../src-hq/tools/demo';
import type { HqEquipmentDto } from '../../src-shared/hq-api/methods/master-data';
import type { StoreHealthDto } from '../../src-shared/hq-api/methods/stores';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import { HqApiClient } from '../helpers/hq';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { startHq } from './support/hq';
import { LoginScreen, ShellScreen } from './support/pages';
import { gridRow, heading, settled } from './support/screen';

/**
 * HQ's master data screens in Chromium, both languages, against the built
 * HQ (its demo) and a real store host enrolled with it: HQ adds a fault code
 * and edits a store's equipment, reads both rows' history, and after the
 * store's sync its own fault-code screen lists the new code.
 */

let browser: Browser;
let hq: RunningHost;
let store: RunningHost;
let api: HqApiClient;
let storeId: string;

const LANGS = [
  { locale: 'zh-CN' as Locale, os: 'zh-CN' as const, suffix: 'zh', name: '压缩机异响', renamed: '后厨冷柜（二号）' },
  {
    locale: 'en' as Locale,
    os: 'en-US' as const,
    suffix: 'en',
    name: 'Compressor noise',
    renamed: 'Back freezer No. 2',
  },
];

beforeAll(async () => {
  [browser, hq, store] = await Promise.all([
    launchBrowser(),
    startHq(['--demo', '--demo-days', '0']),
    startHost(['--demo']),
  ]);
  api = new HqApiClient(hq.url);
  await api.call('session.login', DEMO_ADMIN);
  // The store joins HQ through its own screen, as a store administrator would.
  const issued = await api.call<{ enrollmentCode: string }>('stores.create', { code: 'E2E-M', name: '主数据测试店' });
  const { page, context } = await newPage(browser, 'zh-CN');
  await page.goto(store.url);
  await new LoginScreen(page).signIn('admin', '1234');
  await page.getByTestId('home-title').waitFor();
  await new ShellScreen(page).navigate('总部同步');
  await page.getByTestId('sync-hq-url').fill(hq.url);
  await page.getByTestId('sync-code').fill(issued.enrollmentCode);
  await page.getByTestId('sync-preview').click();
  await page.getByTestId('sync-plan-panel').waitFor();
  await page.getByTestId('sync-confirm').click();
  // expect.poll belongs to tests; this is setup.
  await page.getByTestId('sync-state').getByText('已同步', { exact: true }).waitFor({ timeout: 30_000 });
  await context.close();
  storeId = (await api.call<StoreHealthDto[]>('stores.list')).find((s) => s.code === 'E2E-M')!.id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([hq?.stop(), store?.stop()]);
});

describe.each(LANGS)('HQ master data ($suffix)', (lang) => {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(lang.locale, key, params);
  const shot = (p: Page, name: string) => screenshot(p, `hq-master-${name}-${lang.suffix}`);
  const FAULT = `RF-E2E-${lang.suffix.toUpperCase()}`;
  let page: Page;
  let equipment: HqEquipmentDto;

  beforeAll(async () => {
    ({ page } = await newPage(browser, lang.os));
    equipment = await api.call<HqEquipmentDto>('master.equipment.save', {
      code: `E2E-FRZ-${lang.suffix}`,
      name: '冷柜',
      category: 'refrigeration',
      storeId,
    });
    await page.goto(hq.url);
    await page.getByTestId('login-username').fill(DEMO_ADMIN.username);
    await page.getByTestId('login-secret').fill(DEMO_ADMIN.password);
    await page.getByTestId('login-secret').press('Enter');
    await heading(page, tr('hq.stores.title'));
  });
  afterAll(() => page?.context().close());

  const nav = (key: MessageKey) => page.getByTestId('nav').getByText(tr(key), { exact: true }).click();
  const row = (text: string) => page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: text });
  const filterBy = (column: number, text: string) => page.locator('.ag-floating-filter input').nth(column).fill(text);
  /** The history button sits in the pinned right column: the row with the same index there. */
  async function openHistory(text: string) {
    const index = await row(text).first().getAttribute('row-index');
    await page.locator(`.ag-row[row-index="${index}"]`).getByTestId('row-history').click();
    const drawer = page.getByTestId('history-drawer');
    await drawer.getByTestId('history-entry').first().waitFor();
    return drawer;
  }

  it('adds a fault code, refuses it as its own group, and shows its history', async () => {
    await nav('hqm.nav.faults');
    await heading(page, tr('hqm.nav.faults'));
    await page.getByTestId('master-add').click();
    await page.getByTestId('fault-code').fill(FAULT);
    await page.getByTestId('fault-category').fill('refrigeration');
    await page.getByTestId('fault-name-zh').fill('压缩机异响');
    await page.getByTestId('fault-name-en').fill('Compressor noise');
    await page.getByTestId('fault-save').click();
    await page.getByText(tr('hq.master.saved')).first().waitFor();
    // The chain has many codes: the grid's own filter on the code column brings the new one into view.
    await filterBy(1, FAULT);
    expect(await gridRow(page, FAULT)).toContain(lang.name);

    // Made its own group: refused on the group field, in this language.
    await row(FAULT).first().dblclick();
    await page.getByTestId('fault-parent').click();
    await page.locator('.ant-select-item-option').filter({ hasText: FAULT }).click();
    await page.getByTestId('fault-save').click();
    // Next to the group field, not only in a toast.
    await page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: tr('hqm.e.faultSelf', { code: FAULT }) })
      .waitFor();
    await settled(page);
    await shot(page, 'fault-refused');
    await page.keyboard.press('Escape');
    await page.getByTestId('fault-form').waitFor({ state: 'detached' });

    const drawer = await openHistory(FAULT);
    const text = await drawer.innerText();
    expect(text).toContain(tr('hqm.history.op.create'));
    expect(text).toContain(DEMO_ADMIN.username);
    expect(text).toContain('压缩机异响');
    await settled(page);
    await shot(page, 'fault-history');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('edits a store’s equipment and reads the change in its history', async () => {
    await nav('hqm.nav.equipment');
    await heading(page, tr('hqm.nav.equipment'));
    await filterBy(0, equipment.code);
    await row(equipment.code).first().dblclick();
    await page.getByTestId('equipment-name').fill(lang.renamed);
    await page.getByTestId('equipment-criticality').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: tr('hqm.crit.high') })
      .click();
    await page.getByTestId('equipment-save').click();
    await page.getByText(tr('hq.master.saved')).first().waitFor();
    expect(await gridRow(page, equipment.code)).toContain(lang.renamed);

    const drawer = await openHistory(equipment.code);
    const first = drawer.getByTestId('history-entry').first();
    const text = await first.innerText();
    expect(text).toContain(tr('hqm.history.op.update'));
    expect(text).toContain(`${tr('hqm.f.name')}\t冷柜\t${lang.renamed}`);
    expect(text).toContain(`${tr('hqm.f.criticality')}\t${tr('hqm.crit.medium')}\t${tr('hqm.crit.high')}`);
    await settled(page);
    await shot(page, 'equipment-history');
    await page.keyboard.press('Escape');
  });

  it('the store lists the new fault code after its sync', async () => {
    const { page: sp, context } = await newPage(browser, lang.os);
    await sp.goto(store.url);
    await new LoginScreen(sp).signIn('admin', '1234');
    await sp.getByTestId('home-title').waitFor();
    const shell = new ShellScreen(sp);
    await shell.navigate(lang.suffix === 'zh' ? '总部同步' : 'HQ sync');
    await sp.getByTestId('sync-now').click();
    await expect
      .poll(() => sp.getByTestId('sync-state').innerText(), { timeout: 30_000 })
      .toBe(lang.suffix === 'zh' ? '已同步' : 'In step');
    await shell.navigate(lang.suffix === 'zh' ? '故障代码' : 'Fault codes');
    const line = sp.locator('.ant-table-row').filter({ hasText: FAULT });
    await expect.poll(() => line.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await line.first().innerText()).toContain(lang.name);
    await line.first().scrollIntoViewIfNeeded();
    await screenshot(sp, `hq-master-store-fault-${lang.suffix}`);
    await context.close();
  });
});
