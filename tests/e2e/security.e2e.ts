import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import CHROMIUM_ARGS from './support/chromium-args.json';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';

let browser: Browser;
let host: RunningHost;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function signIn(page: Page, username: string, pin: string) {
  await page.goto(host.url);
  await page.getByTestId('login-username').waitFor();
  await new LoginScreen(page).signIn(username, pin);
  await page.getByTestId('home-title').waitFor();
}

async function api<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const res = await new ShellScreen(page).callApi(method, input);
  const body = res.body as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

describe('security in the browser', () => {
  it('opens live updates only once signed in, and shows the service connected (zh-CN)', async () => {
    const { page, context } = await newPage(browser, 'zh-CN');
    const streams: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/events')) streams.push(r.status());
    });
    await page.goto(host.url);
    await page.getByTestId('login-username').waitFor();
    await page.waitForTimeout(1_000);
    expect(streams).toEqual([]); // the sign-in screen asks for no stream it would be refused
    await new LoginScreen(page).signIn('clerk1', '3456');
    await page.getByTestId('home-title').waitFor();
    await page.getByTestId('connection-state').getByText('已连接').waitFor();
    expect(streams).toEqual([200]);
    await screenshot(page, 'security-connected-zh');
    await context.close();
  });

  it('shows Delete only to a manager, on a draft invoice (en)', async () => {
    const { page, context } = await newPage(browser, 'en-US');
    await signIn(page, 'clerk1', '3456');
    // The clerk enters a draft from the demo's matched invoice's order (the prefill of its lines).
    const matched = await api<{ id: string; poId: string }[]>(page, 'invoices.list', { status: ['matched'] });
    expect(matched.length).toBeGreaterThan(0);
    const prefill = await api<{ supplierId: string; poId: string; lines: object[] }>(page, 'invoices.prefill', {
      poId: matched[0]!.poId,
    });
    const draft = await api<{ id: string; number: string }>(page, 'invoices.create', {
      supplierId: prefill.supplierId,
      poId: prefill.poId,
      number: 'E2E-DRAFT-1',
      invoiceDay: new Date().toISOString().slice(0, 10),
      lines: prefill.lines.map((l) => {
        const { itemCode: _c, nameZh: _z, nameEn: _e, ...line } = l as Record<string, unknown>;
        return line;
      }),
    });
    const drafts = [draft];
    await page.goto(`${host.url}/#/invoices/${drafts[0]!.id}`);
    await page.getByTestId('invoice-number').getByText(drafts[0]!.number).waitFor();
    expect(await page.getByTestId('invoice-remove').count()).toBe(0);
    await screenshot(page, 'security-invoice-clerk-en');
    await context.close();

    const manager = await newPage(browser, 'en-US');
    await signIn(manager.page, 'manager', '2345');
    await manager.page.goto(`${host.url}/#/invoices/${drafts[0]!.id}`);
    await manager.page.getByTestId('invoice-remove').waitFor();
    await screenshot(manager.page, 'security-invoice-manager-en');
    await manager.page.goto(`${host.url}/#/invoices/${matched[0]!.id}`);
    await manager.page.getByTestId('invoice-status').waitFor();
    expect(await manager.page.getByTestId('invoice-remove').count()).toBe(0);
    await manager.context.close();
  });

  it('lets a technician log only their own time (zh-CN)', async () => {
    const { page, context } = await newPage(browser, 'zh-CN');
    await signIn(page, 'tech', '5678');
    const open = await api<{ rows: { id: string }[] }>(page, 'repairs.list', { scope: 'open' });
    const wo = open.rows[0]!;
    await page.goto(`${host.url}/#/repairs/work-orders/${wo.id}`);
    await page.getByTestId('wo-log-labour').click();
    await page.getByTestId('labour-form').waitFor();
    await page.getByTestId('labour-minutes').waitFor();
    expect(await page.getByTestId('labour-form').getByText('人员', { exact: true }).isVisible()).toBe(false);
    await screenshot(page, 'security-labour-tech-zh');
    await context.close();
  });

  it('refuses a page whose own name was pointed at the store PC (DNS rebinding)', async () => {
    const port = new URL(host.url).port;
    // The attacker's name resolves to this PC, as a rebinding DNS server would make it.
    const rebound = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rebind.attacker.example 127.0.0.1'],
    });
    try {
      const page = await rebound.newPage({ locale: 'en-US' });
      const res = await page.goto(`http://rebind.attacker.example:${port}/`);
      expect(res!.status()).toBe(421);
      expect(await page.textContent('body')).toContain('not a name of the store PC');
      const call = await page.evaluate(async () => {
        const r = await fetch('/api/setup.status', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
        return r.status;
      });
      expect(call).toBe(421);
      await screenshot(page, 'security-rebinding-refused-en');
    } finally {
      await rebound.close();
    }
  });
});
