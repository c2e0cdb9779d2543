import { getTableName, type Table } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { FACT_TABLES, MASTER_TABLES, SHARED_TABLES, type ReplicatedTable } from '../../src-shared/sync/tables';
import * as schema from './schema';

/**
 * What a value of an HQ column may be, on the wire and in PostgreSQL: the one
 * description push validation, the mirror-columns test and the readers share.
 * `int` is a bigint (any safe integer), `bool` a smallint holding a store
 * boolean (0 or 1), `text` a text.
 */
export type ColumnKind = 'int' | 'bool' | 'text' | 'json';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  notNull: boolean;
  /** The column's default in wire form, when it has one. */
  default?: string | number | null;
}

export interface TableSpec {
  /** SQL name, schema-qualified for mirrors: "mirror"."stock_moves". */
  sqlName: string;
  table: PgTable;
  columns: Map<string, ColumnSpec>;
  primaryKey: string[];
}

function kindOf(columnType: string): ColumnKind {
  switch (columnType) {
    case 'PgBigInt53':
    case 'PgInteger':
    case 'PgBigSerial53':
      return 'int';
    case 'PgSmallInt':
      return 'bool';
    case 'PgText':
      return 'text';
    case 'PgJsonb':
      return 'json';
    default:
      throw new Error(`an HQ replicated column of type ${columnType}: add it to src-hq/db/columns.ts`);
  }
}

function specOf(table: PgTable): TableSpec {
  const cfg = getTableConfig(table);
  const columns = new Map<string, ColumnSpec>();
  for (const c of cfg.columns) {
    const spec: ColumnSpec = { name: c.name, kind: kindOf(c.columnType), notNull: c.notNull };
    if (c.hasDefault && c.default !== undefined && typeof c.default !== 'object') {
      spec.default = c.default as string | number;
    }
    columns.set(c.name, spec);
  }
  const pk = cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? cfg.columns.filter((c) => c.primary).map((c) => c.name);
  return { sqlName: cfg.schema ? `"${cfg.schema}"."${cfg.name}"` : `"${cfg.name}"`, table, columns, primaryKey: pk };
}

const tables = (Object.values(schema) as unknown[]).filter(
  (v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v,
);
const mirrors = new Map<string, TableSpec>();
const masters = new Map<string, TableSpec>();
const masterNames = new Set(MASTER_TABLES.map((t) => t.name as string));
for (const t of tables) {
  const cfg = getTableConfig(t);
  if (cfg.schema === 'mirror') mirrors.set(getTableName(t as Table), specOf(t));
  else if (masterNames.has(cfg.name)) masters.set(cfg.name, specOf(t));
}

/** HQ's mirror of a store fact or shared table (mirror.<name>). */
export function mirrorSpec(name: string): TableSpec | undefined {
  return mirrors.get(name);
}

/** HQ's master table (public.<name>). */
export function masterSpec(name: string): TableSpec | undefined {
  return masters.get(name);
}

/** Mirror columns HQ adds to the store's: never sent by a store. */
export const HQ_ONLY_MIRROR_COLUMNS: ReadonlySet<string> = new Set(['hq_seq', 'hq_received_at', 'clocks']);

/** The columns a store's entry for `t` may carry: the mirror's, minus HQ's own (store_id is the store's where it has one). */
export function storeColumns(t: ReplicatedTable): ColumnSpec[] {
  const spec = mirrorSpec(t.name);
  if (!spec) throw new Error(`no mirror for ${t.name}`);
  return [...spec.columns.values()].filter((c) => !HQ_ONLY_MIRROR_COLUMNS.has(c.name));
}

/** The columns of a master table that travel down: its key and HQ-owned columns. */
export function downColumns(t: ReplicatedTable): string[] {
  return [...t.key, ...(t.hqOwned ?? [])];
}

export const UP_TABLES: readonly ReplicatedTable[] = [...FACT_TABLES, ...SHARED_TABLES];
export const DOWN_TABLES: readonly ReplicatedTable[] = MASTER_TABLES;
