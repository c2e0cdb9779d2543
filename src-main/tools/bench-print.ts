/**
 * Benchmark: from the print call to the label's bytes having arrived at the
 * printer, through the TCP transport to the printer simulator (status query
 * before the job included, the one after it not). Rendering is off in the
 * simulator so only the app side and the wire are measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RECEIVING_TEMPLATE } from '../../src-shared/labels/defaults';
import { SAMPLE_RECEIVING } from '../../src-shared/labels/samples';
import type { PrinterLanguage } from '../../src-shared/devices';
import { LabelPrinter } from '../devices/printer/printer';
import { PrinterSimulator } from './sim/printer-sim';

export interface PrintBenchResult {
  language: PrinterLanguage;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function benchPostToLabel(samples = 200, language: PrinterLanguage = 'tspl'): Promise<PrintBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-print-'));
  const sim = await PrinterSimulator.start({
    language,
    transport: { kind: 'tcp', port: 0 },
    outDir: dir,
    render: false,
  });
  const printer = new LabelPrinter({ language, transport: { kind: 'tcp', host: '127.0.0.1', port: sim.port! } });
  const req = { template: DEFAULT_RECEIVING_TEMPLATE, data: SAMPLE_RECEIVING };
  try {
    const once = async (): Promise<number> => {
      const t0 = performance.now();
      const arrived = new Promise<number>((resolve) => sim.once('job', () => resolve(performance.now() - t0)));
      await printer.print(req);
      return arrived;
    };
    for (let i = 0; i < 10; i++) await once(); // warm-up: connection, JIT
    const times: number[] = [];
    for (let i = 0; i < samples; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return {
      language,
      samples,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      maxMs: times[times.length - 1] ?? NaN,
    };
  } finally {
    await printer.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
