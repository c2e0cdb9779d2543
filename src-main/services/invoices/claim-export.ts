import { translate } from '../../../src-shared/i18n';
import { loadExcelJS } from '../../lib/exceljs';
import type { Ctx } from '../context';
import { renderSupplierDocumentPdf } from '../procurement/supplier-document-pdf';
import { claimDocument, type ClaimDocument } from './claim-document';
import { getClaim } from './claim-read';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One sheet laid out like the printed claim, the reasons in a column of their own; amounts as numbers. */
async function renderXlsx(doc: ClaimDocument, reasonHeader: string): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  const ws = wb.addWorksheet(doc.fileStem);
  ws.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const [label, value] of doc.fields) ws.addRow([label, value]).getCell(1).font = { bold: true };
  ws.addRow([]);
  const head = ws.addRow([...doc.columns.map((c) => c.header), reasonHeader]);
  head.font = { bold: true };
  const first = head.number + 1;
  doc.rows.forEach((r, n) => {
    // The PDF's item cell carries the reasons under the name; here they have their own column.
    const cells = r.cells.map((c, i) => r.numbers[i] ?? (i === 1 ? c.split('\n')[0]! : c));
    ws.addRow([...cells, doc.reasons[n] ?? '']);
  });
  const totalRow = ws.addRow(doc.columns.map((_, i) => (i === 0 ? doc.totalLabel : null)));
  totalRow.getCell(doc.columns.length).value = doc.totalNumber;
  totalRow.font = { bold: true };
  doc.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(c.width + 4, i === 0 ? 12 : 0);
    if (c.align === 'right') col.alignment = { horizontal: 'right' };
  });
  ws.getColumn(doc.columns.length + 1).width = 60;
  for (let row = first; row <= totalRow.number; row++) {
    for (const col of [4, 6, 7, 8, 9]) ws.getCell(row, col).numFmt = doc.moneyFormat;
  }
  for (const line of doc.note.split('\n')) ws.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The claim as a file for the supplier, in the caller's language. */
export async function exportClaim(ctx: Ctx, i: { id: string; format: 'xlsx' | 'pdf' }) {
  const doc = claimDocument(ctx, getClaim(ctx, { id: i.id }));
  if (i.format === 'pdf') {
    const pdf = await renderSupplierDocumentPdf(doc);
    return { fileName: `${doc.fileStem}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
  }
  const xlsx = await renderXlsx(doc, translate(ctx.locale, 'invoices.claim.col.reason'));
  return { fileName: `${doc.fileStem}.xlsx`, mime: XLSX_MIME, base64: xlsx.toString('base64') };
}
