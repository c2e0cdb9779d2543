import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { darkPixelCount, readPng } from '../../src-main/devices/printer/png-read';
import { PrinterSimulator, type SimLabel } from '../../src-main/tools/sim/printer-sim';
import { ScaleSimulator } from '../../src-main/tools/sim/scale-sim';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { startHost, type RunningHost } from './support/host';
import { LoginScreen, ShellScreen } from './support/pages';
import { scan } from './support/scanner';

/**
 * The receiving clerk's morning, end to end in Chromium against the built
 * host, with a CAS scale simulated on a socat pty and a TSPL label printer
 * simulated on TCP: set the devices up on the devices screen, receive the
 * demo's approved vegetable order with weighed lines and a rejection, check
 * each label the printer "printed" (its PNG), survive a paper-out.
 */
let browser: Browser;
let host: RunningHost;
let page: Page;
let scale: ScaleSimulator;
let printer: PrinterSimulator;
let dir: string;

const kg = (grams: number) => ({ amount: grams, decimals: 3, unit: 'kg' as const });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bo-e2e-recv-'));
  scale = new ScaleSimulator({ protocol: 'cas22', link: join(dir, 'scale'), intervalMs: 80 });
  await scale.start();
  scale.setWeight(kg(0));
  printer = await PrinterSimulator.start({
    language: 'tspl',
    transport: { kind: 'tcp', port: 0 },
    outDir: join(dir, 'labels'),
  });
  browser = await launchBrowser();
  host = await startHost(['--demo']);
  ({ page } = await newPage(browser, 'zh-CN'));
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await scale?.stop();
  await printer?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The PNG the simulator rendered is a whole 50 x 30 mm label at 203 dpi with real ink on it. */
function checkPng(label: SimLabel) {
  expect(label.pngPath).toBeTruthy();
  const png = readFileSync(label.pngPath!);
  // Decoded back from the file: a whole label with real ink on it (text and bars), not a blank.
  const decoded = readPng(png);
  expect([decoded.width, decoded.height]).toEqual([400, 240]);
  expect(darkPixelCount(decoded)).toBeGreaterThan(2000);
}

describe('receiving with a scale and a label printer (zh-CN, then English)', () => {
  it('sets up the scale and the printer on the devices screen and shows the live weight', async () => {
    await page.goto(host.url);
    await new LoginScreen(page).signIn('manager', '2345');
    await page.getByTestId('home-title').waitFor();
    await new ShellScreen(page).navigate('秤和打印机');

    await page.getByTestId('devices-add-scale').click();
    await page.getByTestId('device-name').fill('收货秤');
    // A Yaohua format has no stability flag: the form says how the app decides the weight is stable.
    await page.getByTestId('device-protocol').click();
    await page.locator('.ant-select-item-option').getByText('耀华 XK3190 tF=0').click();
    await page
      .getByTestId('device-stability-hint')
      .getByText(/保持不变 0.8 秒/)
      .waitFor();
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    await page.locator('.ant-modal-title').getByText('添加电子秤').waitFor();
    expect(await page.getByTestId('device-protocol').innerText()).toBe('耀华 XK3190 tF=0');
    expect(await page.getByTestId('device-name').inputValue()).toBe('收货秤');
    await screenshot(page, 'device-yaohua-zh');
    await page.getByTestId('device-protocol').click();
    await page.locator('.ant-select-item-option').getByText('凯士 CAS 22 字节连续输出').click();
    await page.getByTestId('device-stability-hint').waitFor({ state: 'detached' });
    await page.getByTestId('device-path').locator('input').fill(scale.appPath!);
    await page.getByTestId('device-save').click();

    await page.getByTestId('devices-add-printer').click();
    await page.getByTestId('device-name').fill('收货标签机');
    await page.getByTestId('device-host').fill('127.0.0.1');
    await page.getByTestId('device-tcp-port').fill(String(printer.port));
    await page.getByTestId('device-save').click();

    scale.setWeight(kg(1_250));
    await page.getByTestId('device-state-收货秤').getByText('1.250 kg · 稳定').waitFor();
    await page.getByTestId('device-state-收货标签机').getByText('就绪').waitFor();
    await page.getByTestId('status-bar').getByText('收货秤: 1.250 kg · 稳定').waitFor();
    // Listen before clicking: a label that arrives before the listener would be missed (nextLabel waits for the next one).
    const testLabel = printer.nextLabel(20_000);
    await page.getByTestId('device-test-收货标签机').click();
    const test = await testLabel;
    expect(test.texts.join(' ')).toContain('打印测试');
    const devices = page.getByTestId('devices-table');
    const rowOf = async (name: string) =>
      (await devices.locator('tr').filter({ hasText: name }).innerText()).replace(/\s+/g, ' ').trim();
    expect(await rowOf('收货标签机')).toMatch(
      new RegExp(`^收货标签机 默认 标签打印机 TSPL（TSC、佳博、芯烨） 127\\.0\\.0\\.1:${printer.port} 就绪 `),
    );
    expect(await rowOf('收货秤')).toMatch(
      /^收货秤 默认 电子秤 凯士 CAS 22 字节连续输出 \S+ · 9600 8N1 1\.250 kg · 稳定 /,
    );
    await screenshot(page, 'devices-zh');
  });

  it('receives the approved vegetable order: weighed lines, a crate tare, a rejection, one label each', async () => {
    await new ShellScreen(page).navigate('收货');
    await page.getByTestId('receive-po').click();
    await page.getByTestId('receipt-po').click();
    // The demo's approved vegetable order, still waiting for its delivery.
    await page
      .locator('.ant-select-item-option')
      .getByText(/江桥蔬菜/)
      .click();
    await page.getByTestId('receipt-area').getByText(/^COOL/).waitFor();
    expect(await page.getByTestId('receipt-po').innerText()).toMatch(
      /^PO-\d{4}-\d{4} · 上海江桥蔬菜配送有限公司 · \S+$/,
    );
    await screenshot(page, 'receiving-open-zh');
    await page.getByTestId('receipt-open-ok').click();
    await page.getByTestId('receive-page').waitFor();

    // Line 1: 10.000 kg in a crate (1.2 kg) -> 8.800 kg net.
    await page.getByTestId('po-lines').locator('tbody tr').nth(0).click();
    scale.setMotion(true);
    scale.setWeight(kg(10_000));
    await page.getByTestId('line-post').getByText('等待读数稳定…').waitFor();
    scale.setMotion(false);
    await page.getByTestId('live-weight').getByText('10.000 kg').waitFor();
    await page
      .getByTestId('tare-presets')
      .getByText(/周转筐/)
      .click();
    await page.getByTestId('net-weight').getByText('8.800 kg').waitFor();
    await page.getByTestId('line-lot').fill('VEG-0427');
    await page.getByTestId('line-temp').fill('3'); // vegetables arrive chilled: a reading is required
    let next = printer.nextLabel(20_000);
    await page.getByTestId('line-post').click();
    await page.getByTestId('label-state-1').getByText('标签已打印').waitFor();
    const first = await next;
    checkPng(first);
    expect(first.texts.join(' ')).toMatch(/8\.800/);
    expect(first.texts.join(' ')).toContain('VEG-0427');

    // Line 2: 6.000 kg, still in a crate, 1 kg of it rejected as damaged.
    await page.getByTestId('po-lines').locator('tbody tr').nth(1).click();
    scale.setWeight(kg(6_000));
    await page.getByTestId('live-weight').getByText('6.000 kg').waitFor();
    await page.getByTestId('line-temp').fill('4');
    await page.getByTestId('line-reject-qty').fill('1');
    await page.getByTestId('line-reject-reason').click();
    await page.locator('.ant-select-item-option').getByText('破损').click();
    next = printer.nextLabel(20_000);
    await page.getByTestId('line-post').click();
    await page.getByTestId('posted-2').getByText('拒收 1').waitFor();
    const second = await next;
    checkPng(second);
    // 6.000 kg in the same crate (1.2 kg) with 1 kg refused: 3.800 kg accepted.
    expect(second.texts.join(' ')).toMatch(/3\.800/);
    // Received so far in bags of 5 kg: 8.8 kg of potatoes, 3.8 kg of lotus root; its value in yuan.
    const lines = (await page.getByTestId('po-lines').locator('tbody tr').allInnerTexts()).map((l) =>
      l.replace(/\s+/g, ' ').trim(),
    );
    expect(lines.slice(0, 2)).toEqual(['1 VEG-001 土豆 2 袋 1.76 袋 0.24 袋', '2 VEG-002 藕片 3 袋 0.76 袋 2.24 袋']);
    await page.getByText('已过账（2）').waitFor();
    await page
      .getByTestId('receive-page')
      .getByText(/^¥[\d,]+\.\d\d$/)
      .waitFor();
    await screenshot(page, 'receiving-zh');
  });

  it('posts the line when the printer is out of paper, then prints the label again', async () => {
    await page.getByTestId('po-lines').locator('tbody tr').nth(2).click();
    scale.setWeight(kg(2_500));
    await page.getByTestId('live-weight').getByText('2.500 kg').waitFor();
    await page.getByTestId('line-temp').fill('2.5');
    printer.setPaperOut(true);
    await page.getByTestId('line-post').click();
    await page
      .getByTestId('label-state-3')
      .getByText(/标签未打印：标签纸用完/)
      .waitFor();
    await page
      .getByTestId('status-bar')
      .getByText(/收货标签机: 标签纸用完/)
      .waitFor();
    await page.getByText('已过账（3）').waitFor();
    await page.getByTestId('posted-3').getByText('3. 金针菇 · 1.300 kg').waitFor();
    await screenshot(page, 'receiving-paper-out-zh');
    printer.setPaperOut(false);
    const next = printer.nextLabel(20_000);
    await page.getByTestId('reprint-3').click();
    checkPng(await next);
    await page.getByTestId('label-state-3').getByText('标签已打印').waitFor();
  });

  it('lists every label with what happened to it, and previews label templates', async () => {
    await new ShellScreen(page).navigate('标签记录');
    const history = page.getByTestId('labels-history');
    await history
      .getByText(/标签未打印：标签纸用完/)
      .first()
      .waitFor();
    expect(await history.getByText('标签已打印').count()).toBeGreaterThanOrEqual(3);
    const labels = (await history.locator('tbody tr').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
    // Newest first: the reprint, the paper-out, then the two earlier lines, each with its weight.
    expect(labels.slice(0, 4)).toEqual([
      expect.stringMatching(/VEG-003 金针菇 1\.300 kg 收货标签机 标签已打印 李经理/),
      expect.stringMatching(/VEG-003 金针菇 1\.300 kg 收货标签机 标签未打印：标签纸用完 李经理/),
      expect.stringMatching(/VEG-002 藕片 3\.800 kg 收货标签机 标签已打印 李经理/),
      expect.stringMatching(/VEG-001 土豆 8\.800 kg VEG-0427 收货标签机 标签已打印 李经理/),
    ]);
    await screenshot(page, 'label-history-zh');
    await new ShellScreen(page).navigate('标签模板');
    const preview = page.getByTestId('label-preview');
    await preview.locator('svg').waitFor();
    // The preview draws the sample label's fields as the printer will.
    for (const text of ['鸡胸肉', 'Chicken breast', '净重 1.234 kg', '批号 LOT42'])
      await preview.getByText(text).waitFor();
    await screenshot(page, 'label-templates-zh');
  });

  it('picks lines by scanning, in English, and logs every scan', async () => {
    await page.goBack();
    await page.goBack();
    await new ShellScreen(page).switchLanguage('English');
    await page.getByTestId('current-line').getByText('Line being received').waitFor();
    // A keyboard-wedge scanner: an item code in a burst and Enter, with focus in the lot field.
    await page.getByTestId('po-lines').locator('tbody tr').nth(0).click();
    await page.getByTestId('line-lot').click();
    const code = (await page.getByTestId('po-lines').locator('tbody tr').nth(3).locator('td').nth(1).innerText()).split(
      ' ',
    )[0]!;
    await scan(page, code);
    await page.getByTestId('scan-entry').first().getByText(code, { exact: false }).waitFor();
    await expect.poll(() => page.getByTestId('line-lot').inputValue()).toBe('');
    await page.getByTestId('line-item-name').getByText('Shiitake mushrooms').waitFor();
    await scan(page, '6901234567891');
    // Newest first: the misread code says why it was refused, and the first scan is still listed.
    await expect
      .poll(() => page.getByTestId('scan-entry').allInnerTexts(), { timeout: 20_000 })
      .toEqual([
        expect.stringMatching(/6901234567891 → cannot be read: wrong check digit/),
        expect.stringContaining(`${code} → ${code}`),
      ]);
    await page
      .getByTestId('receive-page')
      .getByText(/^CN¥[\d,]+\.\d\d$/)
      .waitFor();
    expect((await page.getByTestId('po-lines').locator('tbody tr').nth(3).innerText()).replace(/\s+/g, ' ')).toBe(
      '4 VEG-004 Shiitake mushrooms 2 袋 0 袋 2 袋',
    );
    await page.getByTestId('posted-3').getByText('3. Enoki mushrooms · 1.300 kg').waitFor();
    await screenshot(page, 'receiving-en');
  });
});
