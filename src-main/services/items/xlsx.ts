import { loadExcelJS } from '../../lib/exceljs';

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
