import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ADMIN } from '../../src-hq/tools/demo';
import type { ChainDashboardDto } from '../../src-shared/hq-api/methods/chain';
import type { HqItemDto } from '../../src-shared/hq-api/methods/master';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import { DEFAULT_CURRENCY, formatAmount } from '../../src-shared/money';
import { formatQty } from '../../src-shared/quantity';
import { HqApiClient, SyncClient, TestStore } from '../helpers/hq';
import { hlc, stockMove, upsert, workOrder } from '../helpers/store-rows';
import { launchBrowser, newPage, screenshot } from './support/browser';
import type { RunningHost } from './support/host';
import { startHq } from './support/hq';
import { gridRow, gridTotals, heading, settled } from './support/screen';

/**
 * HQ's chain views in Chromium, in both languages, on the built HQ with the
 * demo catalogue and two stand-in stores (tests/helpers/hq.ts) that push a
 * month of stock movements and an overdue work order through the real sync
 * protocol: the dashboard (ranking, KPIs, both charts), the period summary
 * by store with the chain's total and waste by reason, and stock across
 * stores; photographed at 1366x768 and 1024x768.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const LANGS: { locale: Locale; os: 'zh-CN' | 'en-US'; suffix: 'zh' | 'en' }[] = [
  { locale: 'zh-CN', os: 'zh-CN', suffix: 'zh' },
  { locale: 'en', os: 'en-US', suffix: 'en' },
];
const KG = 1_000_000;
const YUAN = 10_000;
const yuan = (v: number) => formatAmount(v, DEFAULT_CURRENCY);

describe.each(LANGS)('HQ chain views ($suffix)', (lang) => {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(lang.locale, key, params);
  const shot = async (p: Page, name: string) => {
    await settled(p);
    await screenshot(p, `hq-chain-${name}-${lang.suffix}`);
    await p.setViewportSize({ width: 1024, height: 768 });
    await screenshot(p, `hq-chain-${name}-1024-${lang.suffix}`);
    await p.setViewportSize({ width: 1366, height: 768 });
  };
  let dataDir: string;
  let hq: RunningHost;
  let context: BrowserContext;
  let page: Page;
  let beefCode = '';
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const day = `${month}-01`;
  const at = Date.parse(`${day}T02:00:00Z`);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hq-chain-e2e-'));
    // The demo's catalogue and waiting stores; this test pushes its own two stores' month (--demo-days 0).
    hq = await startHq(['--demo', '--demo-days', '0'], dataDir);
    ({ context, page } = await newPage(browser, lang.os));
    const api = new HqApiClient(hq.url);
    await api.call('session.login', DEMO_ADMIN);
    const items = await api.call<HqItemDto[]>('items.list', { search: '' });
    const [beef, rice] = [items[0]!, items[1]!];
    beefCode = beef.code;
    // Two stores a month into business: A wastes a tenth of what it uses, B a fiftieth.
    const stores = [
      { code: 'CH-A', name: lang.suffix === 'zh' ? '静安店' : 'Jing’an', waste: 1 * KG, wasteValue: 80 * YUAN },
      { code: 'CH-B', name: lang.suffix === 'zh' ? '浦东店' : 'Pudong', waste: 200_000, wasteValue: 16 * YUAN },
    ];
    for (const s of stores) {
      const issued = await api.call<{ enrollmentCode: string }>('stores.create', { code: s.code, name: s.name });
      const st = new TestStore(new SyncClient(hq.url));
      await st.enroll(issued.enrollmentCode);
      await st.openSession();
      const move = (o: Record<string, string | number | null>) =>
        upsert('stock_moves', stockMove({ day, occurred_at: at, posted_at: at, ...o }));
      const wo = workOrder(st.storeId, { status: 'assigned', resolution_due_at: Date.now() - 3_600_000 });
      const pushed = await st.push([
        move({ item_id: beef.id, kind: 'receipt', qty: 20 * KG, value: 1600 * YUAN, lot: 'B1', expiry: today }),
        move({ item_id: rice.id, kind: 'receipt', qty: 50 * KG, value: 250 * YUAN }),
        move({ item_id: beef.id, kind: 'issue', qty: -9 * KG, value: -720 * YUAN, lot: 'B1' }),
        move({ item_id: beef.id, kind: 'waste', qty: -s.waste, value: -s.wasteValue, reason: 'spoiled', lot: 'B1' }),
        upsert('work_orders', wo, { priority: hlc(Date.now() - 1000) }),
      ]);
      expect(pushed.body.ok).toBe(true);
    }
    // HQ folds what arrived into the chain totals on its tick (every second): the pages read them after.
    // (vi.waitFor: expect.poll may only run inside a test, and this is the suite's set-up.)
    await vi.waitFor(
      async () => {
        const d = await api.call<ChainDashboardDto>('chain.dashboard', { month });
        expect(d.stores.filter((s) => s.wasteValue > 0)).toHaveLength(2);
      },
      { timeout: 15_000, interval: 200 },
    );
  });
  afterAll(async () => {
    await context?.close();
    await hq?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const nav = (key: MessageKey) => page.getByTestId('nav').getByText(tr(key), { exact: true }).click();

  it('ranks the stores by waste % on the dashboard, with the charts, and opens a store from it', async () => {
    await page.goto(hq.url);
    await page.getByTestId('login-username').fill(DEMO_ADMIN.username);
    await page.getByTestId('login-secret').fill(DEMO_ADMIN.password);
    await page.getByTestId('login-secret').press('Enter');
    await heading(page, tr('hq.stores.title'));
    await nav('chain.nav.dashboard');
    await heading(page, tr('chain.dash.title'));
    // A: 80 / (720 + 80) = 10.00 %; B: 16 / (720 + 16) = 2.17 %. The demo's stores have nothing yet: last.
    const first = await gridRow(page, 'CH-A');
    expect(first).toMatch(/^CH-A 1 /);
    expect(first).toContain('10.00 %');
    expect(first).toContain(yuan(80 * YUAN));
    expect(await gridRow(page, 'CH-B')).toMatch(/^CH-B 2 .*2\.17 %/);
    expect(await page.getByTestId('chain-kpi-overdue').innerText()).toContain('2');
    // Both charts drew on their canvases (echarts loaded with the page).
    await page.getByTestId('chain-waste-chart').locator('canvas').waitFor();
    await page.getByTestId('chain-trend-chart').locator('canvas').waitFor();
    await shot(page, 'dashboard');
    await page.getByTestId('chain-store-CH-B').click();
    await page.getByText('CH-B').first().waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/stores\//);
  });

  it("shows the month's summary per store with the chain's total, and waste by reason", async () => {
    await nav('chain.nav.summary');
    await heading(page, tr('chain.sum.title'));
    // Opening 0, receipts 1,850, usage 720, waste 80 (A) / 16 (B): closing 1,050 / 1,114.
    const a = await gridRow(page, 'CH-A');
    expect(a).toContain(yuan(1850 * YUAN));
    expect(a).toContain(yuan(1050 * YUAN));
    expect(await gridRow(page, 'CH-B')).toContain(yuan(1114 * YUAN));
    const total = await gridTotals(page);
    expect(total).toContain(tr('chain.total'));
    expect(total).toContain(yuan(3700 * YUAN));
    expect(total).toContain(yuan(2164 * YUAN));
    await shot(page, 'summary');
    await page.getByRole('tab', { name: tr('chain.sum.tabWaste') }).click();
    const spoiled = await gridRow(page, lang.suffix === 'zh' ? '变质' : 'Spoiled');
    expect(spoiled).toContain(yuan(96 * YUAN));
    expect(spoiled).toContain('100.0 %');
    await shot(page, 'waste');
  });

  it('lists stock across stores and the lots expiring in the window', async () => {
    await nav('chain.nav.stock');
    await heading(page, tr('chain.stock.title'));
    // Beef: 2 x 20 kg in, 2 x 9 kg used, 1 kg and 0.2 kg wasted: 20.8 kg in 2 stores.
    const beef = await gridRow(page, beefCode);
    expect(beef).toContain(` 2 ${formatQty(20_800_000)} `);
    await shot(page, 'stock');
    await page.getByRole('tab', { name: tr('chain.stock.tabExpiring') }).click();
    const lot = await gridRow(page, 'CH-A');
    expect(lot).toContain('B1');
    expect(lot).toContain(today);
    await shot(page, 'expiring');
  });
});
