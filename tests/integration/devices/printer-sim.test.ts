/**
 * Print through the real transports to the printer simulator (TCP, and a
 * socat pty pair as a serial port), for TSPL and ZPL: the simulator parses the
 * job with its own reader, renders a PNG, and the test checks what would print.
 * Faults: paper out / head open refuse the job (nothing reaches the printer),
 * a silent printer is a no_answer fault, and printing works again afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterLanguage, PrinterTransport } from '../../../src-shared/devices';
import { DEFAULT_EQUIPMENT_TEMPLATE, DEFAULT_RECEIVING_TEMPLATE } from '../../../src-shared/labels/defaults';
import { resolveLabel, type ResolvedText } from '../../../src-shared/labels/layout';
import { SAMPLE_EQUIPMENT, SAMPLE_RECEIVING } from '../../../src-shared/labels/samples';
import { darkPixelCount, readPng } from '../../../src-main/devices/printer/png-read';
import { LabelPrinter, PrinterNotReadyError } from '../../../src-main/devices/printer/printer';
import { PrinterSimulator } from '../../../src-main/tools/sim/printer-sim';

const hasSocat = (() => {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir: string;
let sim: PrinterSimulator | null = null;
let printer: LabelPrinter | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'printer-sim-'));
});

afterEach(async () => {
  await printer?.close();
  await sim?.close();
  printer = null;
  sim = null;
  rmSync(dir, { recursive: true, force: true });
});

let transport: PrinterTransport;

async function setUp(language: PrinterLanguage, kind: 'tcp' | 'pty', zplGraphic = false): Promise<void> {
  const outDir = join(dir, 'out');
  sim = await PrinterSimulator.start(
    kind === 'tcp'
      ? { language, transport: { kind: 'tcp', port: 0 }, outDir }
      : { language, transport: { kind: 'pty', link: join(dir, 'printer-app') }, outDir },
  );
  transport =
    kind === 'tcp'
      ? { kind: 'tcp', host: '127.0.0.1', port: sim.port! }
      : { kind: 'serial', serial: { path: sim.link!, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } };
  // A generous timeout: the simulator renders PNGs in this same process, which can hold up its answers on a busy machine.
  printer = new LabelPrinter({
    language,
    transport,
    statusTimeoutMs: 5000,
    zpl: zplGraphic ? { cjkMode: 'graphic' } : {},
  });
}

const expectedTexts = (language: PrinterLanguage) =>
  resolveLabel(DEFAULT_RECEIVING_TEMPLATE, SAMPLE_RECEIVING, { textCells: language === 'tspl' ? 'tspl' : 'exact' })
    .elements.filter((e): e is ResolvedText => e.kind === 'text')
    .map((e) => e.text);

async function printAndCheck(language: PrinterLanguage): Promise<void> {
  const next = sim!.nextLabel();
  const r = await printer!.print({ template: DEFAULT_RECEIVING_TEMPLATE, data: SAMPLE_RECEIVING });
  expect(r.status).toEqual({ ready: true, faults: [] });
  const label = await next;
  expect(label.problems).toEqual([]);
  expect(label.texts).toEqual(expectedTexts(language));
  expect(label.barcodes).toEqual([{ symbology: 'gs1-128', data: SAMPLE_RECEIVING.barcode }]);
  const png = readPng(readFileSync(label.pngPath!));
  expect([png.width, png.height]).toEqual([400, 240]); // 50 x 30 mm at 8 dots/mm
  expect(darkPixelCount(png)).toBeGreaterThan(5000);
  // The simulator keeps the job itself: TSPL up to PRINT's CR LF, ZPL from ^XA to ^XZ (without the final LF).
  expect(r.bytesWritten - readFileSync(label.jobPath).length).toBe(language === 'zpl' ? 1 : 0);
}

async function faultCycle(language: PrinterLanguage): Promise<void> {
  const s = sim!;
  const p = printer!;
  const req = { template: DEFAULT_RECEIVING_TEMPLATE, data: SAMPLE_RECEIVING };

  await printAndCheck(language);
  const printed = s.labels.length;

  s.setPaperOut(true);
  const received = s.bytesReceived;
  const err = (await p.print(req).catch((e: unknown) => e)) as PrinterNotReadyError;
  expect(err).toBeInstanceOf(PrinterNotReadyError);
  expect(err.status.faults).toEqual(['paper_out']);
  expect(await p.queryStatus()).toEqual({ ready: false, faults: ['paper_out'] });
  s.setPaperOut(false);

  s.setHeadOpen(true);
  await expect(p.print(req)).rejects.toMatchObject({ status: { faults: ['head_open'] } });
  s.setHeadOpen(false);

  // A silent printer: a second printer object with a short timeout (a serial port opens only once, so the
  // first one lets go of it meanwhile; it reopens by itself on the next print).
  await p.close();
  await s.idle();
  s.setSilent(true);
  const quick = new LabelPrinter({ language, transport, statusTimeoutMs: 300 });
  try {
    await expect(quick.print(req)).rejects.toMatchObject({ status: { ready: false, faults: ['no_answer'] } });
  } finally {
    await quick.close();
  }
  s.setSilent(false);

  // Only status queries went out while the printer was not ready: nothing printed, nothing dropped.
  // ESC ! ? and ~HS are both 3 bytes; 4 queries (3 refused prints and one queryStatus).
  expect(s.bytesReceived - received).toBe(4 * 3);
  await s.idle();
  expect(s.labels.length).toBe(printed);
  expect(s.dropped).toBe(0);

  await printAndCheck(language);
}

describe.each(['tspl', 'zpl'] as const)('%s printer simulator', (language) => {
  it('over TCP: prints, refuses on faults, prints again', async () => {
    await setUp(language, 'tcp');
    await faultCycle(language);
  });

  it.skipIf(!hasSocat)('over a socat pty (serial): prints, refuses on faults, prints again', async () => {
    await setUp(language, 'pty');
    await faultCycle(language);
  });

  it('prints the equipment QR label', async () => {
    await setUp(language, 'tcp');
    const next = sim!.nextLabel();
    await printer!.print({ template: DEFAULT_EQUIPMENT_TEMPLATE, data: SAMPLE_EQUIPMENT, copies: 2 });
    const label = await next;
    expect(label.problems).toEqual([]);
    expect(label.copies).toBe(2);
    expect(label.barcodes).toEqual([{ symbology: 'qr', data: SAMPLE_EQUIPMENT.barcode }]);
    expect(label.texts).toContain('EQ-0042');
    expect(label.texts).toContain('冷柜 3号');
  });
});

it('ZPL with CJK text as ^GFA graphics', async () => {
  await setUp('zpl', 'tcp', true);
  const next = sim!.nextLabel();
  await printer!.print({ template: DEFAULT_RECEIVING_TEMPLATE, data: SAMPLE_RECEIVING });
  const label = await next;
  expect(label.problems).toEqual([]);
  // Only ASCII text is sent as text; the Chinese lines arrive as bitmaps.
  expect(label.texts).toEqual(['Chicken breast', '(01)06901234567892(3103)001234', '(13)251127(17)251204(10)LOT42']);
  // 鸡胸肉 (bold: one bitmap) and the six prefixed lines.
  expect(label.label.elements.filter((e) => e.kind === 'bitmap')).toHaveLength(7);
  expect(label.darkPixels).toBeGreaterThan(5000);
});

it('a job sent while the paper is out is dropped, not printed', async () => {
  await setUp('tspl', 'tcp');
  sim!.setPaperOut(true);
  const { bytes } = printer!.buildJob({ template: DEFAULT_RECEIVING_TEMPLATE, data: SAMPLE_RECEIVING });
  const dropped = new Promise((resolve) => sim!.once('dropped', resolve));
  // Bypass the status check to see what the simulator does with the job itself.
  const raw = new LabelPrinter({ language: 'tspl', transport: { kind: 'tcp', host: '127.0.0.1', port: sim!.port! } });
  try {
    await (raw as unknown as { conn: { write(b: Uint8Array): Promise<void> } }).conn.write(bytes);
    expect(await dropped).toMatchObject({ reason: 'paper_out' });
  } finally {
    await raw.close();
  }
  expect(sim!.dropped).toBe(1);
  expect(sim!.labels).toHaveLength(0);
});
