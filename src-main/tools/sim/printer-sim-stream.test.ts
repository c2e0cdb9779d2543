import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { resolveLabel } from '../../../src-shared/labels/layout';
import { SAMPLE_RECEIVING } from '../../../src-shared/labels/samples';
import type { LabelTemplate } from '../../../src-shared/labels/template';
import { buildTsplJob } from '../../devices/printer/tspl';
import { buildZplJob } from '../../devices/printer/zpl';
import { readTspl128m, readZplCode128 } from './printer-sim-code128';
import { parseTsplJob, splitTsplParams, TsplStream } from './printer-sim-tspl';
import { parseZplJob, ZplStream } from './printer-sim-zpl';

const feedBytewise = <E>(s: { feed(b: Uint8Array): E[] }, bytes: Buffer) =>
  [...bytes].flatMap((b) => s.feed(Uint8Array.of(b)));

describe('simulator stream splitting', () => {
  it('TSPL: status queries answered mid-job, jobs end at PRINT, even byte by byte', () => {
    const job = iconv.encode('SIZE 50 mm,30 mm\r\nCLS\r\nTEXT 1,2,"TSS24.BF2",0,1,1,"鸡"\r\nPRINT 1,1\r\n', 'gbk');
    const stream = Buffer.concat([
      Buffer.from([0x1b, 0x21, 0x3f]),
      job.subarray(0, 10),
      Buffer.from([0x1b, 0x21, 0x53]),
      job.subarray(10),
    ]);
    const events = feedBytewise(new TsplStream(), stream);
    expect(events.map((e) => e.type)).toEqual(['status', 'extended-status', 'job']);
    const last = events[2]!;
    expect(last.type === 'job' && last.bytes.equals(job)).toBe(true);
  });

  it('ZPL: ~HS before and inside a job, the job from ^XA to ^XZ', () => {
    const events = feedBytewise(new ZplStream(), Buffer.from('~HS^XA^FO1,2^A0N,20,20~HS^FDx^FS^XZ\n~HS', 'utf8'));
    expect(events.map((e) => e.type)).toEqual(['host-status', 'host-status', 'job', 'host-status']);
    const job = events[2]!;
    expect(job.type === 'job' && job.bytes.toString()).toBe('^XA^FO1,2^A0N,20,20^FDx^FS^XZ');
  });
});

describe('simulator job readers', () => {
  it('reads TSPL parameters with quotes and escapes', () => {
    expect(splitTsplParams('10, 20,"TSS24.BF2",0,1,1,"a, \\["]b\\["]"')).toEqual([
      '10',
      '20',
      'TSS24.BF2',
      '0',
      '1',
      '1',
      'a, "b"',
    ]);
  });

  it('reads Code 128 data back into symbol values and what a scanner reads', () => {
    expect(readTspl128m('!105!1020106!100AB')).toEqual({
      values: [105, 102, 1, 6, 100, 33, 34],
      data: '0106AB',
      fnc1First: true,
    });
    expect(readZplCode128('>:A><B>51234')).toEqual({
      values: [104, 33, 30, 34, 99, 12, 34],
      data: 'A>B1234',
      fnc1First: false,
    });
    expect(() => readTspl128m('!105123')).toThrow(/odd number/);
    expect(() => readZplCode128('>;>9')).toThrow(/unsupported/);
  });

  it('reports commands it does not simulate instead of failing', () => {
    const t = parseTsplJob(Buffer.from('SIZE 2,1\r\nFOO 1\r\nBARCODE 0,0,"39",10,0,0,1,2,"A"\r\nPRINT 1\r\n'), 203);
    expect([t.label.width, t.label.height]).toEqual([406, 203]); // 2 x 1 inch
    expect(t.problems).toEqual([
      'command not simulated: FOO 1',
      'BARCODE 0,0,"39",10,0,0,1,2,"A": barcode type 39 not simulated',
    ]);
    const z = parseZplJob(Buffer.from('^XA^PW100^LL50^FO1,1^FH^FDa_5Eb^FS^ZZ1^XZ'), 203);
    expect(z.texts).toEqual(['a^b']);
    expect(z.problems).toEqual(['command not simulated: ^ZZ1']);
  });
});

describe('generators and simulator readers agree', () => {
  const template: LabelTemplate = {
    widthMm: 60,
    heightMm: 40,
    gapMm: 3,
    dpi: 300,
    elements: [
      { type: 'box', x: 0.5, y: 0.5, widthMm: 59, heightMm: 39, thicknessMm: 0.25 },
      { type: 'barcode', x: 3, y: 3, heightMm: 10, symbology: 'ean13', field: 'gtin', humanReadable: true },
      { type: 'barcode', x: 3, y: 20, heightMm: 8, symbology: 'code128', field: 'itemCode', humanReadable: false },
      { type: 'line', x: 3, y: 35, widthMm: 50, heightMm: 0.5 },
    ],
  };

  it.each(['tspl', 'zpl'] as const)('%s: EAN-13, Code 128, box and line', (lang) => {
    const label = resolveLabel(template, SAMPLE_RECEIVING, { textCells: lang === 'tspl' ? 'tspl' : 'exact' });
    const parsed = lang === 'tspl' ? parseTsplJob(buildTsplJob(label), 300) : parseZplJob(buildZplJob(label), 300);
    expect(parsed.problems).toEqual([]);
    expect(parsed.barcodes).toEqual([
      { symbology: 'ean13', data: '6901234567892' },
      { symbology: 'code128', data: 'M-0042' },
    ]);
    expect(parsed.texts).toEqual(['6901234567892']);
    // Same geometry as the layout: the simulator re-derives every width from what it read, with its own tables.
    const geometry = (e: { kind: string; x: number; y: number; width?: number; height?: number }) => ({
      kind: e.kind,
      x: e.x,
      y: e.y,
      width: e.width,
      height: e.height,
    });
    expect(parsed.label.elements.map(geometry)).toEqual(label.elements.map(geometry));
  });
});
