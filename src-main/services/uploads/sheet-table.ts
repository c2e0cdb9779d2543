import type { MessageKey } from '../../../src-shared/i18n';
import { AppError } from '../app-error';
import { readUploadedSheet, type SheetUpload } from './sheet';

/** A spreadsheet upload as records of known columns. */
export interface SheetTable<C extends string> {
  /** Column name -> index in each record. */
  columns: Map<C, number>;
  /** Data records, blank rows left out; `row` is the spreadsheet row number (header = 1). */
  records: { row: number; cells: string[] }[];
}

/**
 * One import's columns and its own messages for a file that is not a table of
 * them. What is wrong with the file as a file (its type, its size, a damaged
 * workbook) is the reader's to say, the same for every import (upload.sheet.*).
 */
export interface SheetTableSpec<C extends string> {
  columns: readonly C[];
  /** Headers people write by hand ('编码', '单价'), to the column they mean. */
  aliases: Readonly<Record<string, C>>;
  /** Another column: refused with this message ({column}, {columns}), or left alone (`'skip'`). */
  unknownColumn: MessageKey | 'skip';
  /** {column} */
  duplicateColumn: MessageKey;
  /** Columns the file must have; a group is satisfied by any one of its columns. */
  required: readonly (C | readonly C[])[];
  /** {column}: the missing column, or a group's names joined by ' / '. */
  missingColumn: MessageKey;
  empty: MessageKey;
  /** {max} */
  tooManyRecords: MessageKey;
  maxRecords: number;
  /** Rows read at most, blank ones included: a file far longer is refused while it is read. */
  maxRows: number;
}

/** A refusal on the file field, so a screen shows it beside the file and not as a toast. */
const onFile = (key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('VALIDATION', key, params, [{ path: 'base64', key, params }]);

/** Header cells as the export writes them: the BOM and case ignored, spaces as underscores. */
const headerName = (h: string) => h.toLowerCase().replace(/\s+/g, '_');

/**
 * The uploaded CSV or XLSX as a table of the spec's columns: the first row
 * names them (export names or the aliases), every later row that is not
 * blank is a record. Anything that keeps it from being such a table is one
 * VALIDATION error on the file, in the import's own words.
 */
export async function readSheetTable<C extends string>(
  upload: SheetUpload,
  spec: SheetTableSpec<C>,
): Promise<SheetTable<C>> {
  const rows = await readUploadedSheet(upload, { maxRows: spec.maxRows });
  const known = new Set<string>(spec.columns);
  const isColumn = (name: string): name is C => known.has(name);
  const columns = new Map<C, number>();
  (rows[0] ?? []).forEach((raw, i) => {
    const h = raw.replace(/^\uFEFF/, '').trim();
    if (!h) return;
    const name = spec.aliases[h] ?? headerName(h);
    if (!isColumn(name)) {
      if (spec.unknownColumn === 'skip') return;
      throw onFile(spec.unknownColumn, { column: h, columns: spec.columns.join(', ') });
    }
    if (columns.has(name)) throw onFile(spec.duplicateColumn, { column: h });
    columns.set(name, i);
  });
  for (const need of spec.required) {
    const group = typeof need === 'string' ? [need] : need;
    if (!group.some((c) => columns.has(c))) throw onFile(spec.missingColumn, { column: group.join(' / ') });
  }
  const records: SheetTable<C>['records'] = [];
  rows.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c.trim() === '')) return;
    records.push({ row: i + 1, cells });
  });
  if (!records.length) throw onFile(spec.empty);
  if (records.length > spec.maxRecords) throw onFile(spec.tooManyRecords, { max: spec.maxRecords });
  return { columns, records };
}
