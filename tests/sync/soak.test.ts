import { afterAll, describe, expect, it } from 'vitest';
import { stopTestPostgres } from '../helpers/hq-db';
import { receipt, stockMove } from '../helpers/store-rows';
import type { Rng } from './harness/random';
import { SimStore } from './harness/sim-store';
import { runSoak, summary } from './harness/soak';

afterAll(stopTestPostgres);

/**
 * A store with the bug the outbox exists to prevent: some changes reach its
 * tables without an outbox entry (a write that bypassed the triggers): per
 * call, a new row that never reaches the outbox and a deletion that never does.
 */
class LeakyStore extends SimStore {
  override async writeRandom(rng: Rng, count: number): Promise<number> {
    const n = await super.writeRandom(rng, count);
    const move = stockMove();
    this.table('stock_moves').set(move.id as string, move);
    const r = receipt();
    this.write([{ table: 'receipts', op: 'upsert', row: r }]);
    this.table('receipts').delete(r.id as string);
    return n + 1;
  }
}

describe('the soak', () => {
  it('runs rounds of random faults and finds every replica equal after each', async () => {
    const lines: string[] = [];
    const r = await runSoak({
      minutes: 2,
      maxRounds: 3,
      seed: 11,
      db: 'pglite',
      hq: 'in-process',
      roundMs: 800,
      log: (l) => lines.push(l),
    });
    expect(summary(r)).toMatch(/^soak OK/);
    expect(r).toMatchObject({ rounds: 3, lost: 0, duplicated: 0, divergences: 0, ok: true });
    expect(r.entries).toBeGreaterThan(0);
    expect(lines).toHaveLength(3);
  }, 120_000);

  it('fails, naming lost and resurrected rows, when a store changes data without its outbox', async () => {
    const r = await runSoak({
      minutes: 2,
      maxRounds: 1,
      seed: 12,
      db: 'pglite',
      hq: 'in-process',
      roundMs: 600,
      makeStore: async (name, url, code) => {
        const s = new LeakyStore(name, url, { batchSize: 25 });
        await s.enroll(code);
        return s;
      },
    });
    expect(r.ok).toBe(false);
    expect(r.lost).toBeGreaterThan(0);
    expect(r.duplicated).toBeGreaterThan(0);
    expect(r.firstDivergence).toMatch(/stock_moves \(up\).*only at the store/);
    expect(summary(r)).toMatch(/^soak FAILED/);
  }, 120_000);
});
