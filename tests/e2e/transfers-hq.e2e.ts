import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HqMethodOutput } from '../../src-shared/hq-api';
import { translate, type MessageKey } from '../../src-shared/i18n';
import { HqApiClient } from '../helpers/hq';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { startHq } from './support/hq';
import { LoginScreen, ShellScreen } from './support/pages';
import { gridRow, heading, settled } from './support/screen';

/**
 * A transfer between two stores through HQ, in Chromium, all three real
 * processes: store A (the demo restaurant, SH-001, its screens in Chinese)
 * sends; HQ routes it; store B (BJ-002, a new store that took HQ's catalogue
 * at enrollment, its screens in English) sees it arriving, receives it short
 * by one line; HQ's transfers page shows the value in transit, then the
 * variance, in both languages; A, B and HQ agree to the cent; a second
 * receipt is refused and posts nothing.
 */

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const PASSWORD = 'chain admin 2026';

let browser: Browser;
let storeA: RunningHost;
let storeB: RunningHost;
let hq: RunningHost;
let api: HqApiClient;
let shopA: Page;
let shopB: Page;
let office: Page;
let number = '';
let transferId = '';
/** Each step needs the one before: a failed step fails the rest at once instead of at their timeouts. */
let done = 0;
const after = (step: number) => expect(done, `step ${step} failed`).toBe(step);

type Transfer = { id: string; number: string; arrivingFrom?: string; lines: { id: string; valueSent: number }[] };
const sent = (t: Transfer) => t.lines.reduce((s, l) => s + l.valueSent, 0);

/** A store enrolled with HQ through its API, as its admin would on the HQ sync screen. */
async function enrollAt(page: Page, code: string) {
  const shell = new ShellScreen(page);
  const input = { hqUrl: hq.url, code };
  const plan = await shell.value<{ planHash: string }>('sync.enrollPreview', input);
  await shell.value('sync.enrollConfirm', { ...input, planHash: plan.planHash });
}

beforeAll(async () => {
  [browser, storeA, storeB, hq] = await Promise.all([launchBrowser(), startHost(['--demo']), startHost(), startHq([])]);
  const res = await fetch(`${storeB.url}/api/setup.initialize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      store: { code: 'BJ-002', name: 'Beijing Wangfujing', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'li', displayName: 'Li Na', authKind: 'pin', secret: '2468' },
    }),
  });
  expect(res.ok).toBe(true);
  api = new HqApiClient(hq.url);
  await api.call('setup.createAdmin', { username: 'chain', displayName: 'Chain admin', password: PASSWORD });
  ({ page: shopA } = await newPage(browser, 'zh-CN'));
  ({ page: shopB } = await newPage(browser, 'en-US'));
  ({ page: office } = await newPage(browser, 'en-US'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([storeA?.stop(), storeB?.stop(), hq?.stop()]);
});

describe('a transfer between two stores through HQ (store A zh-CN, store B and HQ English, HQ also zh-CN)', () => {
  it('A sends a transfer to B; after sync B sees it arriving from A, at the value A booked out', async () => {
    const codeA = await api.call<{ enrollmentCode: string }>('stores.create', {
      code: 'SH-001',
      name: '蜀香阁 · 人民广场店',
      region: '华东',
    });
    const codeB = await api.call<{ enrollmentCode: string }>('stores.create', {
      code: 'BJ-002',
      name: 'Beijing Wangfujing',
      region: 'North',
    });
    await shopA.goto(storeA.url);
    await new LoginScreen(shopA).signIn('admin', '1234');
    await shopA.getByTestId('home-title').waitFor();
    await enrollAt(shopA, codeA.enrollmentCode);
    await shopB.goto(storeB.url);
    await new LoginScreen(shopB).signIn('li', '2468');
    await shopB.getByTestId('home-title').waitFor();
    const a = new ShellScreen(shopA);
    const b = new ShellScreen(shopB);
    // A's catalogue reached HQ with A's enrollment; B takes it at its own.
    await a.value('sync.now');
    await enrollAt(shopB, codeB.enrollmentCode);
    await b.value('sync.now');
    await b.value('areas.create', { code: 'COOL', nameZh: '冷库', nameEn: 'Walk-in cooler' });

    // A sends two lines of what it has on hand to BJ-002.
    const onHand = await a.value<{ itemId: string; areaId: string; baseUnit: string; lot: string; qty: number }[]>(
      'stock.onHand',
      {},
    );
    const byGram = onHand.filter((r) => r.baseUnit === 'g' && r.lot === '' && r.qty >= 3_000_000);
    const picks = byGram.filter((r) => r.areaId === byGram[0]!.areaId).slice(0, 2);
    expect(picks).toHaveLength(2);
    const out = await a.value<{ id: string; number: string }>('ops.transferOut', {
      toStore: 'BJ-002',
      areaId: picks[0]!.areaId,
      lines: picks.map((p) => ({ itemId: p.itemId, qty: '1000', unit: 'g' })),
      note: '支援北京店',
    });
    ({ number, id: transferId } = out);
    // A's first sync sends its whole history (a year of the demo): ask until the transfer is through.
    const chainHas = async () => {
      await a.value('sync.now');
      return (await api.call<HqMethodOutput<'transfers.list'>>('transfers.list', {})).rows.some((r) => r.id === out.id);
    };
    await expect.poll(chainHas, { timeout: 240_000, interval: 1_000 }).toBe(true);
    await b.value('sync.now');

    const [atA] = (await a.value<Transfer[]>('ops.transfers', { direction: 'out' })).filter((x) => x.id === out.id);
    const [atB] = (await b.value<Transfer[]>('ops.transfers', { direction: 'in' })).filter((x) => x.id === out.id);
    expect(atB!.arrivingFrom).toBe('蜀香阁 · 人民广场店');
    expect(sent(atB!)).toBe(sent(atA!));
    const atHq = await api.call<HqMethodOutput<'transfers.list'>>('transfers.list', {});
    expect(atHq.rows.find((r) => r.id === out.id)).toMatchObject({ status: 'in_transit', valueSent: sent(atA!) });
    expect(atHq.totals.inTransitValue).toBe(sent(atA!));

    await a.navigate(zh('ops.nav.transfers'));
    expect(await gridRow(shopA, number)).toMatch(new RegExp(`${zh('ops.transfers.dir.out')} SH-001 BJ-002 在途`));
    // It has gone to HQ, as a file goes with its export: no cancelling it at A any more.
    expect(await shopA.getByTestId(`transfer-cancel-${number}`).count()).toBe(0);
    await settled(shopA);
    await screenshot(shopA, 'transfer-hq-sent-zh');

    await b.navigate(en('ops.nav.transfers'));
    expect(await gridRow(shopB, number)).toContain(en('transfersHq.arrivingFrom', { store: '蜀香阁 · 人民广场店' }));
    await settled(shopB);
    await screenshot(shopB, 'transfer-hq-arriving-en');
    await b.switchLanguage('中文');
    await heading(shopB, zh('ops.transfers.title'));
    expect(await gridRow(shopB, number)).toContain(zh('transfersHq.arrivingFrom', { store: '蜀香阁 · 人民广场店' }));
    await settled(shopB);
    await screenshot(shopB, 'transfer-hq-arriving-zh');
    await b.switchLanguage('English');
    await heading(shopB, en('ops.transfers.title'));
    done = 1;
  }, 360_000);

  it('B receives it one line short: the short value is a transfer variance, and a second receipt is refused', async () => {
    after(1);
    await shopB.getByTestId(`transfer-receive-${number}`).click();
    await shopB.getByTestId('transfer-receive-form').waitFor();
    await shopB.getByTestId('transfer-receive-area').click();
    await shopB.locator('.ant-select-item-option').filter({ hasText: 'COOL' }).click();
    await shopB.getByTestId('transfer-receive-qty-0').fill('750');
    await shopB.getByTestId('transfer-receive-note-0').fill('250 g thawed and spoiled');
    await shopB.waitForTimeout(300); // the dialog's opening animation
    await screenshot(shopB, 'transfer-hq-receive-en');
    await shopB.getByTestId('transfer-receive-ok').click();
    await shopB.getByText(en('ops.transfers.receivedDone')).waitFor();
    expect(await gridRow(shopB, number)).toContain(en('ops.transfers.status.received'));

    const b = new ShellScreen(shopB);
    const [line] = (await b.value<Transfer[]>('ops.transfers', { direction: 'in' })).find(
      (x) => x.id === transferId,
    )!.lines;
    const again = await b.callApi('ops.transferReceive', {
      id: transferId,
      areaId: (await b.value<{ id: string }[]>('areas.list'))[0]!.id,
      lines: [{ lineId: line!.id, qtyReceived: 1 }],
    });
    expect(again.body.error).toMatchObject({
      code: 'CONFLICT',
      message: en('error.transfersHq.alreadyReceived', { number, from: 'SH-001' }),
    });
    await b.value('sync.now');
    done = 2;
  });

  it('HQ shows the transfer received with the variance B posted, to the cent, in English and in Chinese', async () => {
    after(2);
    const b = new ShellScreen(shopB);
    const { rows: moves } = await b.value<{ rows: { kind: string; value: number }[] }>('stock.moves', {
      docId: transferId,
    });
    const variance = moves.filter((m) => m.kind === 'transfer_variance').reduce((s, m) => s + m.value, 0);
    expect(variance).toBeLessThan(0);
    const atHq = await api.call<HqMethodOutput<'transfers.list'>>('transfers.list', {});
    const row = atHq.rows.find((r) => r.id === transferId)!;
    expect(row).toMatchObject({ status: 'received', variance, valueReceived: row.valueSent + variance });
    expect(atHq.totals).toMatchObject({ inTransitValue: 0, variance });

    await office.goto(hq.url);
    await heading(office, en('hq.signIn.title'));
    await office.getByTestId('login-username').fill('chain');
    await office.getByTestId('login-secret').fill(PASSWORD);
    await office.getByTestId('login-secret').press('Enter');
    await heading(office, en('hq.stores.title'));
    await office.getByTestId('nav').getByText(en('hq.nav.transfers'), { exact: true }).click();
    await heading(office, en('hq.transfers.title'));
    const shown = (v: number) => (v / 10_000).toFixed(2);
    expect(await gridRow(office, number)).toContain(en('hq.transfers.status.received'));
    expect(await office.getByTestId(`hq-transfer-variance-${number}`).innerText()).toBe(shown(variance));
    expect(await office.getByTestId('hq-transfer-variance').innerText()).toContain(shown(variance));
    await settled(office);
    await screenshot(office, 'transfer-hq-chain-en');

    await new ShellScreen(office).switchLanguage('中文');
    await heading(office, zh('hq.transfers.title'));
    expect(await gridRow(office, number)).toContain(zh('hq.transfers.status.received'));
    await settled(office);
    await screenshot(office, 'transfer-hq-chain-zh');
  });
});
