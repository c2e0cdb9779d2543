import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeVariable } from '../../src-shared/barcode/variable-measure';
import type { DeviceState } from '../../src-shared/api/methods/devices';
import { PrinterSimulator } from '../../src-main/tools/sim/printer-sim';
import { ScaleSimulator } from '../../src-main/tools/sim/scale-sim';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { seedStockFixture, type StockFixture } from '../helpers/stock';

/**
 * The receiving desk against real devices: a CAS scale simulated over a socat
 * pty and a TSPL printer simulated over TCP, driven through the API the
 * screen uses (device settings, live state events, scan, post with label).
 */
let t: TestBackend;
let fx: StockFixture;
let scale: ScaleSimulator;
let printer: PrinterSimulator;
let dir: string;
let scaleId: string;
let printerId: string;
const states = new Map<string, DeviceState>();

async function until<T>(what: string, fn: () => T | undefined | null | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; devices: ${JSON.stringify([...states.values()])}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const kg = (amount: number) => ({ amount, decimals: 3, unit: 'kg' as const });
const stableGrams = async (grams: number) =>
  until(`a stable ${grams} g`, () => {
    const r = states.get(scaleId)?.reading;
    return r?.kind === 'weight' && r.stable && r.weight.amount === grams && r;
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bo-recv-'));
  t = await openSetUpBackend();
  fx = seedStockFixture(t);
  t.backend.events.subscribe((e) => {
    if (e.type === 'device') states.set(e.state.id, e.state);
  });
  scale = new ScaleSimulator({ protocol: 'cas22', link: join(dir, 'scale'), intervalMs: 50 });
  await scale.start();
  scale.setWeight(kg(12_345));
  printer = await PrinterSimulator.start({
    language: 'tspl',
    transport: { kind: 'tcp', port: 0 },
    outDir: join(dir, 'labels'),
  });
  scaleId = (
    await t.call('devices.save', {
      kind: 'scale',
      name: 'Dock scale',
      protocol: 'cas22',
      connection: { path: scale.appPath!, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      isDefault: true,
      active: true,
      options: {},
    })
  ).id;
  printerId = (
    await t.call('devices.save', {
      kind: 'printer',
      name: 'Dock printer',
      protocol: 'tspl',
      connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port! },
      isDefault: true,
      active: true,
      options: {},
    })
  ).id;
});

afterAll(async () => {
  t?.close();
  await scale?.stop();
  await printer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('receiving with a simulated scale and label printer', () => {
  it('shows the live weight as device events and in devices.states', async () => {
    const r = await stableGrams(12_345);
    expect(r.net).toBe(false);
    const listed = (await t.call('devices.states', {})).find((s) => s.id === scaleId);
    expect(listed?.status).toBe('online');
    await until('the printer ready', () => states.get(printerId)?.status === 'online');
    expect(states.get(printerId)?.faults).toEqual([]);
  });

  it('posts a weighed line with a crate tare and prints its label', async () => {
    const receipt = await t.call('receipts.open', { areaId: fx.areas.cooler });
    await stableGrams(12_345);
    const labelPromise = printer.nextLabel();
    const out = await t.call('receiving.post', {
      receiptId: receipt.id,
      line: {
        itemId: fx.items.beef,
        weighed: { gross: 12_345_000, tare: 1_200_000, stable: true, scaleId },
        price: 480_000,
        priceUnit: 'kg',
        lot: 'L42',
      },
    });
    expect(out.line).toMatchObject({ status: 'posted', acceptedQty: 11_145_000, weighed: true, scaleStable: true });
    expect(out.print).toMatchObject({
      status: 'printed',
      printerId,
      sourceType: 'receipt_line',
      sourceId: out.line.id,
    });
    const label = await labelPromise;
    expect(label.texts.join(' ')).toContain('肥牛卷');
    expect(label.texts.join(' ')).toContain('11.145');
    expect(label.barcodes[0]?.data ?? '').toContain('(3103)011145(13)');
    // The ledger has it: 11.145 kg at 48.00/kg.
    const moves = await t.call('stock.moves', { itemId: fx.items.beef, limit: 10 });
    expect(moves.rows[0]).toMatchObject({ kind: 'receipt', qty: 11_145_000, value: 5_349_600 });
  });

  it('refuses a weight the scale no longer shows, and an unstable one, writing nothing', async () => {
    const receipt = await t.call('receipts.open', { areaId: fx.areas.cooler });
    scale.setWeight(kg(2_000));
    await stableGrams(2_000);
    const stale = await t.fail('receiving.post', {
      receiptId: receipt.id,
      line: {
        itemId: fx.items.beef,
        weighed: { gross: 12_345_000, tare: 0, stable: true, scaleId },
        price: 1,
        priceUnit: 'kg',
      },
    });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/changed/);
    scale.setMotion(true);
    await until('motion', () => {
      const r = states.get(scaleId)?.reading;
      return r?.kind === 'weight' && !r.stable;
    });
    const moving = await t.fail('receiving.post', {
      receiptId: receipt.id,
      line: {
        itemId: fx.items.beef,
        weighed: { gross: 2_000_000, tare: 0, stable: true, scaleId },
        price: 1,
        priceUnit: 'kg',
      },
    });
    expect(moving.message).toMatch(/not stable/);
    scale.setMotion(false);
    expect((await t.call('receipts.get', { id: receipt.id })).lines).toHaveLength(0);
  });

  it('keeps the posted line when the printer is out of paper, and prints it again later', async () => {
    const receipt = await t.call('receipts.open', { areaId: fx.areas.cooler });
    printer.setPaperOut(true);
    const out = await t.call('receiving.post', {
      receiptId: receipt.id,
      line: { itemId: fx.items.cups, qty: '50', unit: 'pc', price: 1_000 },
    });
    expect(out.line.status).toBe('posted');
    expect(out.print).toMatchObject({ status: 'failed', error: 'paper_out' });
    expect(states.get(printerId)?.faults).toContain('paper_out');
    const failed = await t.call('labels.history', { status: 'failed' });
    expect(failed.map((p) => p.id)).toContain(out.print!.id);
    const lineJob = async () => (await t.call('receipts.get', { id: receipt.id })).lines[0]!.labelJob;
    expect(await lineJob()).toEqual({ id: out.print!.id, status: 'failed', error: 'paper_out' });

    printer.setPaperOut(false);
    const next = printer.nextLabel();
    const again = await t.call('labels.reprint', { id: out.print!.id });
    expect(again.status).toBe('printed');
    expect((await next).texts.join(' ')).toContain('纸杯');
    // The receipt shows the newest job of the line: the one printed again.
    expect(await lineJob()).toEqual({ id: again.id, status: 'printed', error: '' });
  });

  it('resolves scans: a variable-measure EAN-13 gives item and weight; unknown and misread codes say why', async () => {
    t.backend.database.sqlite
      .prepare("INSERT INTO item_barcodes (barcode, item_id, unit) VALUES ('2012345', ?, '')")
      .run(fx.items.rice);
    const code = encodeVariable(
      { prefix: '20', itemDigits: 5, valueKind: 'weight', valueDigits: 5, decimals: 3 },
      '12345',
      1234,
    );
    expect(code).toBe('2012345012349');
    expect(await t.call('receiving.scan', { text: code })).toMatchObject({
      status: 'item',
      scanKind: 'variable',
      item: { id: fx.items.rice, code: 'T-RICE' },
      qty: 1_234_000,
    });
    expect(await t.call('receiving.scan', { text: '6901234567892' })).toMatchObject({ status: 'unknown' });
    expect(await t.call('receiving.scan', { text: '6901234567891' })).toMatchObject({
      status: 'invalid',
      reason: expect.stringContaining('check digit'),
    });
    expect(await t.call('receiving.scan', { text: 't-beef' })).toMatchObject({ status: 'item', scanKind: 'code' });
  });

  it('prints the QR label of a piece of equipment with EQ:<code> in the QR', async () => {
    const id = '01930000-0000-7000-8000-0000000e0001';
    t.backend.database.sqlite
      .prepare(
        "INSERT INTO equipment (id, code, name, category, location, created_at, updated_at) VALUES (?, 'SH001-FRY-01', '炸炉 1 号', 'fryer', '热厨', 0, 0)",
      )
      .run(id);
    const next = printer.nextLabel();
    const out = await t.call('labels.printEquipment', { equipmentId: id });
    expect(out).toMatchObject({ status: 'printed', sourceType: 'equipment', sourceId: id });
    const label = await next;
    expect(label.texts.join(' ')).toContain('SH001-FRY-01');
    expect(label.texts.join(' ')).toContain('炸炉 1 号');
    expect(label.barcodes.map((b) => b.data)).toContain('EQ:SH001-FRY-01');
  });

  it('reports the scale offline when it is unplugged and back when it returns', async () => {
    await scale.unplug();
    await until('offline', () => states.get(scaleId)?.status === 'offline', 10_000);
    await scale.replug();
    scale.setWeight(kg(3_210));
    // The driver retries the port with a backoff; on a loaded 2-core CI machine the replugged pty can take longer.
    await until('back online', () => states.get(scaleId)?.status === 'online', 30_000);
    await stableGrams(3_210);
  }, 60_000);
});
