import { checksumOf, type TableChecksum, type WireRow } from '../../src-shared/sync/checksum';
import { mergeStamped } from '../../src-shared/sync/merge';
import type { Change } from '../../src-shared/sync/protocol';
import { MASTER_TABLES, replicatedTable, rowKey } from '../../src-shared/sync/tables';

/**
 * What a store would hold of HQ's data after applying pull pages, kept in
 * memory: master rows by key (HQ-owned columns only), work orders merged per
 * field by the shared rule. Its checksums are computed independently of HQ's
 * code path (from what arrived), so comparing them with HQ's proves the pages
 * carried exactly what the store should hold.
 */
export class MemoryReplica {
  readonly tables = new Map<string, Map<string, WireRow>>();
  readonly clocks = new Map<string, Record<string, string>>();
  cursor = 0;

  table(name: string): Map<string, WireRow> {
    let m = this.tables.get(name);
    if (!m) this.tables.set(name, (m = new Map()));
    return m;
  }

  apply(changes: readonly Change[]): void {
    for (const c of changes) {
      const t = replicatedTable(c.table)!;
      const key = rowKey(t, c.row);
      const rows = this.table(c.table);
      if (c.op === 'delete') {
        rows.delete(key);
      } else if (t.direction === 'both' && c.clocks) {
        const cur = rows.get(key);
        const out = mergeStamped(
          cur ? { row: cur, clocks: this.clocks.get(key) ?? {} } : null,
          { row: c.row, clocks: c.clocks },
          t.key,
        );
        rows.set(key, out.row);
        this.clocks.set(key, out.clocks);
      } else {
        rows.set(key, { ...rows.get(key), ...c.row });
      }
    }
  }

  checksums(): Record<string, TableChecksum> {
    return Object.fromEntries(
      MASTER_TABLES.map((t) => [t.name, checksumOf(this.table(t.name).values(), [...t.key, ...t.hqOwned])]),
    );
  }
}
