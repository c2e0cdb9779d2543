import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

type ColumnKey<T extends Table> = keyof T['_']['columns'] & string;

/**
 * `col AS property` for every column of a table (or the ones named), taken
 * from the schema: a select list whose rows match `$inferSelect` without a
 * hand-written copy of the column names. `alias` prefixes each column
 * (`w.down_start AS downStart`).
 */
export function selectList<T extends Table>(table: T, opts: { alias?: string; only?: readonly ColumnKey<T>[] } = {}) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = opts.only ?? (Object.keys(columns) as ColumnKey<T>[]);
  const prefix = opts.alias ? `${opts.alias}.` : '';
  return keys
    .map((k) => (columns[k]!.name === k ? `${prefix}${k}` : `${prefix}${columns[k]!.name} AS ${k}`))
    .join(', ');
}

/** The SQL name of a column by its schema property (for statements assembled from whitelisted columns). */
export function columnName<T extends Table>(table: T, key: ColumnKey<T>): string {
  return (getTableColumns(table) as Record<string, { name: string }>)[key]!.name;
}

/**
 * `INSERT INTO table (every column) VALUES (@property, ...)`: a whole row
 * bound by name from a record keyed like `$inferSelect`, so a new column
 * in the schema is written without a second list of names to keep in step.
 */
export function insertText<T extends Table>(table: T): string {
  const columns = Object.entries(getTableColumns(table) as Record<string, { name: string }>);
  return `INSERT INTO ${getTableName(table)} (${columns.map(([, c]) => c.name).join(', ')}) VALUES (${columns
    .map(([k]) => `@${k}`)
    .join(', ')})`;
}
