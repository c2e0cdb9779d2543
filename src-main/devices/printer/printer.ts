/**
 * Printing a label: status query first (refuse with the faults when the printer
 * is not ready), the job, then a status query after (a print is done when the
 * bytes are written and a following query reports no fault). Jobs on one
 * printer run one at a time.
 */
import type { PrinterFault, PrinterLanguage, PrinterStatus, PrinterTransport } from '../../../src-shared/devices';
import { resolveLabel, type ResolvedLabel } from '../../../src-shared/labels/layout';
import type { LabelData, LabelTemplate } from '../../../src-shared/labels/template';
import { describeFaults, NO_ANSWER, statusQuery } from './status';
import { openConnection, type PrinterConnection } from './transports';
import { buildTsplJob, type TsplOptions } from './tspl';
import { buildZplJob, type ZplOptions } from './zpl';

export interface LabelPrinterOptions {
  language: PrinterLanguage;
  transport: PrinterTransport;
  /** How long to wait for a status answer (default 1500 ms). */
  statusTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** The store's data directory: a file transport writes only in its printers folder or to a device node. */
  dataDir?: string;
  zpl?: Omit<ZplOptions, 'copies'>;
  tspl?: Omit<TsplOptions, 'copies'>;
  /** For tests: use this connection instead of opening `transport`. */
  connection?: PrinterConnection;
}

export interface PrintRequest {
  template: LabelTemplate;
  data: LabelData;
  copies?: number;
}

export interface PrintResult {
  /** Status after the job. */
  status: PrinterStatus;
  /** Faults the status query after the job reported that were not there before. */
  newFaults: PrinterFault[];
  bytesWritten: number;
  /** From the call to the answer of the status query after the job. */
  ms: number;
}

/** The printer was not ready, so nothing was sent. */
export class PrinterNotReadyError extends Error {
  override name = 'PrinterNotReadyError';
  readonly code = 'PRINTER_NOT_READY';
  constructor(
    readonly status: PrinterStatus,
    /** Why the connection failed, when it did. */
    readonly detail?: string,
  ) {
    super(`printer not ready: ${describeFaults(status.faults)}${detail ? ` (${detail})` : ''}`);
  }
}

export class LabelPrinter {
  readonly language: PrinterLanguage;
  private readonly conn: PrinterConnection;
  private queue: Promise<unknown> = Promise.resolve();
  /** Why the last status query got no answer (connection error), for logs and tooltips. */
  lastError: string | null = null;

  constructor(private readonly opts: LabelPrinterOptions) {
    this.language = opts.language;
    this.conn =
      opts.connection ??
      openConnection(opts.transport, { connectTimeoutMs: opts.connectTimeoutMs, dataDir: opts.dataDir });
  }

  /** Runs `fn` after everything queued before it (one job or query on the wire at a time). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async status(): Promise<PrinterStatus> {
    if (this.conn.kind === 'file') return { ready: true, faults: [] };
    const q = statusQuery(this.language);
    try {
      const answer = await this.conn.query(q.bytes, this.opts.statusTimeoutMs ?? 1500, q.complete);
      this.lastError = null;
      return q.parse(answer);
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      return { ...NO_ANSWER, faults: [...NO_ANSWER.faults] };
    }
  }

  queryStatus(): Promise<PrinterStatus> {
    return this.serial(() => this.status());
  }

  /** The job bytes for a label (the layout uses TSPL's font cells for a TSPL printer). */
  buildJob(req: PrintRequest): { label: ResolvedLabel; bytes: Buffer } {
    const label = resolveLabel(req.template, req.data, { textCells: this.language === 'tspl' ? 'tspl' : 'exact' });
    const bytes =
      this.language === 'tspl'
        ? buildTsplJob(label, { ...this.opts.tspl, copies: req.copies })
        : buildZplJob(label, { ...this.opts.zpl, copies: req.copies });
    return { label, bytes };
  }

  /** Prints; throws PrinterNotReadyError (nothing sent) when the printer reports faults or does not answer. */
  async print(req: PrintRequest): Promise<PrintResult> {
    const t0 = performance.now();
    // Build before touching the printer: bad data must not leave half a job behind.
    const { bytes } = this.buildJob(req);
    return this.serial(() => this.send(bytes, t0));
  }

  /** Sends prepared job bytes with the same status checks as print(). */
  printJob(bytes: Uint8Array): Promise<PrintResult> {
    const t0 = performance.now();
    return this.serial(() => this.send(bytes, t0));
  }

  private async send(bytes: Uint8Array, t0: number): Promise<PrintResult> {
    const before = await this.status();
    if (!before.ready) throw new PrinterNotReadyError(before, this.lastError ?? undefined);
    await this.conn.write(bytes);
    const after = await this.status();
    return {
      status: after,
      newFaults: after.faults.filter((f) => !before.faults.includes(f)),
      bytesWritten: bytes.length,
      ms: performance.now() - t0,
    };
  }

  /**
   * A test page: a frame, the printer language, a sample name in both
   * languages, a barcode and `day` (the store's date, YYYY-MM-DD: the
   * printer knows no time zone, so the caller says which day it is).
   */
  testLabel(day: string): Promise<PrintResult> {
    return this.print({ template: TEST_TEMPLATE, data: testData(this.language, day) });
  }

  close(): Promise<void> {
    return this.serial(() => this.conn.close());
  }
}

const TEST_TEMPLATE: LabelTemplate = {
  name: 'test-page',
  widthMm: 50,
  heightMm: 30,
  gapMm: 2,
  dpi: 203,
  elements: [
    { type: 'box', x: 1, y: 1, widthMm: 48, heightMm: 28, thicknessMm: 0.25 },
    { type: 'text', x: 3, y: 3, size: 3, literal: '打印测试 Test page', bold: true },
    { type: 'text', x: 3, y: 7, size: 2, field: 'nameEn' },
    { type: 'text', x: 3, y: 10, size: 2, field: 'receivedDate', prefix: '日期 ' },
    { type: 'barcode', x: 3, y: 14, heightMm: 8, symbology: 'code128', field: 'itemCode', humanReadable: true },
  ],
};

function testData(language: PrinterLanguage, day: string): LabelData {
  return {
    itemCode: 'TEST-0001',
    nameZh: '测试',
    nameEn: `Language ${language.toUpperCase()}`,
    receivedDate: day,
    barcode: '',
  };
}

/** One label, one connection: opens, prints, closes. */
export async function printLabel(opts: LabelPrinterOptions & PrintRequest): Promise<PrintResult> {
  const p = new LabelPrinter(opts);
  try {
    return await p.print(opts);
  } finally {
    await p.close();
  }
}
