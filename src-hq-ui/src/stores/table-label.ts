import { FACT_TABLES, SHARED_TABLES, type FactTable, type SharedTable } from '../../../src-shared/sync/tables';

type UpTable = FactTable | SharedTable;
type T = (key: `hq.table.${UpTable}`) => string;

const UP = new Set<string>([...FACT_TABLES, ...SHARED_TABLES].map((t) => t.name));

/**
 * A table a store sends, named for people ("Receipts" / "收货单"); anything
 * else keeps its own name. The key's type makes a table added to the
 * registry without its name in the catalogue a compile error.
 */
export function tableLabel(t: T, name: string): string {
  return UP.has(name) ? t(`hq.table.${name as UpTable}`) : name;
}
