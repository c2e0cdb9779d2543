import type { Ctx } from '../context';
import { loadExcelJS } from '../../lib/exceljs';
import { poDocument, type PoDocument } from './po-document';
import { renderSupplierDocumentPdf } from './supplier-document-pdf';
import { getPo } from './po-read';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One sheet laid out like the printed order; prices and amounts as numbers so Excel can sum them. */
async function renderXlsx(doc: PoDocument): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  const ws = wb.addWorksheet(doc.fileStem);
  ws.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const [label, value] of doc.fields) ws.addRow([label, value]).getCell(1).font = { bold: true };
  ws.addRow([]);
  const head = ws.addRow(doc.columns.map((c) => c.header));
  head.font = { bold: true };
  const first = head.number + 1;
  for (const r of doc.rows) ws.addRow(r.cells.map((c, i) => r.numbers[i] ?? c));
  const totalRow = ws.addRow(doc.columns.map((_, i) => (i === 0 ? doc.totalLabel : null)));
  totalRow.getCell(doc.columns.length).value = doc.totalNumber;
  totalRow.font = { bold: true };
  doc.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(c.width + 2, i === 0 ? 12 : 0);
    if (c.align === 'right') col.alignment = { horizontal: 'right' };
  });
  // Codes stay text (leading zeros); packs keep up to three decimals, money the store currency's.
  for (let row = first; row <= totalRow.number; row++) {
    ws.getCell(row, 5).numFmt = '#,##0.###';
    ws.getCell(row, 8).numFmt = doc.moneyFormat;
    ws.getCell(row, 9).numFmt = doc.moneyFormat;
  }
  if (doc.note) ws.addRow([doc.note]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The order as a file for the supplier, in the caller's language. */
export async function exportPo(ctx: Ctx, i: { id: string; format: 'xlsx' | 'pdf' }) {
  const doc = poDocument(ctx, getPo(ctx, { id: i.id }));
  if (i.format === 'pdf') {
    const pdf = await renderSupplierDocumentPdf(doc);
    return { fileName: `${doc.fileStem}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
  }
  const xlsx = await renderXlsx(doc);
  return { fileName: `${doc.fileStem}.xlsx`, mime: XLSX_MIME, base64: xlsx.toString('base64') };
}
