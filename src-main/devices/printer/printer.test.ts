import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RECEIVING_TEMPLATE } from '../../../src-shared/labels/defaults';
import { LabelDataError } from '../../../src-shared/labels/layout';
import { SAMPLE_RECEIVING } from '../../../src-shared/labels/samples';
import { LabelPrinter, PrinterNotReadyError, printLabel } from './printer';
import { PrinterConnectionError, type PrinterConnection } from './transports';

/** A scripted printer: answers queries from a list, records writes. */
class FakeConnection implements PrinterConnection {
  readonly kind = 'tcp';
  writes: Uint8Array[] = [];
  constructor(private answers: (Uint8Array | null | Error)[]) {}
  async write(bytes: Uint8Array) {
    this.writes.push(bytes);
  }
  async query(bytes: Uint8Array) {
    this.writes.push(bytes);
    const a = this.answers.shift() ?? null;
    if (a instanceof Error) throw a;
    return a;
  }
  async close() {}
}

const req = { template: DEFAULT_RECEIVING_TEMPLATE, data: SAMPLE_RECEIVING };
const transport = { kind: 'tcp' as const, host: '127.0.0.1', port: 1 };

describe('LabelPrinter', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('queries, writes the job, queries again', async () => {
    const conn = new FakeConnection([Uint8Array.of(0), Uint8Array.of(0x20)]);
    const p = new LabelPrinter({ language: 'tspl', transport, connection: conn });
    const r = await p.print({ ...req, copies: 3 });
    expect(r.status).toEqual({ ready: true, faults: [] });
    expect(r.newFaults).toEqual([]);
    expect(conn.writes).toHaveLength(3);
    expect(Buffer.from(conn.writes[1]!).toString('latin1')).toMatch(/^SIZE 50 mm,30 mm\r\n[^]*PRINT 1,3\r\n$/);
    expect(r.bytesWritten).toBe(conn.writes[1]!.length);
  });

  it('refuses with the faults and sends nothing when the printer is not ready', async () => {
    const conn = new FakeConnection([Uint8Array.of(0x05)]);
    const p = new LabelPrinter({ language: 'tspl', transport, connection: conn });
    const err = await p.print(req).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterNotReadyError);
    expect((err as PrinterNotReadyError).status.faults).toEqual(['head_open', 'paper_out']);
    expect((err as Error).message).toBe('printer not ready: print head open, out of paper');
    expect(conn.writes).toHaveLength(1); // the status query only
  });

  it('no answer and a failed connection are no_answer faults', async () => {
    const silent = new LabelPrinter({ language: 'zpl', transport, connection: new FakeConnection([null]) });
    await expect(silent.print(req)).rejects.toMatchObject({ status: { ready: false, faults: ['no_answer'] } });
    const refused = new LabelPrinter({
      language: 'zpl',
      transport,
      connection: new FakeConnection([new PrinterConnectionError('connect ECONNREFUSED')]),
    });
    const err = (await refused.print(req).catch((e: unknown) => e)) as PrinterNotReadyError;
    expect(err.status.faults).toEqual(['no_answer']);
    expect(err.detail).toMatch(/ECONNREFUSED/);
    expect(refused.lastError).toMatch(/ECONNREFUSED/);
  });

  it('reports faults that appear during the job', async () => {
    const conn = new FakeConnection([Uint8Array.of(0), Uint8Array.of(0x04)]);
    const r = await new LabelPrinter({ language: 'tspl', transport, connection: conn }).print(req);
    expect(r.status).toEqual({ ready: false, faults: ['paper_out'] });
    expect(r.newFaults).toEqual(['paper_out']);
  });

  it('refuses bad label data before touching the printer', async () => {
    const conn = new FakeConnection([Uint8Array.of(0)]);
    const p = new LabelPrinter({ language: 'tspl', transport, connection: conn });
    await expect(p.print({ ...req, data: { ...SAMPLE_RECEIVING, barcode: '(01)1' } })).rejects.toThrow(LabelDataError);
    expect(conn.writes).toHaveLength(0);
  });

  it('a file printer is always ready and gets the jobs appended, in the printers folder of the data directory', async () => {
    dir = mkdtempSync(join(tmpdir(), 'printer-file-'));
    const transport = { kind: 'file' as const, path: 'jobs.zpl' };
    await printLabel({ language: 'zpl', transport, dataDir: dir, ...req });
    const r = await printLabel({ language: 'zpl', transport, dataDir: dir, ...req, copies: 2 });
    expect(r.status.ready).toBe(true);
    const text = readFileSync(join(dir, 'printers', 'jobs.zpl'), 'utf8');
    expect(text.match(/\^XA/g)).toHaveLength(2);
    expect(text).toContain('^PQ2');
  });

  it('prints a test label dated the day it is given', async () => {
    const conn = new FakeConnection([Uint8Array.of(0), Uint8Array.of(0)]);
    await new LabelPrinter({ language: 'tspl', transport, connection: conn }).testLabel('2026-03-02');
    const job = Buffer.from(conn.writes[1]!).toString('latin1');
    expect(job).toContain('BOX 8,8,392,232,2');
    expect(job).toContain('2026-03-02');
  });
});
