import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../lib/exceljs';

/** The first worksheet as rows of text cells (1-based row numbers kept by position: rows[0] is row 1). */
export async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Text of a cell as the user sees it; numbers without float noise where they are whole or short. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return '';
}

/** One sheet with a bold frozen header; `text` columns are stored as text so Excel does not show 6.9E+12. */
export async function writeXlsx(
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  text: ReadonlySet<string>,
): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h) => ({
    header: h,
    key: h,
    width: Math.max(10, h.length + 2),
    style: text.has(h) ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
