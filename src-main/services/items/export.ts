import type { itemBarcodes } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { toCsv } from './csv';
import { listItems } from './item-read';
import { COLUMNS, itemToCells, type Column } from './item-table';
import { writeXlsx } from './xlsx';

/** Columns Excel must keep as text: codes with leading zeros, 13-digit barcodes. */
const TEXT_COLUMNS = new Set<Column>([
  'code',
  'name_zh',
  'name_en',
  'category',
  'base_unit',
  'purchase_unit',
  'count_unit',
  'barcodes',
  'storage_area',
  'lot_tracked',
  'active',
]);

const allBarcodes = sql<Pick<typeof itemBarcodes.$inferSelect, 'itemId' | 'barcode' | 'unit'>>(
  'SELECT item_id AS itemId, barcode, unit FROM item_barcodes ORDER BY barcode',
);

/** The whole item master, in two queries (items, then every barcode with its unit). */
export async function exportItems(
  ctx: Ctx,
  input: { format: 'csv' | 'xlsx' },
): Promise<{ fileName: string; mime: string; base64: string }> {
  const codes = new Map<string, { barcode: string; unit: string }[]>();
  for (const b of allBarcodes.all(ctx.sqlite)) {
    const list = codes.get(b.itemId) ?? [];
    list.push({ barcode: b.barcode, unit: b.unit });
    codes.set(b.itemId, list);
  }
  const rows = listItems(ctx).map((r) => itemToCells(r, codes.get(r.id) ?? []));
  const stamp = new Date(ctx.now).toISOString().slice(0, 10);
  if (input.format === 'csv') {
    const csv = toCsv([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => String(r[c])))]);
    return {
      fileName: `items-${stamp}.csv`,
      mime: 'text/csv;charset=utf-8',
      base64: Buffer.from(csv, 'utf8').toString('base64'),
    };
  }
  // Numbers go in as numbers so Excel can sum them; formatQty text is exact, so Number() of it round-trips.
  const cells = rows.map((r) =>
    COLUMNS.map((c) => {
      const v = r[c];
      return !TEXT_COLUMNS.has(c) && v !== '' ? Number(v) : v;
    }),
  );
  const buf = await writeXlsx('items', COLUMNS, cells, TEXT_COLUMNS);
  return {
    fileName: `items-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buf.toString('base64'),
  };
}
