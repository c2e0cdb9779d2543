import {
  ItemInputDto,
  type ImportReport,
  type ItemDetail,
  type ItemInput,
} from '../../../src-shared/api/methods/items';
import { translate } from '../../../src-shared/i18n';
import { zodIssuesToFields } from '../zod-issues';
import type { itemCategories, storageAreas } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Change, Ctx } from '../context';
import { findItem } from './item-read';
import { checkItem, dbLookups, type ItemLookups } from './item-rules';
import { cellsToCandidate, columnOf, type Column, type Resolver } from './item-table';
import { writeItemChildren, writeItemRow } from './item-write';
import { readTable, type Table } from './import-read';
import { importAuditNote } from './import-audit';

interface Planned {
  input: ItemInput;
  before: ItemDetail | undefined;
}

const categoryNames = sql<Pick<typeof itemCategories.$inferSelect, 'code' | 'nameZh' | 'nameEn'>>(
  'SELECT code, name_zh AS nameZh, name_en AS nameEn FROM item_categories',
);
const areaNames = sql<Pick<typeof storageAreas.$inferSelect, 'id' | 'code' | 'nameZh' | 'nameEn'>>(
  'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM storage_areas',
);

/** Codes, Chinese and English names all find a category or area: people write what they see. */
function resolver(ctx: Ctx): Resolver {
  const cats = new Map<string, string>();
  for (const c of categoryNames.all(ctx.sqlite)) {
    cats.set(c.nameZh, c.code);
    cats.set(c.nameEn.toLowerCase(), c.code);
    cats.set(c.code.toLowerCase(), c.code);
  }
  const areas = new Map<string, string>();
  for (const a of areaNames.all(ctx.sqlite)) {
    areas.set(a.nameZh, a.id);
    areas.set(a.nameEn.toLowerCase(), a.id);
    areas.set(a.code.toLowerCase(), a.id);
  }
  return {
    category: (t) => cats.get(t) ?? cats.get(t.toLowerCase()),
    area: (t) => areas.get(t) ?? areas.get(t.toLowerCase()),
  };
}

/** Checks every row against the store and the rest of the file; reads only. */
function plan(ctx: Ctx, table: Table): { planned: Planned[]; errors: ImportReport['errors'] } {
  const errors: ImportReport['errors'] = [];
  const planned: Planned[] = [];
  const resolve = resolver(ctx);
  const get = (cells: string[]) => (c: Column) => {
    const i = table.columns.get(c);
    return i === undefined ? undefined : (cells[i] ?? '');
  };
  const codeIdx = table.columns.get('code')!;
  const fileCodes = new Set(table.records.map((r) => (r.cells[codeIdx] ?? '').trim().toLowerCase()));
  const hasBarcodes = table.columns.has('barcodes');
  const db = dbLookups(ctx);
  // A barcode held by an item this file rewrites (barcodes column present) is the file's to give: the
  // in-file duplicate check below catches two rows claiming it.
  const look: ItemLookups = {
    ...db,
    barcodeOwner: (b, selfId) => {
      const owner = db.barcodeOwner(b, selfId);
      return owner && !(hasBarcodes && fileCodes.has(owner.toLowerCase())) ? owner : undefined;
    },
  };
  const codeRows = new Map<string, number>();
  const barcodeRows = new Map<string, number>();

  for (const { row, cells } of table.records) {
    const issue = (column: Column, message: string) => errors.push({ row, column, message });
    const errorsBefore = errors.length;
    const code = (get(cells)('code') ?? '').trim();
    const before = code ? findItem(ctx, 'code', code) : undefined;
    const { candidate, issues, unitColumns } = cellsToCandidate(get(cells), before, resolve);
    for (const i of issues) issue(i.column, translate(ctx.locale, i.key, i.params));

    const first = codeRows.get(code.toLowerCase());
    if (code && first !== undefined) {
      issue('code', translate(ctx.locale, 'items.import.duplicateCode', { code, other: first }));
    } else if (code) codeRows.set(code.toLowerCase(), row);

    // Cells already reported (e.g. an unknown unit) would only repeat below as "Required" or "does not exist".
    const reported = new Set(issues.map((i) => i.column));
    const parsed = ItemInputDto.safeParse(candidate);
    if (!parsed.success) {
      const required = translate(ctx.locale, 'validation.required');
      zodIssuesToFields(parsed.error.issues, ctx.locale).forEach((f, n) => {
        const column = columnOf(f.path, unitColumns);
        const value = parsed.error.issues[n]!.path.length === 1 ? candidate[f.path] : 0;
        if (!reported.has(column)) issue(column, value === undefined || value === '' ? required : f.message);
      });
      continue;
    }
    for (const b of parsed.data.barcodes) {
      const other = barcodeRows.get(b.barcode);
      if (other !== undefined) {
        issue('barcodes', translate(ctx.locale, 'items.import.barcodeInFile', { barcode: b.barcode, other }));
      } else barcodeRows.set(b.barcode, row);
    }
    for (const i of checkItem(parsed.data, before ?? null, look)) {
      const column = columnOf(i.path, unitColumns);
      if (!reported.has(column)) issue(column, translate(ctx.locale, i.key, i.params));
    }
    if (errors.length === errorsBefore) planned.push({ input: parsed.data, before });
  }
  return { planned, errors };
}

/** Reads the uploaded file (asynchronous for XLSX): items.import's work before its transaction. */
export function readItemImport(_ctx: Ctx, input: { fileName: string; base64: string }): Promise<Table> {
  return readTable(input.fileName, input.base64);
}

/**
 * All or nothing: once the file is read, every row is checked and written
 * in the call's one transaction (with its audit entry), so nothing can
 * change between the check and the write, and one bad row leaves the store
 * as it was.
 */
export function importItems(
  ctx: Ctx,
  input: { fileName: string; base64: string; dryRun: boolean },
  table: Table,
): ImportReport {
  const changes: Change[] = [];
  const wctx: Ctx = {
    ...ctx,
    changed: (c) => {
      changes.push(c);
      ctx.changed(c);
    },
  };
  const { planned, errors } = plan(ctx, table);
  const created = planned.filter((p) => !p.before).length;
  const report = { rows: table.records.length, created, updated: planned.length - created, errors };
  const applied = !errors.length && !input.dryRun;
  if (applied) {
    const ids = planned.map((p) => writeItemRow(wctx, p.input, p.before));
    planned.forEach((p, i) => writeItemChildren(wctx, ids[i]!, p.input));
  }
  ctx.auditNote(
    importAuditNote({
      fileName: input.fileName,
      base64: input.base64,
      rows: report.rows,
      createdCodes: applied ? planned.filter((p) => !p.before).map((p) => p.input.code) : [],
      updatedCodes: applied ? planned.filter((p) => p.before).map((p) => p.input.code) : [],
      changes,
      outcome: applied ? 'applied' : input.dryRun ? 'dry-run' : 'refused',
    }),
  );
  return { applied, ...report };
}
