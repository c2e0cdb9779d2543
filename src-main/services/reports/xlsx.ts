import { loadExcelJS } from '../../lib/exceljs';
import { xlsxMoneyFormat, type MoneyFormat } from '../../../src-shared/money';
import { MONEY_SCALE, QTY_SCALE } from '../../../src-shared/quantity';

type Cell = string | number | null;
export interface XlsxInput {
  title: string;
  subtitle: string;
  columns: { key: string; header: string; type: 'text' | 'qty' | 'money' | 'int' }[];
  rows: Record<string, Cell>[];
  totals?: Record<string, Cell> | null;
}

const FORMATS = { qty: '#,##0.###', int: '0', text: '@' } as const;

/**
 * One worksheet: title, subtitle, header, rows and a bold totals row. Exact
 * integers become decimal cells only here, at the very edge (Excel stores
 * doubles; 15 significant digits are far more than a store's figures use).
 * Money columns show the store currency's symbol and decimals (`money`).
 * exceljs is loaded on the first export, off the start-up path.
 */
export async function buildXlsx(input: XlsxInput, money: MoneyFormat): Promise<{ base64: string }> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.created = new Date();
  const ws = wb.addWorksheet(input.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Report');
  ws.addRow([input.title]).font = { bold: true, size: 14 };
  ws.addRow([input.subtitle]);
  const header = ws.addRow(input.columns.map((c) => c.header));
  header.font = { bold: true };
  const cellOf = (type: XlsxInput['columns'][number]['type'], v: Cell | undefined): Cell => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v !== 'number') return v;
    if (type === 'qty') return v / QTY_SCALE;
    if (type === 'money') return v / MONEY_SCALE;
    return v;
  };
  for (const r of input.rows) ws.addRow(input.columns.map((c) => cellOf(c.type, r[c.key])));
  if (input.totals) ws.addRow(input.columns.map((c) => cellOf(c.type, input.totals![c.key]))).font = { bold: true };
  input.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.type === 'money') col.numFmt = xlsxMoneyFormat(money);
    else if (c.type !== 'text') col.numFmt = FORMATS[c.type];
    col.width = Math.min(40, Math.max(10, c.header.length * (/[^\x00-\xff]/.test(c.header) ? 2.2 : 1.2)));
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  const buf = await wb.xlsx.writeBuffer();
  return { base64: Buffer.from(buf as ArrayBuffer).toString('base64') };
}
