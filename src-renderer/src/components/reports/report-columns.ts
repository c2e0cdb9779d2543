import type { ColDef } from 'ag-grid-community';
import type { MessageKey } from '../../../../src-shared/i18n';
import { formatQty } from '../../../../src-shared/quantity';
import { amount } from '../../lib/money';

export type CellType = 'text' | 'qty' | 'money' | 'int';

/** One column of a report: drives the grid, the XLSX export and the printed table alike. */
export interface ReportColumn<T> {
  key: string;
  header: MessageKey;
  type: CellType;
  /** Display text or number when it is not the field itself (names in the user's language, ...). */
  get?: (row: T) => string | number | null;
  width?: number;
  pinned?: 'left';
}

export function cellValue<T>(c: ReportColumn<T>, row: T): string | number | null {
  if (c.get) return c.get(row);
  const v = (row as Record<string, unknown>)[c.key];
  return v === undefined ? null : (v as string | number | null);
}

export function formatCell(type: CellType, v: string | number | null): string {
  if (v === null || v === '') return '';
  if (typeof v === 'string') return v;
  if (type === 'qty') return formatQty(v);
  if (type === 'money') return amount(v);
  return String(v);
}

export function toColDefs<T>(cols: ReportColumn<T>[], t: (k: MessageKey) => string): ColDef<T>[] {
  return cols.map((c) => {
    const numeric = c.type !== 'text';
    return {
      colId: c.key,
      headerName: t(c.header),
      width: c.width ?? (numeric ? 118 : 120),
      pinned: c.pinned,
      type: numeric ? 'rightAligned' : undefined,
      // Numbers sort on the exact integers; filtering them as text of thousandths would only confuse.
      filter: numeric ? false : true,
      valueGetter: (p) => (p.data ? cellValue(c, p.data) : null),
      valueFormatter: (p) => formatCell(c.type, p.value as string | number | null),
      cellStyle: (p) => (p.node.rowPinned ? { fontWeight: 600 } : undefined),
    } satisfies ColDef<T>;
  });
}
