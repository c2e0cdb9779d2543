import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { gridRow, gridRowAt, gridTotals } from './support/screen';
import { recordUserInputs, resetUserInputs, userInputs } from './support/inputs';
import { scan } from './support/scanner';

let browser: Browser;
let host: RunningHost;

/** A real PNG (a blue-grey gradient) standing in for a phone photo of the broken equipment. */
function photoPng(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw.set([40 + Math.round((x / w) * 100), 90 + Math.round((y / h) * 100), 160], o);
    }
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The demo's chest freezer: high criticality, so running -> normal, down -> urgent; it has a repair history. */
const EQUIPMENT = 'SH001-FRZ-01';
let number = '';
let woId = '';
let mttrBefore = '';
let repairsBefore = 0;

async function pick(page: Page, testId: string, search: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Before a screenshot: no toast, no dropdown still fading out. */
async function settle(page: Page) {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

async function signIn(page: Page, user: string, pin: string) {
  await page.getByTestId('login-username').waitFor();
  await new LoginScreen(page).signIn(user, pin);
  await page.getByTestId('home-title').waitFor();
}

async function signOut(page: Page, label: string) {
  await new ShellScreen(page).signOut(label);
  await page.getByTestId('login-username').waitFor();
}

/** Waits for the work order on screen to be in `status` (the tag carries the machine's state). */
const inStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="wo-status"][data-status="${status}"]`).waitFor();

/** Runs a lifecycle action through its dialog. */
async function act(page: Page, action: string, fill?: () => Promise<void>) {
  await page.getByTestId(`wo-action-${action}`).click();
  await page.getByTestId('wo-action-form').waitFor();
  if (fill) await fill();
  await page.getByTestId('wo-action-ok').click();
  await page.getByTestId('wo-action-form').waitFor({ state: 'hidden' });
}

/** MTTR and timed repairs of one equipment row in the reliability report (refrigeration only: every row rendered). */
async function reliabilityOf(page: Page, equipmentId: string) {
  const row = (col: string) => page.locator(`.ag-row[row-id="${equipmentId}"] [col-id="${col}"]`).innerText();
  await page.locator(`.ag-row[row-id="${equipmentId}"]`).waitFor();
  return { mttr: (await row('mttrMinutes')).trim(), repairs: Number(await row('repairs')) };
}

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('repairs and maintenance in the browser (demo store)', () => {
  let page: Page;
  let shell: ShellScreen;
  let equipmentId = '';

  it('a clerk reports a fault from the equipment QR with a photo, in four taps (zh-CN)', async () => {
    ({ page } = await newPage(browser, 'zh-CN'));
    shell = new ShellScreen(page);
    await recordUserInputs(page);
    await page.goto(host.url);
    await signIn(page, 'clerk1', '3456');
    const resolved = await shell.callApi('equipment.resolveQr', { payload: `EQ:${EQUIPMENT}` });
    equipmentId = (resolved.body as unknown as { value: { equipment: { id: string } } }).value.equipment.id;

    await shell.navigate('设备报修');
    await page.getByText('扫描设备上的二维码，或从列表中选择设备。').waitFor();
    // From the scan on, every tap and key press the page receives is counted (the scanner's own keys are the scan).
    await resetUserInputs(page);
    // The label is scanned: nothing needs focus, the scanner types anywhere on the screen.
    await scan(page, `EQ:${EQUIPMENT}`);
    await page.getByTestId('report-equipment-info').getByText('海尔 Haier BC/BD-519HK').waitFor();
    await page.getByTestId('report-suggested').getByText('普通').waitFor();
    // The fault: one big button; the knowledge panel shows how it was fixed before.
    await page.getByTestId('fault-REF-COOL-WARM').click();
    await page
      .getByTestId('knowledge-panel')
      .getByText(/同型号设备此故障已修过 \d+ 次|暂无此故障的维修记录/)
      .waitFor();
    // Down: the suggested priority follows.
    await page.getByTestId('report-down').click();
    await page.getByTestId('report-suggested').getByText('紧急').waitFor();
    // A photo (optional): the tap opens the camera or the file picker.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('photo-add').click()]);
    await chooser.setFiles({ name: '冷冻柜温度.png', mimeType: 'image/png', buffer: photoPng(320, 240) });
    await page.getByTestId('photo-thumb').getByText('冷冻柜温度.png').waitFor();
    await page.getByTestId('report-down').getByText('已停机：无法使用').waitFor();
    expect(await page.getByTestId('fault-REF-COOL-WARM').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'repair-report-zh');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-done').waitFor();
    // What the page received from the scan to the submitted report: four taps, nothing typed.
    expect(await userInputs(page)).toEqual([
      { type: 'pointerdown', target: 'fault-REF-COOL-WARM' },
      { type: 'pointerdown', target: 'report-down' },
      { type: 'pointerdown', target: 'photo-add' },
      { type: 'pointerdown', target: 'report-submit' },
    ]);

    const done = await page.getByTestId('report-done').innerText();
    number = /WO-\d{4}-\d{5}/.exec(done)![0];
    expect(done).toBe(`已报修，工单号 ${number}`);
    await page.getByText('SH001-FRZ-01 卧式冷冻柜 (Chest freezer) · 温度偏高 / 不制冷').waitFor();
    await page.getByTestId('report-follow').getByText(`查看工单 ${number}`).waitFor();
    await screenshot(page, 'repair-report-done-zh');

    // Following it: the detail shows the report, the photo (viewable) and what the clerk may do.
    await page.getByTestId('report-follow').click();
    await page.getByTestId('wo-number').getByText(number).waitFor();
    woId = page.url().split('/').pop()!;
    await inStatus(page, 'submitted');
    await page.getByTestId('wo-timeline').getByTestId('event-report').waitFor();
    expect(await page.getByTestId('wo-actions').locator('button').allInnerTexts()).toEqual(['取消工单', '备 注']);
    await page.getByTestId('file-冷冻柜温度.png').click();
    await page.getByTestId('photo-image').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await settle(page);
    const details = await page.getByTestId('wo-summary').innerText();
    expect(details).toContain('REF-COOL-WARM 温度偏高 / 不制冷');
    expect(details).toContain('停机中');
    expect(await page.getByTestId('cost-total').innerText()).toBe('¥0.00');
    await screenshot(page, 'repair-wo-submitted-zh');

    await shell.navigate('我的报修');
    await page.getByTestId(`wo-link-${number}`).waitFor();
    await settle(page);
    expect(await gridRow(page, number)).toMatch(
      /^WO-\d{4}-\d{5} 已报修 紧急 响应 · 剩 .* SH001-FRZ-01 卧式冷冻柜 \(Chest freezer\) 后厨 Kitchen 制冷设备 停机温度偏高 \/ 不制冷$/,
    );
    await screenshot(page, 'repair-mine-zh');
    await signOut(page, '退出登录');
  });

  it('a manager sees it in the open list and assigns it to the technician', async () => {
    await signIn(page, 'manager', '2345');
    // MTTR before the fix (the failure is counted already; the repair time only once it runs again).
    await shell.navigate('维修报表');
    await pick(page, 'reliability-category', '', '制冷设备');
    const before = await reliabilityOf(page, equipmentId);
    mttrBefore = before.mttr;
    repairsBefore = before.repairs;
    await settle(page);
    expect(await gridRow(page, EQUIPMENT)).toMatch(
      /^SH001-FRZ-01 卧式冷冻柜 \(Chest freezer\) 制冷设备 \d+ \d+ \d+ \d+ \d+ \d+ [\d.]+ %$/,
    );
    expect(await gridTotals(page)).toMatch(/^合计 \d+ \d+ \d+ \d+ \d+ \d+ [\d.]+ %$/);
    await screenshot(page, 'repair-report-mttr-before-zh');

    await shell.navigate('维修工单');
    await page.getByTestId(`wo-link-${number}`).waitFor();
    await settle(page);
    expect(await gridRow(page, number)).toMatch(
      /^WO-\d{4}-\d{5} 已报修 紧急 .* SH001-FRZ-01 卧式冷冻柜 \(Chest freezer\) /,
    );
    await screenshot(page, 'repair-work-orders-zh');
    await page.getByTestId(`wo-link-${number}`).click();
    await inStatus(page, 'submitted');
    // Only what the state machine allows: no "start" before someone is assigned.
    expect(await page.getByTestId('wo-action-start').count()).toBe(0);
    await page.getByTestId('wo-action-assign').click();
    await page.getByTestId('wo-action-form').waitFor();
    await pick(page, 'wo-assignee', '', /陈师傅/);
    await page.waitForTimeout(400); // the dropdown closing
    await page.locator('.ant-modal-title').getByText(`派工 · ${number}`).waitFor();
    expect(await page.getByTestId('wo-assignee').innerText()).toContain('陈师傅');
    await screenshot(page, 'repair-assign-zh');
    await page.getByTestId('wo-action-ok').click();
    await page.getByTestId('wo-action-form').waitFor({ state: 'hidden' });
    await inStatus(page, 'assigned');
    await page.getByTestId('wo-assignee-name').getByText('陈师傅').waitFor();
    await signOut(page, '退出登录');
  });

  it('the technician starts, takes a spare part from stock, and resolves with codes', async () => {
    await signIn(page, 'tech', '5678');
    await shell.navigate('维修工单');
    await page.getByTestId('wo-scope').getByText('派给我的').click();
    await page.getByTestId(`wo-link-${number}`).click();
    await inStatus(page, 'assigned');
    await act(page, 'start');
    await inStatus(page, 'in_progress');

    await page.getByTestId('wo-use-parts').click();
    await page.getByTestId('parts-form').waitFor();
    await pick(page, 'parts-area', '', 'SUPPLY');
    await pick(page, 'line-0-item', 'CLEAN-009', /CLEAN-009 百洁布 · 库存/);
    await page.getByTestId('line-0-qty').fill('2');
    await pick(page, 'line-0-unit', '', /^pc$/);
    await settle(page);
    expect(await page.getByTestId('parts-area').innerText()).toContain('SUPPLY');
    expect(await page.getByTestId('line-0-item').innerText()).toContain('CLEAN-009 百洁布');
    expect(await page.getByTestId('line-0-qty').inputValue()).toBe('2');
    await screenshot(page, 'repair-parts-zh');
    await page.getByTestId('parts-ok').click();
    await page.getByTestId('wo-parts').getByText('CLEAN-009 百洁布').waitFor();
    // The part is a cost of the work order.
    const parts = await page.getByTestId('cost-parts').innerText();
    expect(parts).toMatch(/^¥\d/);
    expect(parts).not.toBe('¥0.00');
    expect(await page.getByTestId('cost-total').innerText()).toBe(parts);

    await act(page, 'resolve', async () => {
      await page.getByTestId('wo-resolution-text').fill('冷凝器积尘，清洁后温度恢复到 -18°C');
      await pick(page, 'wo-resolution-code', '', '清洁 / 疏通');
      await pick(page, 'wo-root-cause', '', '脏堵 / 缺少清洁');
    });
    await inStatus(page, 'resolved');
    await page.getByTestId('wo-resolution').getByText('冷凝器积尘').waitFor();
    // A technician does not sign off their own work.
    expect(await page.getByTestId('wo-action-confirm').count()).toBe(0);
    await page.getByTestId('wo-timeline').getByTestId('event-resolve').waitFor();
    await settle(page);
    await page.getByTestId('wo-summary').getByText('清洁 / 疏通 · 原因：脏堵 / 缺少清洁').waitFor();
    expect((await page.getByTestId('wo-parts').innerText()).replace(/\s+/g, ' ')).toContain(
      `CLEAN-009 百洁布 SUPPLY 2 pc ${parts}`,
    );
    await screenshot(page, 'repair-wo-resolved-zh');

    // The ledger: a maintenance issue linked to the work order, newest first in the history.
    await shell.navigate('出入库流水');
    const top = page.locator('.ag-row[row-index="0"]');
    await top.filter({ hasText: '维修领用' }).filter({ hasText: 'CLEAN-009' }).waitFor();
    const ledger = await shell.callApi('stock.moves', { docType: 'work_order', docId: woId });
    const moves = (ledger.body as unknown as { value: { rows: { kind: string; code: string; note: string }[] } }).value
      .rows;
    expect(moves).toEqual([expect.objectContaining({ kind: 'maintenance', code: 'CLEAN-009' })]);
    expect(moves[0]!.note).toContain(number);
    await settle(page);
    // The same cost as on the work order, as a movement out of stock.
    expect(await gridRowAt(page, 0)).toMatch(
      new RegExp(`^\\d+ \\S+ \\S+ 维修领用 CLEAN-009 百洁布 SUPPLY -2 pc -${parts.slice(1).replace('.', '\\.')} tech`),
    );
    await screenshot(page, 'repair-stock-moves-zh');
    await signOut(page, '退出登录');
  });

  it('the clerk who reported it confirms the fix', async () => {
    await signIn(page, 'clerk1', '3456');
    await shell.navigate('我的报修');
    await page.getByTestId(`wo-link-${number}`).click();
    await inStatus(page, 'resolved');
    await act(page, 'confirm', async () => {
      await page.getByTestId('wo-action-note').fill('温度正常了，谢谢');
    });
    await inStatus(page, 'confirmed');
    await settle(page);
    await page.getByTestId('wo-timeline').getByText('温度正常了，谢谢').waitFor();
    await page.getByTestId('wo-status').getByText('已验收').waitFor();
    await screenshot(page, 'repair-wo-confirmed-zh');
    await signOut(page, '退出登录');
  });

  it('the MTTR report shows the repair; the other maintenance screens (zh-CN)', async () => {
    await signIn(page, 'manager', '2345');
    await shell.navigate('维修报表');
    await pick(page, 'reliability-category', '', '制冷设备');
    const after = await reliabilityOf(page, equipmentId);
    expect(after.repairs).toBe(repairsBefore + 1);
    expect(after.mttr).not.toBe(mttrBefore);
    await settle(page);
    const row = new RegExp(
      `^SH001-FRZ-01 卧式冷冻柜 \\(Chest freezer\\) 制冷设备 \\d+ ${after.repairs} ${after.mttr} `,
    );
    expect(await gridRow(page, EQUIPMENT)).toMatch(row);
    await screenshot(page, 'repair-report-mttr-zh');
    await page.emulateMedia({ media: 'print' });
    // Printed: the report's own table (title, period, the same row), nothing of the screen around it.
    const printed = page.locator('.report-print');
    await printed.getByText('MTTR 与 MTBF').waitFor();
    const printedRow = await printed.locator('tr').filter({ hasText: EQUIPMENT }).innerText();
    expect(printedRow.replace(/\s+/g, ' ').trim()).toMatch(row);
    expect(await page.getByTestId('nav').isVisible()).toBe(false);
    await screenshot(page, 'repair-report-print-zh');
    await page.emulateMedia({ media: 'screen' });
    const xlsx = page.waitForEvent('download');
    await page.getByTestId('repair-reliability-equipment-xlsx').click();
    expect((await xlsx).suggestedFilename()).toMatch(/^MTTR.*\.xlsx$/);

    for (const [tab, name, shows, totals] of [
      // Per priority, response and fix compliance as percentages; the totals below.
      [
        '维修时效达标率',
        'sla',
        /^紧急 \d+ \d+ \d+ [\d.]+ % \d+ \d+ [\d.]+ %$/,
        /^合计 \d+ \d+ \d+ [\d.]+ % \d+ \d+ [\d.]+ %$/,
      ],
      // The same fault on the same equipment again within 30 days, with its work orders.
      ['重复故障', 'repeats', /^SH001-\S+ .* \d+ \d+ WO-\d{4}-\d{5}(, WO-\d{4}-\d{5})+ \S+ \S+$/, null],
      // Parts, labour and vendor cost per equipment, in yuan.
      [
        '维修费用',
        'costs',
        /^SH001-\S+ .* \d+ [\d.]+ [\d.]+ \d+ [\d.]+ [\d.]+$/,
        /^合计 \d+ [\d.]+ [\d.]+ \d+ [\d.]+ [\d.]+$/,
      ],
      // Open work orders by age and priority.
      ['未结工单账龄', 'aging', /^1 天以内 \d+ \d+ \d+ \d+ \d+ \d+$/, /^合计 \d+ \d+ \d+ \d+ \d+ \d+$/],
    ] as const) {
      await page.getByTestId('repair-report-tabs').getByText(tab, { exact: true }).click();
      await page.getByRole('tab', { name: tab, selected: true }).waitFor();
      await page.locator('.ag-row').first().waitFor();
      await settle(page);
      expect(await gridRowAt(page, 0)).toMatch(shows);
      if (totals) expect(await gridTotals(page)).toMatch(totals);
      await screenshot(page, `repair-report-${name}-zh`);
    }

    await shell.navigate('设备');
    await page.getByRole('gridcell', { name: EQUIPMENT }).waitFor();
    expect(await gridRow(page, EQUIPMENT)).toMatch(
      /^SH001-FRZ-01 卧式冷冻柜 \(Chest freezer\) 制冷设备 后厨 Kitchen 高 海尔 Haier BC\/BD-519HK \S+ 上海冷链制冷设备维修有限公司 /,
    );
    await screenshot(page, 'repair-equipment-zh');
    await page.goto(`${host.url}/#/equipment/${equipmentId}`);
    await page.getByTestId('equipment-title').getByText(EQUIPMENT).waitFor();
    await page.getByTestId(`wo-link-${number}`).waitFor();
    expect(await gridRow(page, number)).toMatch(/^WO-\d{4}-\d{5} 已验收 紧急 修复 · 达标 /);
    expect(await page.getByTestId('equipment-details').innerText()).toContain('EQ:SH001-FRZ-01');
    // Its costs over the last twelve months, the new work order's part included, in yuan.
    await page.getByText(/^累计维修费用（\d+ 张工单）$/).waitFor();
    await page
      .getByText(/^¥[\d,]+\.\d\d$/)
      .first()
      .waitFor();
    await screenshot(page, 'repair-equipment-detail-zh');
    await page.getByTestId('equipment-qr').click();
    await page.getByTestId('qr-preview').locator('svg').waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation
    const label = page.getByTestId('qr-preview');
    for (const text of ['卧式冷冻柜', 'Chest freezer', 'SH001-FRZ-01', '扫码报修 Scan to report']) {
      await label.getByText(text, { exact: true }).waitFor();
    }
    await screenshot(page, 'repair-qr-label-zh');
    // Printed, only the label shows, at its size (50 x 30 mm).
    await page.emulateMedia({ media: 'print' });
    for (const text of ['卧式冷冻柜', 'SH001-FRZ-01', '扫码报修 Scan to report']) {
      await page.getByText(text, { exact: true }).filter({ visible: true }).first().waitFor();
    }
    expect(await page.getByTestId('nav').isVisible()).toBe(false);
    await screenshot(page, 'repair-qr-print-zh');
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await page.getByTestId('qr-preview').waitFor({ state: 'hidden' });
    await page.getByTestId('equipment-edit').click();
    await page.getByTestId('equipment-form').waitFor();
    await page.waitForTimeout(400);
    // Editing keeps the code (printed on its QR label) fixed.
    expect(await page.getByTestId('equipment-code').inputValue()).toBe(EQUIPMENT);
    expect(await page.getByTestId('equipment-code').isDisabled()).toBe(true);
    expect(await page.getByTestId('equipment-name').inputValue()).toBe('卧式冷冻柜 (Chest freezer)');
    expect(await page.getByTestId('equipment-category').innerText()).toContain('制冷设备');
    await screenshot(page, 'repair-equipment-edit-zh');
    await page.keyboard.press('Escape');

    await page.getByTestId('equipment-form').waitFor({ state: 'hidden' });

    // Preventive maintenance: a monthly plan whose first service was due 20 days ago is overdue at once.
    await shell.navigate('预防性保养');
    await page.getByTestId('pm-tabs').waitFor();
    await page.getByRole('tab', { name: '保养计划' }).click();
    await page.getByTestId('plan-add').click();
    await page.getByTestId('plan-form').waitFor();
    await page.getByTestId('plan-name').fill('冷库门封月检');
    await pick(page, 'plan-equipment', 'COOL-01', 'SH001-COOL-01');
    const start = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#startDay').click();
    await page.locator('#startDay').fill(start);
    await page.locator('#startDay').press('Enter');
    await pick(page, 'plan-assignee', '', '陈师傅');
    await page.getByTestId('plan-add-check').click();
    await page.getByTestId('check-0-key').fill('seal');
    await page.getByTestId('check-0-label').fill('门封条无破损，关门严密');
    await page.getByTestId('plan-add-check').click();
    await page.getByTestId('check-1-key').fill('temp');
    await page.getByTestId('check-1-label').fill('库温');
    await pick(page, 'check-1-kind', '', '读数');
    await page.getByTestId('check-1-unit').fill('°C');
    await page.getByTestId('check-1-min').fill('0');
    await page.getByTestId('check-1-max').fill('5');
    await settle(page);
    expect(await page.getByTestId('plan-name').inputValue()).toBe('冷库门封月检');
    expect(await page.getByTestId('plan-equipment').innerText()).toContain('SH001-COOL-01');
    expect([
      await page.getByTestId('check-1-min').inputValue(),
      await page.getByTestId('check-1-max').inputValue(),
    ]).toEqual(['0', '5']);
    await screenshot(page, 'repair-pm-plan-edit-zh');
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-form').waitFor({ state: 'hidden' });
    await page.getByRole('gridcell', { name: '冷库门封月检' }).waitFor();
    await settle(page);
    expect(await gridRow(page, '冷库门封月检')).toMatch(
      new RegExp(`^冷库门封月检 SH001-COOL-01 冷库 \\(Walk-in cooler\\) 每 1 个月 \\d+ 天 ${start} 普通 陈师傅 2 是 `),
    );
    await screenshot(page, 'repair-pm-plans-zh');

    await page.getByRole('tab', { name: '保养日程' }).click();
    await page
      .getByTestId('pm-overdue-filter')
      .getByText(/^已逾期（[1-9]\d*）$/)
      .click();
    const overdue = page.locator('.ag-row').filter({ hasText: '冷库门封月检' });
    await overdue.filter({ hasText: '已逾期' }).waitFor();
    expect(await gridRow(page, '冷库门封月检')).toMatch(
      new RegExp(`^已逾期 ${start} 冷库门封月检 SH001-COOL-01 冷库 \\(Walk-in cooler\\) 按月 WO-\\d{4}-\\d{5} 已派工$`),
    );
    await screenshot(page, 'repair-pm-schedule-zh');
    // Its work order carries the checklist: a check passes, a reading inside the range.
    await overdue.locator('a[href*="/repairs/work-orders/"]').click();
    await page.getByTestId('wo-checklist').waitFor();
    await page.getByTestId('check-seal').getByText('合格', { exact: true }).click();
    await page.getByTestId('check-temp').locator('input').first().fill('3.5');
    await page.getByTestId('checklist-save').click();
    await page.getByText('检查结果已保存。').waitFor();
    await page.getByTestId('check-temp').locator('.anticon-check-circle').waitFor();
    await settle(page);
    expect(await page.getByTestId('check-temp').locator('input').first().inputValue()).toBe('3.5');
    await inStatus(page, 'assigned');
    expect(await page.getByTestId('wo-summary').innerText()).toContain('冷库门封月检');
    await screenshot(page, 'repair-pm-wo-zh');

    await shell.navigate('预防性保养');
    await page.getByRole('tab', { name: '仪表读数' }).click();
    await pick(page, 'readings-equipment', 'STM-01', 'SH001-STM-01');
    await page.getByTestId('reading-form').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    // A run-hour reading by hand, then one from a meter export (after it: readings never go back).
    await page.getByTestId('reading-value').fill('9000.5');
    await page.getByTestId('reading-save').click();
    await page.getByText('读数已保存。').waitFor();
    await page.locator('.ant-table-row').first().getByText('9000.5 h').waitFor();
    await page.getByTestId('readings-import').click();
    await page
      .getByTestId('readings-import-text')
      .fill(`设备编码,运行小时,时间\nSH001-STM-01, 9012, ${new Date().toISOString()}`);
    await page.getByRole('button', { name: '导入 1 条读数' }).click();
    await page.getByText('已导入 1 条读数。').waitFor();
    await page.locator('.ant-table-row').first().getByText('9012 h').waitFor();
    await settle(page);
    const readings = (await page.locator('.ant-table-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(readings.slice(0, 2)).toEqual([
      expect.stringMatching(/ 9012 h 导入 李经理$/),
      expect.stringMatching(/ 9000\.5 h 手工录入 李经理$/),
    ]);
    await screenshot(page, 'repair-pm-readings-zh');

    await shell.navigate('故障代码');
    const faultRow = page.locator('tr').filter({ hasText: 'REF-COOL-WARM' });
    // Used once more by the report at the start of this walk-through.
    expect((await faultRow.innerText()).replace(/\s+/g, ' ').trim()).toMatch(
      /^REF-COOL-WARM 温度偏高 \/ 不制冷 Not cold enough \d+ [1-9]\d* 是$/,
    );
    await screenshot(page, 'repair-fault-codes-zh');
    await shell.navigate('维修技术员');
    expect(await gridRow(page, '陈师傅')).toMatch(/^陈师傅 tech 制冷设备.* 在岗 ¥90\.00 \d+ /);
    await screenshot(page, 'repair-technicians-zh');
    await shell.navigate('维修服务商');
    expect(await gridRow(page, 'SV-001')).toMatch(/^SV-001 上海冷链制冷设备维修有限公司 周建国 .* ¥150\.00 \d+ /);
    await screenshot(page, 'repair-vendors-zh');
    await signOut(page, '退出登录');
    await page.context().close();
  });

  it('one pass in English: a report from the QR link refuses a PDF and scales a large photo down', async () => {
    const en = await newPage(browser, 'en-US');
    page = en.page;
    shell = new ShellScreen(page);
    await page.goto(host.url);
    await signIn(page, 'clerk2', '4567');
    // What the QR label's link opens: the report form for that equipment.
    await page.goto(`${host.url}/#/repairs/report/${encodeURIComponent('EQ:SH001-COOL-01')}`);
    await page.getByTestId('report-equipment-info').getByText('海尔 Haier LK-12M').waitFor();
    await page.getByTestId('fault-REF-BODY-SEAL').click();
    const input = page.getByTestId('report-photos').locator('input[type=file]');
    await input.setInputFiles({ name: 'manual.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.getByText('"manual.pdf" is not a photo.', { exact: false }).waitFor();
    await input.setInputFiles({ name: 'door-seal.png', mimeType: 'image/png', buffer: photoPng(2400, 1800) });
    // Scaled to 1600 px and sent as JPEG.
    await page.getByTestId('photo-thumb').getByText('door-seal.jpg').waitFor();
    expect(await page.getByTestId('fault-REF-BODY-SEAL').getAttribute('aria-pressed')).toBe('true');
    await page
      .getByTestId('report-equipment-info')
      .getByText(/Criticality: Critical/)
      .waitFor();
    await page.getByText('Equipment cannot be used').waitFor();
    await screenshot(page, 'repair-report-en');
    await page.getByTestId('report-submit').click();
    await page
      .getByTestId('report-done')
      .getByText(/^Reported as work order WO-/)
      .waitFor();
    await page.getByTestId('report-follow').click();
    await page.getByTestId('file-door-seal.jpg').click();
    const img = page.locator('.ant-modal img').first();
    await img.waitFor();
    const size = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
    expect(size).toEqual([1600, 1200]);
    await page.keyboard.press('Escape');
    await signOut(page, 'Sign out');

    await signIn(page, 'manager', '2345');
    await page.goto(`${host.url}/#/repairs/work-orders/${woId}`);
    await inStatus(page, 'confirmed');
    await page.getByTestId('wo-costs').getByText('Total cost').waitFor();
    await settle(page);
    // The part's cost in the store's currency, as an English reader sees yuan.
    const partsEn = await page.getByTestId('cost-parts').innerText();
    expect(partsEn).toMatch(/^CN¥\d+\.\d\d$/);
    expect(await page.getByTestId('cost-total').innerText()).toBe(partsEn);
    expect((await page.getByTestId('wo-parts').innerText()).replace(/\s+/g, ' ')).toContain(
      `CLEAN-009 Scouring pads SUPPLY 2 pc ${partsEn}`,
    );
    await screenshot(page, 'repair-wo-en');
    await shell.navigate('Fault codes');
    await page.getByText('Refrigeration', { exact: true }).first().waitFor();
    expect(
      (await page.locator('tr').filter({ hasText: 'REF-COOL-WARM' }).innerText()).replace(/\s+/g, ' ').trim(),
    ).toMatch(/^REF-COOL-WARM 温度偏高 \/ 不制冷 Not cold enough \d+ [1-9]\d* Yes$/);
    await screenshot(page, 'repair-fault-codes-en');
    for (const [nav, check, name, row, shows] of [
      ['Work orders', 'Open', 'work-orders', number, /^WO-\d{4}-\d{5} Confirmed Urgent Fix · Met /],
      [
        'Equipment',
        EQUIPMENT,
        'equipment',
        EQUIPMENT,
        /^SH001-FRZ-01 卧式冷冻柜 \(Chest freezer\) Refrigeration 后厨 Kitchen High /,
      ],
      [
        'Preventive maintenance',
        'Schedule',
        'pm',
        '冷库门封月检',
        /^Overdue \S+ 冷库门封月检 SH001-COOL-01 .* Months WO-/,
      ],
      [
        'Maintenance reports',
        'MTTR and MTBF',
        'reports',
        'SH001-IND-01',
        /^SH001-IND-01 \S+ \(Table induction hob\) Cooking \d+/,
      ],
      ['Technicians', '陈师傅', 'technicians', '陈师傅', /^陈师傅 tech Refrigeration.* Available CN¥90\.00 \d+ /],
      [
        'Service vendors',
        'SV-001',
        'vendors',
        'SV-001',
        /^SV-001 上海冷链制冷设备维修有限公司 .* Refrigeration .* CN¥150\.00 \d+ /,
      ],
    ] as const) {
      await shell.navigate(nav);
      await page.getByText(check, { exact: true }).first().waitFor();
      await settle(page);
      expect(await gridRow(page, row)).toMatch(shows);
      await screenshot(page, `repair-${name}-en`);
    }
    const csv = page.waitForEvent('download');
    await page.getByTestId('service-vendors-export').click();
    expect(readFileSync((await (await csv).path())!, 'utf8')).toContain('SV-001');
    await page.context().close();
  });
});
