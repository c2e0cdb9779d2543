import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_STORES } from '../../src-hq/tools/demo';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import { DEFAULT_CURRENCY, formatCurrency } from '../../src-shared/money';
import type { PullResponse } from '../../src-shared/sync/protocol';
import { HqApiClient, SyncClient, TestStore } from '../helpers/hq';
import { receipt, stockMove, upsert } from '../helpers/store-rows';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHq } from './support/hq';
import type { RunningHost } from './support/host';
import { gridHeaders, gridRow, heading, settled } from './support/screen';

/**
 * HQ's screens in Chromium, in both languages, against the built HQ
 * (out/hq/hq.js serving out/hq-ui): the first administrator (Chinese) or
 * the demo's sign-in (English); a new store and its one-time code; a store
 * enrolled with that code by a stand-in store (tests/helpers/hq.ts) that
 * pushes facts, a bad entry, a late one, a rewritten audit chain and a batch
 * HQ refuses, then the list's health columns and the store's own page; a
 * catalogue price changed at HQ and brought down by the store's next pull.
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
  /** Chinese starts from an empty HQ (first administrator); English from the demo. */
  firstRun: boolean;
  /** region: a demo region's name in this language (HQ starts with the demo's regions in both runs by then). */
  store: { code: string; name: string; region: string };
}

const LANGS: Lang[] = [
  {
    locale: 'zh-CN',
    os: 'zh-CN',
    suffix: 'zh',
    firstRun: true,
    store: { code: 'SH-099', name: '上海徐家汇店', region: '华东' },
  },
  {
    locale: 'en',
    os: 'en-US',
    suffix: 'en',
    firstRun: false,
    store: { code: 'LDN-01', name: 'London Soho', region: 'South China' },
  },
];

const CHIEF = { username: 'chief', displayName: 'Chief', password: 'chief-pass-2468' };
const CODE = /^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/;
const DAY = 86_400_000;

/** No dialog or its mask still opening or closing: a screenshot shows it as a user reads it. */
async function dialogsStill(page: Page): Promise<void> {
  const moving = ['appear', 'enter', 'leave'].flatMap((m) => [
    `.ant-modal[class*="-${m}"]`,
    `.ant-modal-mask[class*="-${m}"]`,
  ]);
  await expect.poll(() => page.locator(moving.join(', ')).count()).toBe(0);
}

describe.each(LANGS)('HQ screens ($suffix)', (lang) => {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(lang.locale, key, params);
  const shot = (p: Page, name: string) => screenshot(p, `hq-${name}-${lang.suffix}`);
  let dataDir: string;
  let hq: RunningHost;
  let context: BrowserContext;
  let page: Page;
  let api: HqApiClient;
  let store: TestStore;
  const admin = lang.firstRun ? CHIEF : { ...DEMO_ADMIN, displayName: 'HQ Admin' };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hq-e2e-'));
    // The demo's stores wait for enrollment here (--demo-days 0: no store history, tests/hq/demo.test.ts has that).
    hq = await startHq(lang.firstRun ? [] : ['--demo', '--demo-days', '0'], dataDir);
    ({ context, page } = await newPage(browser, lang.os));
  });
  afterAll(async () => {
    await context?.close();
    await hq?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const nav = (key: MessageKey) => page.getByTestId('nav').getByText(tr(key), { exact: true }).click();

  it(
    lang.firstRun ? 'creates the first administrator, then signs in again' : 'signs in, after a wrong password',
    async () => {
      await page.goto(hq.url);
      if (lang.firstRun) {
        await heading(page, tr('hq.setup.title'));
        expect(await page.title()).toBe(tr('hq.ui.title'));
        await page.getByText(tr('hq.setup.localOnly')).waitFor();
        expect(await page.getByTestId('create-admin-command').innerText()).toBe('npm run hq -- --create-admin NAME');
        await shot(page, 'first-admin');
        await page.getByTestId('admin-username').fill(CHIEF.username);
        await page.getByTestId('admin-name').fill(CHIEF.displayName);
        await page.getByTestId('password').fill(CHIEF.password);
        await page.getByTestId('password-again').fill('not the same');
        await page.getByTestId('setup-submit').click();
        await page.getByText(tr('validation.secretMismatch')).waitFor();
        await page.getByTestId('password-again').fill(CHIEF.password);
        await page.getByTestId('setup-submit').click();
        await heading(page, tr('hq.stores.title'));
        expect(new URL(page.url()).pathname).toBe('/stores');
        // The demo's master data, added by HQ started again over the same data: the session is in the database.
        await hq.stop();
        hq = await startHq(['--demo', '--demo-days', '0'], dataDir);
        await page.goto(`${hq.url}/stores`);
        await heading(page, tr('hq.stores.title'));
        await page.getByTestId('user-menu').hover();
        await page.getByText(tr('shell.signOut'), { exact: true }).click();
      }
      await heading(page, tr('hq.signIn.title'));
      await page.getByTestId('login-username').fill(admin.username);
      await page.getByTestId('login-secret').fill('wrong password');
      await page.getByTestId('login-secret').press('Enter');
      expect(await page.getByTestId('login-error').innerText()).toBe(tr('error.BAD_CREDENTIALS'));
      await page.getByTestId('login-secret').fill(admin.password);
      await shot(page, 'sign-in');
      await page.getByTestId('login-secret').press('Enter');
      await heading(page, tr('hq.stores.title'));
      expect(await page.getByTestId('user-menu').innerText()).toBe(`${admin.displayName} (${tr('hq.role.admin')})`);
      api = new HqApiClient(hq.url);
      await api.call('session.login', { username: admin.username, password: admin.password });
    },
  );

  it("creates a store and shows its one-time code once, with its expiry and the store admin's steps", async () => {
    // The demo's stores wait for enrollment, each with a code valid for a week.
    const waiting = tr('hq.stores.pendingUntil', { at: '' }).trim();
    expect(await gridRow(page, 'DEMO-SH')).toContain(waiting);
    await page.getByTestId('store-add').click();
    await page.getByTestId('store-code').fill('bad code!');
    await page.getByTestId('store-name').fill(lang.store.name);
    await page.getByTestId('store-save').click();
    await page.getByText(tr('hq.validation.storeCode')).waitFor();
    await page.getByTestId('store-code').fill(lang.store.code);
    await page.getByTestId('store-region').click();
    await page.locator('.ant-select-item-option').filter({ hasText: lang.store.region }).click();
    await page.getByTestId('store-save').click();
    const modal = page.getByTestId('enrollment-code-modal');
    await modal.waitFor();
    const code = (await page.getByTestId('enrollment-code').innerText()).trim();
    expect(code).toMatch(CODE);
    const expires = await page.getByTestId('code-expires').innerText();
    const inAWeek = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    expect(expires).toContain(inAWeek);
    expect(await modal.innerText()).toContain(tr('hq.code.once'));
    const steps = await page.getByTestId('code-steps').innerText();
    expect(steps).toContain(tr('hq.code.step1'));
    expect(steps).toContain(hq.url);
    // The new-store dialog may still be closing beside it: the code's own title.
    expect(await page.getByTestId('code-title').innerText()).toBe(
      tr('hq.code.title', { code: lang.store.code, name: lang.store.name }),
    );
    // The copy button puts exactly the code on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hq.url });
    await page.getByTestId('code-copy').click();
    await page.getByText(tr('hq.code.copied')).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await settled(page);
    // Photographed once the new-store dialog has gone and the code's has finished opening.
    await page.getByTestId('store-form').waitFor({ state: 'detached' });
    await dialogsStill(page);
    await shot(page, 'enrollment-code');
    await page.getByTestId('code-done').click();
    await modal.waitFor({ state: 'detached' });
    const row = await gridRow(page, lang.store.code);
    expect(row).toContain(lang.store.name);
    expect(row).toContain(lang.store.region);
    expect(row).toContain(`${waiting} ${inAWeek.slice(5)}`);
    // Shown once: nothing on the page or in the list holds the code any more.
    expect(await page.locator('body').innerText()).not.toContain(code);

    // The store's administrator enters it at the store (a stand-in store here) and the store starts sending.
    store = new TestStore(new SyncClient(hq.url));
    await store.enroll(code);
    await store.openSession();
  });

  it("lists each store's sync health, with warnings where it needs a look", async () => {
    const storeId = store.storeId;
    await api.call('periods.close', { month: '2026-09', storeId });
    const rc = receipt({ number: `RC-${lang.suffix}-0001` });
    const first = await store.push(
      [
        upsert('receipts', rc),
        upsert('stock_moves', stockMove({ doc_id: rc.id as string })),
        upsert('stock_moves', stockMove({ day: '2026-09-30' })),
        upsert('stock_moves', { id: 'no-such-columns' }),
      ],
      { backlog: 120, audit: { head: { seq: 3, hash: 'a'.repeat(64) }, proof: null } },
    );
    expect(first.body.ok).toBe(true);
    // The store's audit chain, rewritten since HQ saw entry 3, from a PC whose clock is 1 h 2 min slow.
    await store.push([upsert('stock_moves', stockMove())], {
      backlog: 120,
      sentAt: Date.now() - 62 * 60_000,
      audit: { head: { seq: 4, hash: 'c'.repeat(64) }, proof: { seq: 3, hash: 'b'.repeat(64) } },
    });
    // A PC whose clock runs two days ahead: refused whole.
    const refused = await store.push([upsert('stock_moves', stockMove())], { sentAt: Date.now() + 2 * DAY });
    expect(refused.body).toMatchObject({ ok: false, code: 'CLOCK_AHEAD' });

    await page.getByRole('button', { name: tr('common.refresh') }).click();
    await expect.poll(() => gridRow(page, lang.store.code)).toContain(tr('hq.stores.status.active'));
    const row = await gridRow(page, lang.store.code);
    // code, name, region, status, last contact, backlog, app / schema, refused, dead letters, late, audit
    expect(row).toMatch(
      new RegExp(
        `^${lang.store.code} ${lang.store.name} ${lang.store.region} ${tr('hq.stores.status.active')} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(Asia/Shanghai\\) 120 0\\.1\\.0 / \\d+ 1 1 1 ${tr('hq.stores.audit.mismatch')}$`,
      ),
    );
    expect(await gridHeaders(page)).toEqual([
      tr('hq.stores.f.code'),
      tr('hq.stores.f.name'),
      tr('hq.stores.f.region'),
      tr('hq.stores.f.status'),
      tr('hq.stores.f.lastContact'),
      tr('hq.stores.f.backlog'),
      tr('hq.stores.f.appVersion'),
      tr('hq.stores.f.refused'),
      tr('hq.stores.f.deadLetters'),
      tr('hq.stores.f.late'),
      tr('hq.stores.f.audit'),
    ]);
    // Warning colours: refused, dead letters and the audit flag in red; last contact (the slow clock), backlog and late in orange.
    const cells = page.locator(`.ag-row[row-id="${storeId}"]`);
    expect(await cells.locator('.cell-danger').count()).toBe(2);
    expect(await cells.locator('.cell-warn').count()).toBe(3);
    const colour = (l: Locator) => l.first().evaluate((el) => getComputedStyle(el).color);
    expect([await colour(cells.locator('.cell-danger')), await colour(cells.locator('.cell-warn'))]).toEqual([
      'rgb(207, 19, 34)',
      'rgb(212, 107, 8)',
    ]);
    await page.getByTestId(`audit-mismatch-${lang.store.code}`).waitFor();
    const demoRow = await gridRow(page, 'DEMO-SH');
    expect(demoRow).toContain(tr('hq.stores.never'));
    await shot(page, 'stores');

    // Only the stores that need a look.
    await page
      .getByTestId('store-filter')
      .getByText(tr('hq.stores.attention', { n: 1 }))
      .click();
    await expect.poll(() => page.getByTestId('hq-stores-count').innerText()).toBe(tr('common.rows', { count: 1 }));
    expect(await gridRow(page, lang.store.code)).toContain(lang.store.name);
    await page
      .getByTestId('store-filter')
      .getByText(tr('hq.stores.all', { n: DEMO_STORES.length + 1 }))
      .click();
    await expect
      .poll(() => page.getByTestId('hq-stores-count').innerText())
      .toBe(tr('common.rows', { count: DEMO_STORES.length + 1 }));
  });

  it('shows what arrived from one store, what HQ could not take, and the rewritten audit chain', async () => {
    await page.getByTestId(`store-link-${lang.store.code}`).click();
    await heading(page, new RegExp(`^${lang.store.code} · ${lang.store.name}`));
    expect(await page.getByTestId('store-status').innerText()).toBe(tr('hq.stores.status.active'));
    expect(await page.getByTestId('audit-alert').innerText()).toContain(tr('hq.store.auditAlert'));
    const refusal = await page.getByTestId('refusal-alert').innerText();
    expect(refusal).toContain(tr('hq.refusal.CLOCK_AHEAD'));
    expect(refusal).toContain('CLOCK_AHEAD');
    expect(refusal).toContain("ahead of HQ's clock");
    const health = await page.getByTestId('store-health').innerText();
    // Label, then its value: side by side on a wide screen, one under the other on a narrow one.
    expect(health).toMatch(new RegExp(`${tr('hq.stores.f.backlog')}\\s+120\\s`));
    expect(health).toMatch(new RegExp(`${tr('hq.stores.f.refused')}\\s+1\\s`));
    expect(health).toContain(tr('hq.store.skewBehind', { d: tr('hq.duration.hmin', { h: 1, m: 2 }) }));
    expect(health).toMatch(new RegExp(`${tr('hq.stores.f.appVersion')}\\s+0\\.1\\.0\\s`));
    const tabs = page.getByTestId('store-tabs');
    // Rows HQ holds: one receipt, three stock moves (the fourth entry was a dead letter), the store's own row.
    const counts = page.getByTestId('hq-store-tables-grid');
    expect(await gridRow(counts, tr('hq.table.receipts'))).toBe(`${tr('hq.table.receipts')} receipts 1`);
    expect(await gridRow(counts, tr('hq.table.stock_moves'))).toBe(`${tr('hq.table.stock_moves')} stock_moves 3`);
    // Only the tables that hold something are listed.
    const { tables } = await api.call<{ tables: { rows: number }[] }>('stores.detail', { id: store.storeId });
    const arrived = tables.filter((x) => x.rows > 0).length;
    expect(arrived).toBeLessThan(tables.length);
    expect(await page.getByTestId('hq-store-tables-count').innerText()).toBe(tr('common.rows', { count: arrived }));
    await page.getByTestId('recent-table').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: tr('hq.table.receipts') })
      .click();
    expect(await gridRow(page.getByTestId('hq-recent-receipts-grid'), `RC-${lang.suffix}-0001`)).toContain('open');
    await settled(page);
    await shot(page, 'store');

    await tabs.getByRole('tab', { name: new RegExp(tr('hq.store.tab.deadLetters')) }).click();
    const dead = await gridRow(page.locator('[data-testid="hq-dead-letters-grid"]'), tr('hq.table.stock_moves'));
    // Entry 4 of the first batch, and why.
    expect(dead).toMatch(/ 4 /);
    const detail = await api.call<{ deadLetters: { reason: string }[] }>('stores.detail', { id: store.storeId });
    expect(detail.deadLetters).toHaveLength(1);
    expect(dead).toContain(detail.deadLetters[0]!.reason);
    await tabs.getByRole('tab', { name: new RegExp(tr('hq.store.tab.late')) }).click();
    expect(await gridRow(page.locator('[data-testid="hq-late-entries-grid"]'), '2026-09')).toContain(
      tr('hq.table.stock_moves'),
    );
    await tabs.getByRole('tab', { name: new RegExp(tr('hq.store.tab.audit')) }).click();
    const audit = await gridRow(page.locator('[data-testid="hq-audit-mismatches-grid"]'), 'a'.repeat(64));
    expect(audit).toContain('b'.repeat(64));
    await shot(page, 'store-audit');
  });

  it("changes a supplier's price, which the store's next pull brings", async () => {
    await nav('hq.nav.catalogue');
    await heading(page, tr('hq.catalogue.title'));
    await page.getByTestId('catalogue-supplier').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'SUP-MEAT' }).click();
    const before = await gridRow(page, 'M-CHK-BR');
    expect(before).toContain('245.00');
    await page.getByTestId('set-price-M-CHK-BR').click();
    expect(await page.getByTestId('price-current').innerText()).toBe(
      tr('hq.catalogue.current', {
        price: formatCurrency(2_450_000, { currency: DEFAULT_CURRENCY, locale: lang.locale }),
        pack: '箱',
      }),
    );
    await page.getByTestId('price-input').fill('12,5x');
    await page.getByTestId('price-save').click();
    await page.getByText(tr('hq.catalogue.priceFormat')).waitFor();
    await page.getByTestId('price-input').fill('248.85');
    await page.getByText(tr('hq.catalogue.priceFormat')).waitFor({ state: 'detached' });
    await shot(page, 'price');
    await page.getByTestId('price-save').click();
    await page.getByText(tr('hq.catalogue.priceSaved')).waitFor();
    await expect.poll(() => gridRow(page, 'M-CHK-BR')).toContain('248.85');
    await settled(page);
    await shot(page, 'catalogue');

    // The store asks HQ what changed: the line's last change carries the new price, exactly (ten-thousandths).
    const lines = await api.call<{ id: string; price: number }[]>('supplierItems.list', {});
    const changed = lines.find((l) => l.price === 2_488_500)!;
    let cursor = 0;
    const last = new Map<string, unknown>();
    for (;;) {
      const body = (await store.pull(cursor)).body as PullResponse;
      for (const c of body.changes) if (c.table === 'supplier_items') last.set(c.row.id as string, c.row.price);
      cursor = body.nextCursor;
      if (!body.more) break;
    }
    expect(last.get(changed.id)).toBe(2_488_500);
  });

  it("lists the chain's items and HQ's users", async () => {
    await nav('hq.nav.items');
    await heading(page, tr('hq.items.title'));
    expect(await gridRow(page, 'M-CHK-BR')).toContain(lang.locale === 'zh-CN' ? '鸡胸肉' : 'Chicken');
    await shot(page, 'items');
    await nav('hq.nav.users');
    await heading(page, tr('hq.users.title'));
    expect(await gridRow(page, admin.username)).toContain(tr('hq.role.admin'));
    await shot(page, 'users');
  });

  it('fits a 10-inch tablet (1024 x 768)', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    try {
      await nav('hq.nav.stores');
      await heading(page, tr('hq.stores.title'));
      await gridRow(page, lang.store.code);
      await shot(page, 'stores-tablet');
      await page.getByTestId(`store-link-${lang.store.code}`).click();
      await page.getByTestId('store-health').waitFor();
      await shot(page, 'store-tablet');
      await nav('hq.nav.catalogue');
      await page.locator('[data-testid="hq-catalogue-grid"] .ag-row').first().waitFor();
      await shot(page, 'catalogue-tablet');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('revokes a store after a confirmation; HQ refuses it from then on', async () => {
    await nav('hq.nav.stores');
    await page.getByTestId(`store-link-${lang.store.code}`).click();
    await page.getByTestId('store-revoke').click();
    await page.getByText(tr('hq.stores.revokeHelp')).waitFor();
    await dialogsStill(page);
    await shot(page, 'revoke');
    await page.getByTestId('revoke-ok').click();
    await page.getByText(tr('hq.stores.revoked', { code: lang.store.code })).waitFor();
    await expect.poll(() => page.getByTestId('store-status').innerText()).toBe(tr('hq.stores.status.revoked'));
    // Nothing more to issue to a revoked store.
    expect(await page.getByTestId('store-revoke').count()).toBe(0);
    expect(await page.getByTestId('store-new-code').count()).toBe(0);
    // Its sessions end at once, and it gets no new one.
    const push = await store.push([upsert('stock_moves', stockMove())]);
    expect(push.body).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    await expect(store.openSession()).rejects.toThrow(/session refused: REVOKED/);
  });

  it('adds an HQ user who only looks: the screens offer a viewer nothing the API would refuse', async () => {
    const viewer = { username: `look-${lang.suffix}`, displayName: 'Looker', password: 'look-only-1357' };
    await nav('hq.nav.users');
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-username').fill(viewer.username);
    await page.getByTestId('user-name').fill(viewer.displayName);
    await page.getByTestId('user-role').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: tr('hq.role.viewer') })
      .click();
    await page.getByTestId('password').fill(viewer.password);
    await page.getByTestId('password-again').fill(viewer.password);
    await settled(page);
    await shot(page, 'new-user');
    await page.getByTestId('user-save').click();
    await page.getByText(tr('hq.users.created', { username: viewer.username })).waitFor();
    expect(await gridRow(page, viewer.username)).toContain(tr('hq.role.viewer'));

    await page.getByTestId('user-menu').hover();
    await page.getByText(tr('shell.signOut'), { exact: true }).click();
    await page.getByTestId('login-username').fill(viewer.username);
    await page.getByTestId('login-secret').fill(viewer.password);
    await page.getByTestId('login-secret').press('Enter');
    await heading(page, tr('hq.stores.title'));
    await gridRow(page, lang.store.code);
    expect(await page.getByTestId('store-add').count()).toBe(0);
    expect(await page.getByTestId('nav').getByText(tr('hq.nav.users'), { exact: true }).count()).toBe(0);
    await nav('hq.nav.catalogue');
    await page.locator('[data-testid="hq-catalogue-grid"] .ag-row').first().waitFor();
    expect(await page.locator('[data-testid^="set-price-"]').count()).toBe(0);
    expect(await gridHeaders(page)).not.toContain(tr('common.actions'));
    await page.goto(`${hq.url}/users`);
    await page.getByText(tr('shell.forbiddenPage')).waitFor();
  });
  it("adds a regional user: they see only their region's stores and are refused another store, by name", async () => {
    const regional = { username: `south-${lang.suffix}`, displayName: 'South ops', password: 'south-only-2468' };
    const all = await api.call<{ id: string; code: string; name: string }[]>('stores.list');
    const sh = all.find((s) => s.code === 'DEMO-SH')!;
    await page.getByTestId('user-menu').hover();
    await page.getByText(tr('shell.signOut'), { exact: true }).click();
    await page.getByTestId('login-username').fill(admin.username);
    await page.getByTestId('login-secret').fill(admin.password);
    await page.getByTestId('login-secret').press('Enter');
    await heading(page, tr('hq.stores.title'));

    await nav('hq.nav.regions');
    await heading(page, tr('hq.regions.title'));
    expect(await gridRow(page, 'SOUTH')).toContain(lang.locale === 'zh-CN' ? '华南' : 'South China');
    await shot(page, 'regions');

    await nav('hq.nav.users');
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-username').fill(regional.username);
    await page.getByTestId('user-name').fill(regional.displayName);
    await page.getByTestId('user-role').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: tr('hq.role.operations') })
      .click();
    await page.getByTestId('password').fill(regional.password);
    await page.getByTestId('password-again').fill(regional.password);
    await page.getByTestId('user-save').click();
    await page.getByText(tr('hq.users.created', { username: regional.username })).waitFor();
    await page.getByTestId('user-form').waitFor({ state: 'detached' });
    await page.getByTestId(`user-scope-${regional.username}`).click();
    await page.getByTestId('scope-kind').getByText(tr('hq.scope.kind.regions'), { exact: true }).click();
    await page.getByTestId('scope-regions').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '(SOUTH)' }).click();
    await page.keyboard.press('Escape');
    await dialogsStill(page);
    await shot(page, 'user-scope');
    await page.getByTestId('scope-save').click();
    await expect
      .poll(() => gridRow(page, regional.username))
      .toContain(`${tr('hq.scope.kind.regions')}: ${lang.locale === 'zh-CN' ? '华南' : 'South China'}`);
    await settled(page);
    await shot(page, 'users-scoped');

    await page.getByTestId('user-menu').hover();
    await page.getByText(tr('shell.signOut'), { exact: true }).click();
    await page.getByTestId('login-username').fill(regional.username);
    await page.getByTestId('login-secret').fill(regional.password);
    await page.getByTestId('login-secret').press('Enter');
    await heading(page, tr('hq.stores.title'));
    await gridRow(page, 'DEMO-GZ');
    // The south's stores only: the demo's stores of 华南, and this run's store if it was put in the south.
    const demoSouth = new Set<string>(DEMO_STORES.filter((s) => s.region === '华南').map((s) => s.code));
    const south = all.filter((s) => demoSouth.has(s.code) || (lang.suffix === 'en' && s.code === lang.store.code));
    await expect
      .poll(() => page.getByTestId('hq-stores-count').innerText())
      .toBe(tr('common.rows', { count: south.length }));
    await shot(page, 'stores-regional');
    await page.goto(`${hq.url}/stores/${sh.id}`);
    await page.getByText(tr('hq.scope.outside', { store: `DEMO-SH ${sh.name}` })).waitFor();
    await shot(page, 'store-out-of-scope');
  });
});
