import { AppError } from '../app-error';
import { readUploadedSheet } from '../uploads/sheet';
import { COLUMNS, type Column } from './item-table';

export const MAX_ROWS = 50_000;

/** Chinese headers people write by hand, mapped to the export's column names. */
const ALIASES: Record<string, Column> = {
  编码: 'code',
  代码: 'code',
  物料编码: 'code',
  中文名: 'name_zh',
  中文名称: 'name_zh',
  英文名: 'name_en',
  英文名称: 'name_en',
  类别: 'category',
  分类: 'category',
  基本单位: 'base_unit',
  采购单位: 'purchase_unit',
  采购换算: 'purchase_factor',
  盘点单位: 'count_unit',
  盘点换算: 'count_factor',
  条码: 'barcodes',
  库位: 'storage_area',
  货架顺序: 'shelf_order',
  保质期天数: 'shelf_life_days',
  标准库存: 'par_level',
  再订货点: 'reorder_point',
  批次管理: 'lot_tracked',
  启用: 'active',
};

export interface Table {
  /** Column name -> index in each record. */
  columns: Map<Column, number>;
  /** Data records; `row` is the spreadsheet row number (header = 1). */
  records: { row: number; cells: string[] }[];
}

/**
 * Decodes the upload into a table with known columns; anything unreadable is
 * one clear VALIDATION error. Blank rows between records are allowed, so the
 * reader stops a little past MAX_ROWS rather than at it.
 */
export async function readTable(fileName: string, base64: string): Promise<Table> {
  return toTable(await readUploadedSheet({ fileName, base64 }, { maxRows: MAX_ROWS + 10_000 }));
}

function toTable(rows: string[][]): Table {
  const header = rows[0] ?? [];
  const columns = new Map<Column, number>();
  header.forEach((raw, i) => {
    const h = raw.replace(/^\uFEFF/, '').trim();
    if (!h) return;
    const name = ALIASES[h] ?? (h.toLowerCase().replace(/\s+/g, '_') as Column);
    if (!(COLUMNS as readonly string[]).includes(name)) {
      throw new AppError('VALIDATION', 'items.import.unknownColumn', { column: h, columns: COLUMNS.join(', ') });
    }
    if (columns.has(name)) throw new AppError('VALIDATION', 'items.import.duplicateColumn', { column: h });
    columns.set(name, i);
  });
  if (!columns.has('code')) throw new AppError('VALIDATION', 'items.import.noCodeColumn');
  const records: Table['records'] = [];
  rows.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c.trim() === '')) return;
    records.push({ row: i + 1, cells });
  });
  if (!records.length) throw new AppError('VALIDATION', 'items.import.empty');
  if (records.length > MAX_ROWS) throw new AppError('VALIDATION', 'items.import.tooManyRows', { max: MAX_ROWS });
  return { columns, records };
}
