import { readSheetTable, type SheetTable } from '../uploads/sheet-table';

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

export type InvoiceTable = SheetTable<InvoiceColumn>;

/**
 * The file as a table of known columns. Other columns (规格型号, 税额, ...)
 * are left alone: supplier exports carry more than an invoice line needs.
 */
export function readInvoiceTable(fileName: string, base64: string): Promise<InvoiceTable> {
  return readSheetTable(
    { fileName, base64 },
    {
      columns: INVOICE_COLUMNS,
      aliases: ALIASES,
      unknownColumn: 'skip',
      duplicateColumn: 'invoices.import.duplicateColumn',
      // A line names its item by the store's code, the supplier's, or in words.
      required: ['qty', 'unit', 'unit_price', 'tax_rate', ['supplier_code', 'item_code', 'description']],
      missingColumn: 'invoices.import.missingColumn',
      empty: 'invoices.import.empty',
      tooManyRecords: 'invoices.import.tooManyRows',
      maxRecords: MAX_LINES,
      // An invoice of MAX_LINES lines fits in a few hundred rows; a file far longer is refused while it is read.
      maxRows: MAX_LINES * 10,
    },
  );
}
