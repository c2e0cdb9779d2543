import { readSheetTable, type SheetTable } from '../uploads/sheet-table';
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

export type Table = SheetTable<Column>;

/**
 * Decodes the upload into a table with known columns; anything unreadable is
 * one clear VALIDATION error. Blank rows between records are allowed, so the
 * reader stops a little past MAX_ROWS rather than at it.
 */
export function readTable(fileName: string, base64: string): Promise<Table> {
  return readSheetTable(
    { fileName, base64 },
    {
      columns: COLUMNS,
      aliases: ALIASES,
      unknownColumn: 'items.import.unknownColumn',
      duplicateColumn: 'items.import.duplicateColumn',
      required: ['code'],
      missingColumn: 'items.import.noCodeColumn',
      empty: 'items.import.empty',
      tooManyRecords: 'items.import.tooManyRows',
      maxRecords: MAX_ROWS,
      maxRows: MAX_ROWS + 10_000,
    },
  );
}
