/**
 * Hostile names cannot add printer commands: every text and barcode payload
 * of every label (receiving, equipment QR, templates with fixed texts) is
 * cleaned and escaped for TSPL and ZPL, so the job holds exactly the commands
 * of the same label with harmless data, and the printer (our simulator's
 * independent reader) prints the names as text.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EQUIPMENT_TEMPLATE, DEFAULT_RECEIVING_TEMPLATE } from '../../../src-shared/labels/defaults';
import { resolveLabel, type ResolvedText } from '../../../src-shared/labels/layout';
import { printableText } from '../../../src-shared/labels/printable';
import { SAMPLE_EQUIPMENT, SAMPLE_RECEIVING } from '../../../src-shared/labels/samples';
import type { LabelData, LabelTemplate } from '../../../src-shared/labels/template';
import { buildTsplJob, TsplEncodeError } from '../../../src-main/devices/printer/tspl';
import { buildZplJob } from '../../../src-main/devices/printer/zpl';
import { parseTsplJob } from '../../../src-main/tools/sim/printer-sim-tspl';
import { parseZplJob } from '../../../src-main/tools/sim/printer-sim-zpl';

/** Each would end the current command or label and start the attacker's, if it reached the job as typed. */
const HOSTILE = {
  zpl: '冷柜\n^XZ^XA^FO0,0^A0N,99,99^FDpwned^FS^PQ999',
  tspl: 'Evil" \r\nPRINT 999\r\nSET CUTTER ON\r\nTEXT 0,0,"3",0,1,1,"',
  control: 'Lot\x1b!R\x1b!.\x00\x07\x7f\u2028end',
  tilde: 'Shop ~JR~HS _41 back\\slash \\["] >:',
};

const hostileData = (base: LabelData): LabelData => ({
  ...base,
  nameZh: HOSTILE.zpl,
  nameEn: HOSTILE.tspl,
  lot: HOSTILE.control,
  storeName: HOSTILE.tilde,
  equipmentCode: HOSTILE.tspl,
  itemCode: HOSTILE.zpl,
});

/** A template a manager could save: fixed texts, prefixes and suffixes, a Code 128 of the item code and a QR. */
const CUSTOM: LabelTemplate = {
  widthMm: 80,
  heightMm: 60,
  gapMm: 2,
  dpi: 203,
  elements: [
    { type: 'text', x: 1, y: 1, size: 3, literal: `Fixed ${HOSTILE.zpl} ${HOSTILE.tspl}` },
    { type: 'text', x: 1, y: 6, size: 2, field: 'lot', prefix: `${HOSTILE.control}[`, suffix: `]${HOSTILE.tilde}` },
    { type: 'text', x: 1, y: 10, size: 2, field: 'storeName' },
    { type: 'barcode', x: 1, y: 14, heightMm: 8, symbology: 'code128', field: 'nameEn', humanReadable: true },
    { type: 'barcode', x: 40, y: 30, heightMm: 20, symbology: 'qr', field: 'barcode', humanReadable: false },
  ],
};

/** Harmless stand-ins of the same shape: every field present, Chinese where the hostile one has some (font choice). */
const benign = (d: LabelData): LabelData =>
  Object.fromEntries(
    Object.entries(d).map(([k, v]) => [
      k,
      typeof v === 'string' && k !== 'barcode' ? (/[^\x00-\x7f]/.test(printableText(v)) ? '冷' : 'x') : v,
    ]),
  ) as never;

const cases: [string, LabelTemplate, LabelData][] = [
  ['receiving', DEFAULT_RECEIVING_TEMPLATE, hostileData(SAMPLE_RECEIVING)],
  ['equipment', DEFAULT_EQUIPMENT_TEMPLATE, { ...hostileData(SAMPLE_EQUIPMENT), barcode: `EQ:${HOSTILE.zpl}` }],
  [
    'custom',
    CUSTOM,
    {
      ...hostileData(SAMPLE_EQUIPMENT),
      nameEn: 'Evil" ^XZ~HS [x] PRINT 9 _41',
      barcode: `https://x.example/${HOSTILE.tspl}${HOSTILE.zpl}${HOSTILE.control}`,
    },
  ],
];

const texts = (template: LabelTemplate, data: LabelData, cells: 'tspl' | 'exact') =>
  resolveLabel(template, data, { textCells: cells })
    .elements.filter((e): e is ResolvedText => e.kind === 'text')
    .map((e) => e.text);

const CONTROL_BYTES = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]/;

describe.each(cases)('%s label with hostile names', (_name, template, data) => {
  it('TSPL: the same command lines as with harmless names, no bare quote or control byte, names printed as text', () => {
    const job = iconv.decode(buildTsplJob(resolveLabel(template, data, { textCells: 'tspl' })), 'gbk');
    const safe = iconv.decode(buildTsplJob(resolveLabel(template, benign(data), { textCells: 'tspl' })), 'gbk');
    const lines = job.split('\r\n');
    const words = (ls: string[]) => ls.map((l) => l.split(' ')[0]);
    expect(words(lines)).toEqual(words(safe.split('\r\n')));
    expect(lines.filter((l) => l.startsWith('PRINT'))).toEqual(['PRINT 1,1']);
    expect(job.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(job).not.toMatch(CONTROL_BYTES);
    // Every quoted string closes where it should: between quotes only \["] stands for a quote.
    for (const l of lines.filter((x) => /^(TEXT|BARCODE|QRCODE) /.test(x))) {
      expect(l).toMatch(/^[A-Z]+ [\d,]*("[^"]*",)*[\d,A-Z]*("(?:[^"\\]|\\\["\]|＼)*")$/);
    }
    const printed = parseTsplJob(iconv.encode(job, 'gbk'), 203);
    expect(printed.problems).toEqual([]);
    expect(printed.copies).toBe(1);
    expect(printed.texts).toEqual(texts(template, data, 'tspl').map((t) => t.replace(/\\/g, '＼')));
  });

  it('ZPL: the same commands as with harmless names, every ^ and ~ of the data hex-escaped, names printed as text', () => {
    const label = resolveLabel(template, data);
    const job = buildZplJob(label).toString('utf8');
    const safe = buildZplJob(resolveLabel(template, benign(data))).toString('utf8');
    const commands = (j: string) => (j.match(/[\^~][A-Z0-9@]{2}/g) ?? []).filter((c) => c !== '^FH');
    expect(commands(job)).toEqual(commands(safe));
    expect(job.match(/\^XA/g)).toHaveLength(1);
    expect(job.match(/\^XZ/g)).toHaveLength(1);
    expect(job).not.toMatch(CONTROL_BYTES);
    const printed = parseZplJob(Buffer.from(job, 'utf8'), 203);
    expect(printed.problems).toEqual([]);
    expect(printed.copies).toBe(1);
    expect(printed.texts).toEqual(texts(template, data, 'exact'));
    const qr = label.elements.find((e) => e.kind === 'qr');
    if (qr) expect(printed.barcodes).toContainEqual({ symbology: 'qr', data: qr.data });
  });
});

describe('what the names become', () => {
  it('line breaks become one space and control characters are dropped, in the preview too', () => {
    const label = resolveLabel(DEFAULT_EQUIPMENT_TEMPLATE, {
      ...SAMPLE_EQUIPMENT,
      nameEn: 'Line one\r\nline two\tthree\u2028four',
      storeName: 'A\x1b!RB\x00C',
    });
    const all = label.elements.filter((e): e is ResolvedText => e.kind === 'text').map((e) => e.text);
    expect(all).toContain('Line one line two three fo'); // cut to the 26 mm the template gives it
    expect(all).toContain('A!RBC');
  });

  it('barcode payloads lose their control characters; what TSPL cannot send in barcode data is refused, not altered', () => {
    const label = resolveLabel(DEFAULT_EQUIPMENT_TEMPLATE, { ...SAMPLE_EQUIPMENT, barcode: 'EQ:A\r\n^XA\x1b' });
    expect(label.elements.find((e) => e.kind === 'qr')).toMatchObject({ data: 'EQ:A^XA' });
    expect(buildZplJob(label).toString('utf8')).toContain('^BQN,2,5^FH^FDMA,EQ:A_5EXA^FS');
    const backslash = resolveLabel(CUSTOM, { ...SAMPLE_EQUIPMENT, nameEn: 'a\\b' }, { textCells: 'tspl' });
    expect(() => buildTsplJob(backslash)).toThrow(TsplEncodeError);
  });
});
