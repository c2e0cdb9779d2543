import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cell, lastColumnBomb, xlsxOf, zipOf } from '../../../tests/helpers/xlsx-forge';
import { DEFAULT_SHEET_LIMITS } from './limits';
import { parseSheet } from './parse';

const read = (bytes: Buffer, limits = {}) => parseSheet('xlsx', bytes, { ...DEFAULT_SHEET_LIMITS, ...limits });

describe('XLSX reader', () => {
  it('reads what Excel writes: shared and inline strings, numbers, dates, booleans, formulas, gaps kept by position', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('items');
    ws.addRow(['code', '名称 & <size>', 'qty', 'day', 'ok', 'sum']);
    ws.getRow(3).values = [
      'B-2',
      '鲈鱼',
      12500.5,
      new Date(Date.UTC(2026, 2, 29)),
      true,
      { formula: 'C3*2', result: 25001 },
    ];
    ws.getCell('H3').value = { richText: [{ text: '冷' }, { text: '库' }] };
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(read(bytes)).toEqual({
      ok: true,
      rows: [
        ['code', '名称 & <size>', 'qty', 'day', 'ok', 'sum'],
        [],
        ['B-2', '鲈鱼', '12500.5', '2026-03-29', 'yes', '25001', '', '冷库'],
      ],
    });
  });

  it('reads date styles from styles.xml (custom and built-in Chinese formats) and the 1904 date system', () => {
    const styles =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="31"/><xf numFmtId="10"/></cellXfs></styleSheet>';
    const sheetData =
      '<row r="1"><c r="A1" s="1"><v>46110</v></c><c r="B1" s="2"><v>46110</v></c><c r="C1" s="3"><v>0.09</v></c><c r="D1" s="0"><v>46110</v></c></row>';
    expect(read(xlsxOf({ sheetData, styles }))).toEqual({
      ok: true,
      rows: [['2026-03-29', '2026-03-29', '0.09', '46110']],
    });
  });

  it("refuses the report's file (one cell in column XFD on each of 20,000 rows) at its first cell, naming it", () => {
    const bytes = lastColumnBomb(20_000);
    expect(bytes.length).toBeLessThan(200_000);
    const started = Date.now();
    expect(read(bytes)).toEqual({
      ok: false,
      reason: 'tooManyColumns',
      params: { cell: 'XFD1', max: 256, maxLetters: 'IV' },
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not trust the dimension: a sheet that claims A1:B2 but has a cell in XFD is refused', () => {
    const sheetData = `<row r="1">${cell('A1', 'code')}</row><row r="2">${cell('A2', 'x')}${cell('XFD2', 'far')}</row>`;
    expect(read(xlsxOf({ sheetData, dimension: 'A1:B2' }))).toMatchObject({
      ok: false,
      reason: 'tooManyColumns',
      params: { cell: 'XFD2' },
    });
  });

  it('refuses a row past the row limit and a sheet whose laid-out cells pass the cell limit', () => {
    const far = `<row r="1">${cell('A1', 'code')}</row><row r="1048576">${cell('A1048576', 'x')}</row>`;
    expect(read(xlsxOf({ sheetData: far }))).toEqual({
      ok: false,
      reason: 'tooManyRows',
      params: { row: 1048576, max: DEFAULT_SHEET_LIMITS.maxRows },
    });
    let wide = '';
    for (let r = 1; r <= 1000; r++) wide += `<row r="${r}">${cell(`IV${r}`, r)}</row>`;
    expect(read(xlsxOf({ sheetData: wide }), { maxCells: 100_000 })).toEqual({
      ok: false,
      reason: 'tooManyCells',
      params: { max: 100_000 },
    });
  });

  it('refuses a zip bomb by its declared size before inflating, and by the cap when its sizes lie', () => {
    // 200 MB of zeros packs into ~200 KB.
    const zeros = Buffer.alloc(200 * 1024 * 1024);
    const honest = xlsxOf({ sheetData: '', extra: [{ name: 'xl/media/bomb.bin', data: zeros }] });
    expect(read(honest)).toEqual({ ok: false, reason: 'uncompressedTooBig', params: { max: 64 } });
    const sheetData = `<row r="1">${cell('A1', 'x'.repeat(1000))}</row>`.repeat(1).padEnd(100 * 1024 * 1024, ' ');
    const lying = xlsxOf({ sheetData, sheetDeclaredSize: 1000 });
    expect(lying.length).toBeLessThan(1024 * 1024);
    expect(read(lying)).toEqual({ ok: false, reason: 'uncompressedTooBig', params: { max: 64 } });
  });

  it('refuses a huge shared-strings table, declared or not, and a zip of thousands of entries', () => {
    const many = '<si><t>a</t></si>'.repeat(1_000_001);
    expect(read(xlsxOf({ sheetData: '', sharedStrings: `<sst uniqueCount="1000001">${many}</sst>` }))).toMatchObject({
      ok: false,
      reason: 'tooManySharedStrings',
    });
    expect(read(xlsxOf({ sheetData: '', sharedStrings: `<sst>${many}</sst>` }))).toMatchObject({
      ok: false,
      reason: 'tooManySharedStrings',
    });
    const entries = Array.from({ length: 2000 }, (_, i) => ({ name: `x/${i}.xml`, data: '' }));
    expect(read(zipOf(entries))).toEqual({ ok: false, reason: 'tooManyEntries', params: { count: 2000, max: 500 } });
  });

  it('calls anything else unreadable, with a short reason', () => {
    expect(read(Buffer.from('not a zip'))).toEqual({
      ok: false,
      reason: 'unreadable',
      params: { reason: 'not a zip file' },
    });
  });
});

describe('CSV reader', () => {
  const csv = (text: string, limits = {}) =>
    parseSheet('csv', Buffer.from(text), { ...DEFAULT_SHEET_LIMITS, ...limits });

  it('refuses a row of too many columns, too many rows and too many cells', () => {
    expect(csv('a,b\n' + ','.repeat(300) + '\n')).toEqual({
      ok: false,
      reason: 'tooManyColumns',
      params: { cell: 'IW2', max: 256, maxLetters: 'IV' },
    });
    expect(csv('a\n'.repeat(11), { maxRows: 10 })).toEqual({
      ok: false,
      reason: 'tooManyRows',
      params: { row: 11, max: 10 },
    });
    expect(csv('a,b,c\n'.repeat(10), { maxCells: 20 })).toEqual({
      ok: false,
      reason: 'tooManyCells',
      params: { max: 20 },
    });
  });
});
