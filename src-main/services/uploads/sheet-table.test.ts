import { describe, expect, it } from 'vitest';
import { translate } from '../../../src-shared/i18n';
import { AppError } from '../app-error';
import { readSheetTable, type SheetTableSpec } from './sheet-table';

type Col = 'code' | 'qty' | 'name' | 'note';
const spec: SheetTableSpec<Col> = {
  columns: ['code', 'qty', 'name', 'note'],
  aliases: { 编码: 'code', 数量: 'qty' },
  unknownColumn: 'items.import.unknownColumn',
  duplicateColumn: 'invoices.import.duplicateColumn',
  required: ['qty', ['code', 'name']],
  missingColumn: 'invoices.import.missingColumn',
  empty: 'invoices.import.empty',
  tooManyRecords: 'invoices.import.tooManyRows',
  maxRecords: 3,
  maxRows: 100,
};
const csv = (text: string) => ({ fileName: 'f.csv', base64: Buffer.from(text).toString('base64') });

/** The refusal as the caller sees it: the field it is on and its English text. */
async function refusal(text: string, s: SheetTableSpec<Col> = spec, fileName = 'f.csv') {
  try {
    await readSheetTable({ ...csv(text), fileName }, s);
    return null;
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields?.[0]) throw err;
    const f = err.fields[0];
    return `${f.path}: ${translate('en', f.key, f.params)}`;
  }
}

describe('a spreadsheet upload read as a table', () => {
  it('maps headers by name or alias, BOM and case aside, and keeps the row numbers past blank rows', async () => {
    const t = await readSheetTable(csv('\uFEFF编码, QTY ,Note\nA-1,2,x\n,,\nA-2,3,\n'), spec);
    expect([...t.columns]).toEqual([
      ['code', 0],
      ['qty', 1],
      ['note', 2],
    ]);
    expect(t.records).toEqual([
      { row: 2, cells: ['A-1', '2', 'x'] },
      { row: 4, cells: ['A-2', '3', ''] },
    ]);
  });

  it("refuses what is not a table of the import's columns, in the import's own words, on the file field", async () => {
    expect(await refusal('code,qty,zz\n1,2,3\n')).toBe(
      'base64: Unknown column "zz". Use the export\'s columns: code, qty, name, note.',
    );
    expect(await refusal('code,qty,zz\n1,2,3\n', { ...spec, unknownColumn: 'skip' })).toBeNull();
    expect(await refusal('code,数量,qty\n1,2,3\n')).toBe('base64: Column "qty" appears twice.');
    expect(await refusal('code,note\n1,2\n')).toBe('base64: The file has no "qty" column in its first row.');
    expect(await refusal('qty,note\n1,2\n')).toBe('base64: The file has no "code / name" column in its first row.');
    expect(await refusal('name,qty\n\n,\n')).toBe('base64: The file has no invoice lines.');
    expect(await refusal('name,qty\na,1\nb,1\nc,1\nd,1\n')).toBe('base64: An invoice has at most 3 lines.');
  });

  it("leaves what is wrong with the file as a file to the reader's own messages", async () => {
    expect(await refusal('%PDF-1.4', spec, 'inv.pdf')).toBe(
      'base64: "inv.pdf" is not a .csv or .xlsx file. Save it as CSV or Excel (.xlsx) and try again.',
    );
    expect(await refusal('code,qty\n"A,1\n')).toBe('base64: The file cannot be read as CSV: unterminated quote');
  });
});
