import { describe, expect, it } from 'vitest';
import { FACT_TABLES, MASTER_TABLES, REPLICATED_TABLES, SHARED_TABLES, type ReplicatedTable } from './tables';

describe('the replicated-table registry', () => {
  it('names each table once, and every reference names a master table', () => {
    const names = REPLICATED_TABLES.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    const masters = new Set<string>(MASTER_TABLES.map((t) => t.name));
    for (const t of REPLICATED_TABLES)
      for (const target of Object.values(t.refs ?? {})) expect(masters).toContain(target);
  });

  it('gives master tables their HQ-owned columns and facts none', () => {
    for (const t of MASTER_TABLES) expect(t.hqOwned?.length).toBeGreaterThan(0);
    for (const t of [...FACT_TABLES, ...SHARED_TABLES]) expect('hqOwned' in t).toBe(false);
  });

  it('lists a master table before the tables that reference it', () => {
    const order = MASTER_TABLES.map((t) => t.name as string);
    for (const [i, t] of (MASTER_TABLES as readonly ReplicatedTable[]).entries())
      for (const target of Object.values(t.refs ?? {})) expect(order.indexOf(target)).toBeLessThan(i);
  });
});
