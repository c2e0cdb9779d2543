/**
 * Byte-exact TSPL and ZPL jobs for the default templates with fixed data.
 * The golden files were checked by eye against docs/devices.md. A missing one
 * fails the test: regenerating is an explicit step (`npm run golden:update`,
 * which sets UPDATE_GOLDEN=1), only for an intended change, and the new files
 * are reviewed in the diff like code.
 */
import iconv from 'iconv-lite';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EQUIPMENT_TEMPLATE, DEFAULT_RECEIVING_TEMPLATE } from '../../../src-shared/labels/defaults';
import { resolveLabel } from '../../../src-shared/labels/layout';
import { SAMPLE_EQUIPMENT, SAMPLE_RECEIVING } from '../../../src-shared/labels/samples';
import type { LabelData, LabelTemplate } from '../../../src-shared/labels/template';
import { buildTsplJob } from '../../../src-main/devices/printer/tspl';
import { buildZplJob } from '../../../src-main/devices/printer/zpl';

const DIR = join(import.meta.dirname, '../../golden/labels');

function golden(name: string, actual: Buffer, env: NodeJS.ProcessEnv = process.env): void {
  const path = join(DIR, name);
  if (env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
  } else if (!existsSync(path)) {
    // Writing it here would compare the output with itself and pass whatever it is.
    throw new Error(
      `golden file tests/golden/labels/${name} is missing: run \`npm run golden:update\` and review the new file`,
    );
  }
  const expected = readFileSync(path);
  // Compare as text first for a readable diff, then byte for byte (GBK, CR LF).
  expect(actual.toString('latin1')).toBe(expected.toString('latin1'));
  expect(actual.equals(expected)).toBe(true);
}

const cases: [string, LabelTemplate, LabelData][] = [
  ['receiving', DEFAULT_RECEIVING_TEMPLATE, SAMPLE_RECEIVING],
  ['equipment', DEFAULT_EQUIPMENT_TEMPLATE, SAMPLE_EQUIPMENT],
];

describe('golden label jobs', () => {
  it.each(cases)('%s label, TSPL (GBK, CR LF)', (name, template, data) => {
    const job = buildTsplJob(resolveLabel(template, data, { textCells: 'tspl' }), { copies: 2 });
    golden(`${name}.tspl`, job);
  });

  it.each(cases)('%s label, ZPL (UTF-8)', (name, template, data) => {
    const job = buildZplJob(resolveLabel(template, data), { copies: 2 });
    golden(`${name}.zpl`, job);
  });

  it('a missing golden file fails and names the script that writes it', () => {
    const job = Buffer.from('^XA^XZ');
    expect(() => golden('no-such-label.zpl', job, {})).toThrow(/golden:update/);
    expect(() => golden('no-such-label.zpl', job, { CI: '' })).toThrow(/is missing/);
    expect(existsSync(join(DIR, 'no-such-label.zpl'))).toBe(false);
  });

  it('TSPL text is GBK and lines end in CR LF', () => {
    const job = buildTsplJob(resolveLabel(DEFAULT_RECEIVING_TEMPLATE, SAMPLE_RECEIVING, { textCells: 'tspl' }));
    // 鸡胸肉 in GBK: BC A6 D0 D8 C8 E2.
    expect(job.includes(Buffer.from('"\xbc\xa6\xd0\xd8\xc8\xe2"', 'latin1'))).toBe(true);
    expect(job.includes(Buffer.from('鸡胸肉', 'utf8'))).toBe(false);
    const text = iconv.decode(job, 'gbk');
    expect(text.split('\r\n').slice(0, 4)).toEqual(['SIZE 50 mm,30 mm', 'GAP 2 mm,0 mm', 'DIRECTION 1', 'CLS']);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain(
      'BARCODE 12,120,"128M",64,0,0,1,1,"!105!10201069012345678923103001234132511271725120410!100LOT42"',
    );
    expect(text.endsWith('PRINT 1,1\r\n')).toBe(true);
  });

  it('ZPL uses ^CI28, a mapped CJK font and FNC1 invocation codes', () => {
    const job = buildZplJob(resolveLabel(DEFAULT_RECEIVING_TEMPLATE, SAMPLE_RECEIVING), {
      cjkFont: 'E:NOTOSANSCJK.TTF',
    });
    const text = job.toString('utf8');
    expect(text.startsWith('^XA\n^CI28\n^PW400\n^LL240\n')).toBe(true);
    expect(text).toContain('^CWJ,E:NOTOSANSCJK.TTF');
    expect(text).toContain('^FO12,10^AJN,24,24^FD鸡胸肉^FS');
    expect(text).toContain('^BCN,64,N,N,N^FD>;>801069012345678923103001234132511271725120410>6LOT42^FS');
    expect(text.endsWith('^PQ1\n^XZ\n')).toBe(true);
  });

  it('escapes quotes (TSPL) and carets (ZPL) in text', () => {
    const data = { ...SAMPLE_RECEIVING, nameEn: 'Say "hi" ^_~' };
    const tspl = iconv.decode(
      buildTsplJob(resolveLabel(DEFAULT_RECEIVING_TEMPLATE, data, { textCells: 'tspl' })),
      'gbk',
    );
    expect(tspl).toContain('"Say \\["]hi\\["] ^_~"');
    const zpl = buildZplJob(resolveLabel(DEFAULT_RECEIVING_TEMPLATE, data)).toString('utf8');
    expect(zpl).toContain('^FH^FDSay "hi" _5E_5F_7E^FS');
  });
});
