import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, SetupScreen, ShellScreen } from './support/pages';

/** Issue 9, point 6: the admin restores a backup from System, with the checks and a typed confirmation. */
let browser: Browser;
let host: RunningHost;
let page: Page;
let other: Page;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost()]);
  ({ page } = await newPage(browser, 'zh-CN'));
  ({ page: other } = await newPage(browser, 'zh-CN'));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const clerk = (username: string) => ({
  username,
  displayName: username,
  role: 'clerk',
  authKind: 'pin',
  secret: '3456',
});
const userNames = async (p: Page) => {
  const r = await new ShellScreen(p).callApi('users.list');
  return ((r.body as unknown as { value: { username: string }[] }).value ?? []).map((u) => u.username).sort();
};

describe('System › restore (Chinese, then English)', () => {
  it('backs up, refuses an empty upload, shows what a backup holds and restores it after the typed store code', async () => {
    await page.goto(host.url);
    await new SetupScreen(page).setUp({
      code: 'SH-009',
      name: '测试门店',
      username: 'boss',
      displayName: '店长',
      pin: '1234',
    });
    await page.getByTestId('home-title').waitFor();
    const shell = new ShellScreen(page);
    expect((await shell.callApi('users.create', clerk('before'))).status).toBe(200);
    await shell.navigate('系统信息');
    await page.getByTestId('backup-now').click();
    await page.getByText('备份已写入').first().waitFor();
    expect((await shell.callApi('users.create', clerk('after'))).status).toBe(200);

    // A second window, signed in elsewhere: it must land on the sign-in screen too.
    await other.goto(host.url);
    await new LoginScreen(other).signIn('boss', '1234');
    await other.getByTestId('home-title').waitFor();

    // An empty file is refused with a clear message, nothing changes.
    await page.getByTestId('restore-file').setInputFiles({
      name: 'empty.sqlite',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(0),
    });
    const refused = page.getByText('文件为空，不是备份。未做任何更改。请选择其他备份。', { exact: true });
    await refused.waitFor();
    await refused.waitFor({ state: 'hidden' });

    await page.getByTestId('restore-row').first().click();
    const dialog = page.getByTestId('restore-dialog');
    const contents = page.getByTestId('restore-contents');
    await contents.waitFor();
    expect(await contents.innerText()).toContain('SH-009 测试门店');
    expect(await contents.innerText()).toMatch(/2 \/ 0 \/ 0 \/ \d+/);
    const confirm = page.getByTestId('restore-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('restore-typed').fill('SH-00');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('restore-typed').fill('SH-009');
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await screenshot(page, 'system-restore-dialog-zh');
    expect(await dialog.innerText()).toContain('当前数据会先保存为“恢复前”备份');
    await confirm.click();

    // Back to the sign-in screen, with the reason, in both windows.
    await page.getByTestId('login-username').waitFor();
    await page.getByText('门店数据库已从备份恢复').first().waitFor();
    await screenshot(page, 'system-restore-signed-out-zh');
    await other.getByTestId('login-username').waitFor();
    await other.getByText('门店数据库已从备份恢复').first().waitFor();

    // Signed in again, back where they were, with the reason gone.
    await new LoginScreen(page).signIn('boss', '1234');
    await page.getByTestId('system-info').waitFor();
    await page.getByText('门店数据库已从备份恢复').waitFor({ state: 'hidden' });
    expect(await userNames(page)).toEqual(['before', 'boss']);
  });

  it('lists the pre-restore copy and shows the same dialog in English', async () => {
    const shell = new ShellScreen(page);
    await shell.switchLanguage('English');
    await shell.navigate('System');
    await page.getByRole('gridcell', { name: 'before restore' }).waitFor();
    await screenshot(page, 'system-backups-en');
    await page.getByTestId('restore-row').first().click();
    await page.getByTestId('restore-contents').waitFor();
    const text = await page.getByTestId('restore-dialog').innerText();
    expect(text).toContain('Restore from a backup');
    expect(text).toContain('To confirm, type the store code SH-009');
    expect(text).toMatch(/3 \/ 0 \/ 0 \/ \d+/); // the replaced database still had 'after'
    await screenshot(page, 'system-restore-dialog-en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('restore-dialog').waitFor({ state: 'hidden' });
    expect(await userNames(page)).toEqual(['before', 'boss']);
  });
});
