import { describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../lib/exceljs';
import type { SupplierDocument } from './document';
import { supplierDocumentFile } from './file';

const doc: SupplierDocument = {
  title: 'Claim',
  fileStem: 'CL-2026-0001',
  fields: [['Supplier', 'SUP-A']],
  columns: [
    { header: 'No.', align: 'right', width: 4 },
    { header: 'Item', align: 'left', width: 20 },
    { header: 'Qty', align: 'right', width: 8, format: 'qty' },
    { header: 'Amount', align: 'right', width: 10, format: 'money' },
  ],
  rows: [
    { cells: ['1', 'T-BEEF beef', '2.5', '400.00'], numbers: [1, null, 2.5, 400], notes: ['1 box too many', 'late'] },
    { cells: ['2', 'Totals', '', '10.00'], numbers: [2, null, null, 10] },
  ],
  notes: { column: 1, header: 'Reasons' },
  totalLabel: 'Total ($)',
  total: '410.00',
  totalNumber: 410,
  moneyFormat: '"$"#,##0.00',
  note: 'Please credit us.\nThanks',
  signatures: ['Prepared by'],
};

async function sheet(d: SupplierDocument) {
  const file = await supplierDocumentFile(d, 'xlsx');
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  return { file, ws: wb.worksheets[0]! };
}

describe('a supplier document as a workbook', () => {
  it('lays out fields, table, total and note, numbers as numbers in the column’s format', async () => {
    const { file, ws } = await sheet(doc);
    expect(file).toMatchObject({
      fileName: 'CL-2026-0001.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['Claim'],
      ['Supplier', 'SUP-A'],
      ['No.', 'Item', 'Qty', 'Amount', 'Reasons'],
      [1, 'T-BEEF beef', 2.5, 400, '1 box too many late'],
      [2, 'Totals', '', 10, ''],
      ['Total ($)', undefined, undefined, 410],
      ['Please credit us.'],
      ['Thanks'],
    ]);
    // Row 3 is the blank row between the fields and the table.
    expect([ws.getCell(5, 3).numFmt, ws.getCell(5, 4).numFmt, ws.getCell(7, 4).numFmt]).toEqual([
      '#,##0.###',
      '"$"#,##0.00',
      '"$"#,##0.00',
    ]);
    expect(ws.getCell(5, 2).numFmt).toBeUndefined();
  });

  it('has no notes column for a document without notes', async () => {
    const { ws } = await sheet({ ...doc, notes: undefined, note: '' });
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['No.', 'Item', 'Qty', 'Amount']);
    expect(ws.rowCount).toBe(7);
  });
});
