import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, SetupScreen, ShellScreen } from './support/pages';
import { gridRow } from './support/screen';

let browser: Browser;
let host: RunningHost;
let page: Page;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost()]);
  ({ page } = await newPage(browser, 'zh-CN'));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const text = (p: Page, s: string) => p.getByText(s, { exact: false }).first();

describe('first run, sign-in, roles and languages (Chinese OS)', () => {
  it('sets up the store in Chinese and lands on the home screen signed in', async () => {
    await page.goto(host.url);
    await text(page, '初始化门店').waitFor();
    expect(await page.title()).toBe('门店后台');
    await page.getByText('此步骤只需进行一次：填写门店信息和第一个管理员。').waitFor();
    await page.getByText('载入演示数据（示例餐厅：物料、供应商、设备和用户）').waitFor();
    // A new store counts in yuan unless set otherwise.
    expect(await page.locator('.ant-form-item').filter({ hasText: '币种' }).innerText()).toContain('CNY');
    expect(await page.getByTestId('setup-submit').innerText()).toBe('完成初始化');
    await screenshot(page, 'setup-zh');
    await new SetupScreen(page).setUp({
      code: 'SH-001',
      name: '蜀香阁 人民广场店',
      username: 'zhang',
      displayName: '张经理',
      pin: '1357',
    });
    await page.getByTestId('home-title').getByText('欢迎，张经理').waitFor();
    await page.getByTestId('status-bar').getByText('已连接').waitFor();
    expect(await page.getByTestId('status-bar').innerText()).toContain('SH-001');
    await page.getByText('SH-001 · 蜀香阁 人民广场店 · 当前角色：管理员').waitFor();
    await page.getByText('快速进入').waitFor();
    await screenshot(page, 'home-zh');
  });

  it('shows a field error from the API next to the field (duplicate user name)', async () => {
    const shell = new ShellScreen(page);
    await shell.navigate('用户');
    await page.getByTestId('users-count').getByText('共 1 行').waitFor();
    await page.getByTestId('add-user').click();
    await page.getByTestId('user-username').fill('ZHANG');
    await page.getByTestId('user-displayname').fill('重名');
    await page.getByTestId('secret').fill('2468');
    await page.getByTestId('secret-again').fill('2468');
    await page
      .getByRole('button', { name: '新 建' })
      .or(page.getByRole('button', { name: '新建' }))
      .click();
    await text(page, '用户名“ZHANG”已被使用。').waitFor();
    await page.getByTestId('user-username').fill('xiaoli');
    await page.getByTestId('user-displayname').fill('小李');
    await page
      .getByRole('button', { name: '新 建' })
      .or(page.getByRole('button', { name: '新建' }))
      .click();
    await page.getByTestId('users-count').getByText('共 2 行').waitFor();
    await page.getByRole('gridcell', { name: '收货员' }).waitFor();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    expect(await gridRow(page, 'xiaoli')).toMatch(/^xiaoli 小李 收货员 PIN 码 启用 /);
    expect(await gridRow(page, 'zhang')).toMatch(/^zhang 张经理 管理员 PIN 码 启用 /);
    await screenshot(page, 'users-zh');
  });

  it('switches the whole UI to English and keeps the choice', async () => {
    const shell = new ShellScreen(page);
    await shell.switchLanguage('English');
    await page.getByTestId('nav').getByText('Users', { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'User name' }).waitFor();
    await page.getByRole('gridcell', { name: 'Clerk' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await gridRow(page, 'xiaoli')).toMatch(/^xiaoli 小李 Clerk PIN Active /);
    expect(await gridRow(page, 'zhang')).toMatch(/^zhang 张经理 Administrator PIN Active /);
    await page.getByText('2 rows').waitFor();
    await screenshot(page, 'users-en');
    await page.reload();
    await page.getByTestId('nav').getByText('Users', { exact: true }).waitFor();
  });

  it('navigates every admin screen', async () => {
    const shell = new ShellScreen(page);
    for (const [label, heading] of [
      ['Items', 'Items'],
      ['Suppliers', 'Suppliers'],
      ['Equipment', 'Equipment'],
      ['Audit log', 'Audit log'],
      ['Store settings', 'Store settings'],
      ['System', 'System'],
      ['Home', 'Welcome, 张经理'],
    ] as const) {
      await shell.navigate(label);
      await page.getByRole('heading', { name: heading }).waitFor();
    }
  });

  it('locks an account after five wrong PINs, even against the right PIN, until an admin unlocks it', async () => {
    const shell = new ShellScreen(page);
    await shell.signOut('Sign out');
    const login = new LoginScreen(page);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    for (let i = 0; i < 4; i++) {
      await login.signIn('xiaoli', '0000');
      await login.error().getByText('Wrong user name or PIN/password.').waitFor();
      await page.getByTestId('login-secret').fill('');
    }
    await login.signIn('xiaoli', '0000');
    await login.error().getByText('locked until', { exact: false }).waitFor();
    await login.signIn('xiaoli', '2468');
    await login.error().getByText('locked until', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('login-username').inputValue()).toBe('xiaoli');
    await screenshot(page, 'login-locked-en');

    await login.signIn('zhang', '1357');
    await shell.navigate('Users');
    await page.getByTestId('unlock-xiaoli').click();
    await page.getByTestId('unlock-xiaoli').waitFor({ state: 'detached' });
    await shell.signOut('Sign out');
    await login.signIn('xiaoli', '2468');
    await page.getByTestId('home-title').getByText('Welcome, 小李').waitFor();
  });

  it('a clerk sees no user admin, cannot open it by URL, and cannot call its API', async () => {
    const nav = page.getByTestId('nav');
    await nav.getByText('Items', { exact: true }).waitFor();
    expect(await nav.getByText('Users', { exact: true }).count()).toBe(0);
    await page.goto(`${host.url}/#/admin/users`);
    await text(page, 'Your role may not open this page.').waitFor();
    await page.getByText('403', { exact: true }).waitFor();
    await page.getByText('Back to home', { exact: true }).waitFor();
    await screenshot(page, 'clerk-forbidden-en');
    const shell = new ShellScreen(page);
    const list = await shell.callApi('users.list');
    expect(list.status).toBe(403);
    expect(list.body.error?.code).toBe('FORBIDDEN');
    const create = await shell.callApi('users.create', {
      username: 'sneaky',
      displayName: 'S',
      role: 'admin',
      authKind: 'pin',
      secret: '1234',
    });
    expect(create.body.error?.code).toBe('FORBIDDEN');
    await shell.signOut('Sign out');
    const anonymous = await shell.callApi('users.list');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('UNAUTHENTICATED');
  });
});
