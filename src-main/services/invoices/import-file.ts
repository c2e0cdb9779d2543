import { AppError } from '../app-error';
import { decodeText, parseCsv } from '../items/csv';
import { MAX_FILE_BYTES } from '../items/import-read';
import { readXlsx } from '../items/xlsx';

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

const fileError = (key: 'items.import.unreadable' | 'items.import.badType', params?: Record<string, string>) =>
  new AppError('VALIDATION', key, params, [{ path: 'base64', key, params }]);

/** Reads CSV (UTF-8, UTF-16 or GBK) or XLSX into rows of text; anything unreadable is one VALIDATION error. */
async function readRows(fileName: string, base64: string): Promise<string[][]> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AppError('VALIDATION', 'items.import.tooBig', undefined, [
      { path: 'base64', key: 'items.import.tooBig' },
    ]);
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || (isZip && ext !== 'csv')) {
    try {
      return await readXlsx(bytes);
    } catch (err) {
      throw fileError('items.import.unreadable', { format: 'XLSX', reason: (err as Error).message.slice(0, 120) });
    }
  }
  if (ext === 'csv' || ext === 'txt') {
    try {
      return parseCsv(decodeText(bytes).text);
    } catch (err) {
      throw fileError('items.import.unreadable', { format: 'CSV', reason: (err as Error).message.slice(0, 120) });
    }
  }
  throw fileError('items.import.badType', { name: fileName });
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
  const rows = await readRows(fileName, base64);
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
