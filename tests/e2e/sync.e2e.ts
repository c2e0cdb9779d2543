import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { writeMaster } from '../../src-hq/services/master/write';
import { startTestHq, type TestHq } from '../helpers/hq';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';

let browser: Browser;
let host: RunningHost;
let hq: TestHq;

beforeAll(async () => {
  [browser, host, hq] = await Promise.all([launchBrowser(), startHost(['--demo']), startTestHq({ kind: 'pglite' })]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await hq?.close();
});

describe('enrolling a store with HQ in the browser', () => {
  it('an admin checks HQ’s plan (matches and conflicts), confirms, and the store syncs (zh-CN), a manager sees the status (English)', async () => {
    // HQ already knows two of the demo store's items, one of them under another name.
    const db = new Database(join(host.dataDir, 'store.sqlite'), { readonly: true });
    const demoItems = db.prepare('SELECT * FROM items ORDER BY code LIMIT 2').all() as Record<string, unknown>[];
    db.close();
    for (const [i, it] of demoItems.entries()) {
      const row = {
        id: uuidv7(),
        code: it.code,
        name_zh: i === 0 ? `${String(it.name_zh)}（总部）` : it.name_zh,
        name_en: it.name_en,
        category: it.category,
        base_unit: it.base_unit,
        active: 1,
        shelf_life_days: it.shelf_life_days,
        lot_tracked: it.lot_tracked,
      };
      await hq.hq.ctx.db.transaction((tx) => writeMaster(tx, 'items', row, Date.now()));
    }
    const { enrollmentCode } = await hq.createStore('SH-DEMO', '演示门店');

    const { page } = await newPage(browser, 'zh-CN');
    await page.goto(host.url);
    await new LoginScreen(page).signIn('admin', '1234');
    await page.getByTestId('home-title').waitFor();
    expect(await page.getByTestId('sync-indicator').innerText()).toContain('未加入总部');
    await new ShellScreen(page).navigate('总部同步');
    await page.getByTestId('sync-hq-url').fill(hq.url);
    await page.getByTestId('sync-code').fill(enrollmentCode);
    await page.getByTestId('sync-preview').click();
    await page.getByTestId('sync-plan-panel').waitFor();
    const conflicts = await page.getByTestId('sync-conflicts').innerText();
    expect(conflicts).toContain(`${String(demoItems[0]!.name_zh)}（总部）`);
    await page.waitForTimeout(300);
    await screenshot(page, 'sync-preview-zh');

    await page.getByTestId('sync-confirm').click();
    await expect.poll(() => page.getByTestId('sync-state').innerText(), { timeout: 30_000 }).toBe('已同步');
    await expect.poll(() => page.getByTestId('sync-waiting').innerText(), { timeout: 30_000 }).toBe('0');
    expect(await page.getByTestId('sync-indicator').innerText()).toContain('上次同步');
    await page.locator('.ant-message').waitFor({ state: 'hidden' });
    await screenshot(page, 'sync-status-zh');

    // HQ now owns the item's shared fields: read-only under a note; the store's par level stays its own.
    await new ShellScreen(page).navigate('物料');
    await page.getByRole('gridcell', { name: 'BEV-001', exact: true }).dblclick();
    const form = page.getByTestId('item-form');
    expect(await form.getByTestId('hq-owned-note').innerText()).toMatch(/^由总部（.+）管理/);
    expect(await form.getByTestId('item-nameZh').isDisabled()).toBe(true);
    expect(await page.getByTestId('items-add').count()).toBe(0);
    expect(await form.getByTestId('item-addUnit').count()).toBe(0);
    await form.getByTestId('item-par').fill('5');
    await screenshot(page, 'item-hq-owned-zh');
    await page.getByTestId('item-save').click();
    await page.getByText('物料 BEV-001 已保存。').waitFor();
    await page.context().close();

    const en = await newPage(browser, 'en-US');
    await en.page.goto(host.url);
    await new LoginScreen(en.page).signIn('manager', '2345');
    await en.page.getByTestId('home-title').waitFor();
    await new ShellScreen(en.page).navigate('HQ sync');
    await expect.poll(() => en.page.getByTestId('sync-state').innerText()).toBe('In step');
    await en.page.getByText('Enrollment report').click();
    await en.page.getByTestId('sync-conflicts').waitFor();
    await en.page.waitForTimeout(300);
    await screenshot(en.page, 'sync-status-en');
    await new ShellScreen(en.page).navigate('Items');
    await en.page.getByRole('gridcell', { name: 'BEV-001', exact: true }).dblclick();
    const enForm = en.page.getByTestId('item-form');
    expect(await enForm.getByTestId('hq-owned-note').innerText()).toMatch(/^Managed by HQ \(.+\)/);
    expect(await enForm.getByTestId('item-par').isDisabled()).toBe(false);
    expect(await enForm.getByTestId('item-par').inputValue()).toBe('5');
    await en.page.waitForTimeout(300); // the dialog's opening animation
    await screenshot(en.page, 'item-hq-owned-en');
    await en.page.context().close();
  });

  // Runs after the enrollment above, on the same store.
  it('after enrollment HQ’s registers are read-only under one note; an equipment’s location stays the store’s (zh-CN and English, 1366 and 1024 wide)', async () => {
    const EQUIPMENT = 'SH001-FRZ-01';
    for (const [locale, width] of [
      ['zh-CN', 1366],
      ['en-US', 1024],
      ['zh-CN', 1024],
      ['en-US', 1366],
    ] as const) {
      const zh = locale === 'zh-CN';
      const tag = `${zh ? 'zh' : 'en'}-${width}`;
      const { page } = await newPage(browser, locale);
      await page.setViewportSize({ width, height: 768 });
      await page.goto(host.url);
      await new LoginScreen(page).signIn('admin', '1234');
      await page.getByTestId('home-title').waitFor();
      const shell = new ShellScreen(page);

      await shell.navigate(zh ? '故障代码' : 'Fault codes');
      await page.locator('.ant-table-row').first().waitFor();
      expect(await page.getByTestId('hq-owned-note').count()).toBe(1);
      expect(await page.getByTestId('hq-owned-note').innerText()).toMatch(
        zh ? /故障代码由总部统一维护/ : /Fault codes come from HQ/,
      );
      expect(await page.getByTestId('fault-add').count()).toBe(0);
      expect(await page.locator('.ant-switch').count()).toBe(0);
      await screenshot(page, `hq-owned-fault-codes-${tag}`);

      // The other registers: nothing to add or edit, one note each; the default layout stays the store's choice.
      for (const [path, ready, add] of [
        ['/items/categories', '.ag-row', 'categories-add'],
        ['/settings/reasons', '.ag-row', 'reason-add'],
        ['/repairs/vendors', '.ag-row', 'vendor-add'],
      ] as const) {
        await page.goto(`${host.url}/#${path}`);
        await page.locator(ready).first().waitFor();
        expect(await page.getByTestId('hq-owned-note').count(), path).toBe(1);
        expect(await page.getByTestId(add).count(), path).toBe(0);
        expect(await page.getByRole('button', { name: zh ? /^编 ?辑$/ : /^Edit$/ }).count(), path).toBe(0);
      }
      await page.goto(`${host.url}/#/settings/labels`);
      await page.getByTestId('label-preview').waitFor();
      expect(await page.getByTestId('hq-owned-note').count()).toBe(1);
      expect(await page.getByTestId('template-name').isDisabled()).toBe(true);
      expect(await page.getByTestId('template-default').isDisabled()).toBe(false);
      expect(await page.getByTestId('template-save').isDisabled()).toBe(false);
      await screenshot(page, `hq-owned-labels-${tag}`);

      await shell.navigate(zh ? '设备' : 'Equipment');
      await page.getByRole('gridcell', { name: EQUIPMENT }).waitFor();
      expect(await page.getByTestId('hq-owned-note').count()).toBe(1);
      expect(await page.getByTestId('equipment-add').count()).toBe(0);
      await screenshot(page, `hq-owned-equipment-${tag}`);

      await page.getByTestId(`equipment-edit-${EQUIPMENT}`).click();
      const form = page.getByTestId('equipment-form');
      await form.waitFor();
      await page.waitForTimeout(400); // the dialog's opening animation
      expect(await form.getByTestId('equipment-name').isDisabled()).toBe(true);
      expect(await form.getByTestId('hq-owned-note').count()).toBe(1);
      const location = form.getByTestId('equipment-location');
      expect(await location.isDisabled()).toBe(false);
      await location.fill(zh ? '后厨冷库旁' : 'Back kitchen');
      await screenshot(page, `hq-owned-equipment-form-${tag}`);
      await page.getByTestId('equipment-save').click();
      await page.getByText(zh ? `${EQUIPMENT} 已保存。` : `${EQUIPMENT} saved.`, { exact: true }).waitFor();
      await page.context().close();
    }
  });
});
