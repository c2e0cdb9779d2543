import type { Column, GridApi, ValueGetterParams } from 'ag-grid-community';

/** One CSV field, quoted the way ag-grid's own export does (Excel reads both the same). */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

/** What a column shows for a row without a row node: its value getter or its field. */
function cellValue<T>(api: GridApi<T>, col: Column, row: T): unknown {
  const def = col.getColDef();
  if (typeof def.valueGetter === 'function') {
    return def.valueGetter({
      data: row,
      node: null,
      colDef: def,
      column: col,
      api,
      context: undefined,
    } as never as ValueGetterParams<T>);
  }
  return def.field ? (row as Record<string, unknown>)[def.field] : '';
}

/** CSV of rows fetched outside the grid (a server-side grid holds only the blocks on screen). */
export function rowsToCsv<T>(api: GridApi<T>, rows: readonly T[]): string {
  const cols = api.getAllDisplayedColumns();
  const lines = [cols.map((c) => csvField(c.getColDef().headerName ?? c.getColId())).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvField(cellValue(api, c, r))).join(','));
  return lines.join('\r\n');
}
