import type { ColumnFilterModel, NumberConditionModel, TextConditionModel } from '../../src-shared/grid/server-query';
import { AppError } from './app-error';

/** How one grid column maps to SQL. `scale` turns what the user types into the stored integer (qty x 1000). */
export interface GridColumnSql {
  expr: string;
  kind: 'text' | 'number';
  scale?: number;
}

export interface GridSql {
  where: string;
  params: (string | number)[];
  orderBy: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

function textCondition(expr: string, c: TextConditionModel, params: (string | number)[]): string {
  const v = c.filter ?? '';
  switch (c.type) {
    case 'blank':
      return `(${expr} IS NULL OR ${expr} = '')`;
    case 'notBlank':
      return `(${expr} IS NOT NULL AND ${expr} <> '')`;
    case 'equals':
      params.push(v);
      return `${expr} = ? COLLATE NOCASE`;
    case 'notEqual':
      params.push(v);
      return `coalesce(${expr}, '') <> ? COLLATE NOCASE`;
    default: {
      const pattern = { contains: `%${escapeLike(v)}%`, notContains: `%${escapeLike(v)}%` }[c.type as 'contains'];
      const p =
        pattern ?? (c.type === 'startsWith' ? `${escapeLike(v)}%` : c.type === 'endsWith' ? `%${escapeLike(v)}` : '');
      params.push(p);
      return c.type === 'notContains' ? `coalesce(${expr}, '') NOT LIKE ? ESCAPE '\\'` : `${expr} LIKE ? ESCAPE '\\'`;
    }
  }
}

function numberCondition(col: GridColumnSql, c: NumberConditionModel, params: (string | number)[]): string {
  const { expr } = col;
  if (c.type === 'blank') return `${expr} IS NULL`;
  if (c.type === 'notBlank') return `${expr} IS NOT NULL`;
  // Exact integers: what the user typed (e.g. 5.5 kg shown as 5500 g) times the column's scale.
  const scaled = (n: number | null | undefined) => Math.round((n ?? 0) * (col.scale ?? 1));
  params.push(scaled(c.filter));
  switch (c.type) {
    case 'equals':
      return `${expr} = ?`;
    case 'notEqual':
      return `coalesce(${expr} <> ?, 1)`;
    case 'lessThan':
      return `${expr} < ?`;
    case 'lessThanOrEqual':
      return `${expr} <= ?`;
    case 'greaterThan':
      return `${expr} > ?`;
    case 'greaterThanOrEqual':
      return `${expr} >= ?`;
    case 'inRange':
      params.push(scaled(c.filterTo));
      return `${expr} BETWEEN ? AND ?`;
  }
}

function badColumn(colId: string): never {
  throw new AppError('VALIDATION', 'error.grid.column', { column: colId });
}

function filterSql(col: GridColumnSql, colId: string, f: ColumnFilterModel, params: (string | number)[]): string {
  if (f.filterType !== col.kind) badColumn(colId);
  const one = (c: TextConditionModel | NumberConditionModel) =>
    c.filterType === 'text' ? textCondition(col.expr, c, params) : numberCondition(col, c, params);
  if ('conditions' in f) {
    const parts = (f.conditions as (TextConditionModel | NumberConditionModel)[]).map(one);
    return `(${parts.join(f.operator === 'OR' ? ' OR ' : ' AND ')})`;
  }
  return one(f);
}

/**
 * WHERE and ORDER BY for a grid page. Column ids are looked up in a fixed
 * map, never interpolated, so a request cannot inject SQL; `tieBreak` keeps
 * paging stable when the sort column has duplicates.
 */
export function gridSql(
  columns: Record<string, GridColumnSql>,
  req: { sort: { colId: string; sort: 'asc' | 'desc' }[]; filters: Record<string, ColumnFilterModel> },
  tieBreak: string,
): GridSql {
  const params: (string | number)[] = [];
  const where = Object.entries(req.filters).map(([colId, f]) => {
    const col = Object.prototype.hasOwnProperty.call(columns, colId) ? columns[colId] : undefined;
    if (!col) badColumn(colId);
    return filterSql(col, colId, f, params);
  });
  const order = req.sort.map((s) => {
    const col = Object.prototype.hasOwnProperty.call(columns, s.colId) ? columns[s.colId] : undefined;
    if (!col) badColumn(s.colId);
    return `${col.expr} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`;
  });
  return {
    where: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
    orderBy: `ORDER BY ${[...order, tieBreak].join(', ')}`,
  };
}
