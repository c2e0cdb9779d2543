import { AppError } from '../app-error';
import { readUploadedSheet } from '../uploads/sheet';

/** Columns of an invoice file, as the export names them. */
export const INVOICE_COLUMNS = [
  'supplier_code',
  'item_code',
  'description',
  'qty',
  'unit',
  'unit_price',
  'line_total',
  'tax_rate',
] as const;
export type InvoiceColumn = (typeof INVOICE_COLUMNS)[number];

/** An invoice has at most this many lines (as the contract allows). */
export const MAX_LINES = 300;

/** Headers people write by hand, and the ones Chinese VAT invoice exports use. */
const ALIASES: Record<string, InvoiceColumn> = {
  供应商编码: 'supplier_code',
  供应商货号: 'supplier_code',
  货号: 'supplier_code',
  物料编码: 'item_code',
  商品编码: 'item_code',
  编码: 'item_code',
  品名: 'description',
  名称: 'description',
  商品名称: 'description',
  货物或应税劳务名称: 'description',
  '货物或应税劳务、服务名称': 'description',
  项目名称: 'description',
  描述: 'description',
  数量: 'qty',
  单位: 'unit',
  单价: 'unit_price',
  金额: 'line_total',
  税率: 'tax_rate',
};

export interface InvoiceTable {
  columns: Map<InvoiceColumn, number>;
  /** Data rows; `row` is the spreadsheet row number (header = 1). */
  records: { row: number; cells: string[] }[];
}

/** A file that cannot be an invoice at all: one error on the file, nothing checked row by row. */
function fileProblem(
  k: 'missingColumn' | 'duplicateColumn' | 'empty' | 'tooManyRows',
  params?: Record<string, string | number>,
): AppError {
  const key = `invoices.import.${k}` as const;
  return new AppError('VALIDATION', key, params, [{ path: 'base64', key, params }]);
}

/**
 * The file as a table of known columns. Other columns (规格型号, 税额, ...)
 * are left alone: supplier exports carry more than an invoice line needs.
 */
export async function readInvoiceTable(fileName: string, base64: string): Promise<InvoiceTable> {
  // An invoice of MAX_LINES lines fits in a few hundred rows; a file far longer is refused while it is read.
  const rows = await readUploadedSheet({ fileName, base64 }, { maxRows: MAX_LINES * 10 });
  const columns = new Map<InvoiceColumn, number>();
  (rows[0] ?? []).forEach((raw, i) => {
    const h = raw.replace(/^\uFEFF/, '').trim();
    const name = ALIASES[h] ?? (h.toLowerCase().replace(/\s+/g, '_') as InvoiceColumn);
    if (!(INVOICE_COLUMNS as readonly string[]).includes(name)) return;
    if (columns.has(name)) throw fileProblem('duplicateColumn', { column: h });
    columns.set(name, i);
  });
  for (const c of ['qty', 'unit', 'unit_price', 'tax_rate'] as const) {
    if (!columns.has(c)) throw fileProblem('missingColumn', { column: c });
  }
  if (!columns.has('supplier_code') && !columns.has('item_code') && !columns.has('description')) {
    throw fileProblem('missingColumn', { column: 'supplier_code / item_code' });
  }
  const records: InvoiceTable['records'] = [];
  rows.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c.trim() === '')) return;
    records.push({ row: i + 1, cells });
  });
  if (!records.length) throw fileProblem('empty');
  if (records.length > MAX_LINES) throw fileProblem('tooManyRows', { max: MAX_LINES });
  return { columns, records };
}
