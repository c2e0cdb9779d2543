import { loadExcelJS } from '../../lib/exceljs';
import type { SupplierDocument } from './document';

/** Codes stay text (leading zeros); quantities keep up to three decimals. */
const QTY_FORMAT = '#,##0.###';

/**
 * One sheet laid out like the printed document: title, fields, the table with
 * numbers as numbers so Excel can sum them, the total, the note. A row's notes
 * get a column of their own after the table's.
 */
export async function supplierDocumentXlsx(doc: SupplierDocument): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  const ws = wb.addWorksheet(doc.fileStem);
  ws.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const [label, value] of doc.fields) ws.addRow([label, value]).getCell(1).font = { bold: true };
  ws.addRow([]);
  const headers = doc.columns.map((c) => c.header);
  const head = ws.addRow(doc.notes ? [...headers, doc.notes.header] : headers);
  head.font = { bold: true };
  const first = head.number + 1;
  for (const r of doc.rows) {
    const cells: (string | number)[] = r.cells.map((c, i) => r.numbers[i] ?? c);
    ws.addRow(doc.notes ? [...cells, (r.notes ?? []).join(' ')] : cells);
  }
  const totalRow = ws.addRow(doc.columns.map((_, i) => (i === 0 ? doc.totalLabel : null)));
  totalRow.getCell(doc.columns.length).value = doc.totalNumber;
  totalRow.font = { bold: true };
  doc.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(c.width + 2, i === 0 ? 12 : 0);
    if (c.align === 'right') col.alignment = { horizontal: 'right' };
    const numFmt = c.format === 'money' ? doc.moneyFormat : c.format === 'qty' ? QTY_FORMAT : null;
    if (numFmt) for (let row = first; row <= totalRow.number; row++) ws.getCell(row, i + 1).numFmt = numFmt;
  });
  if (doc.notes) ws.getColumn(doc.columns.length + 1).width = 60;
  for (const line of doc.note ? doc.note.split('\n') : []) ws.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
