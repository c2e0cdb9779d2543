import { sql } from 'drizzle-orm';
import { rows, type Q } from '../../../src-hq/db/client';
import type { HqUnderTest } from './hq-under-test';

/** What HQ holds about one store's stream: the ack, rows mirrored, dead letters and late entries (for the fault tests' checks). */
export async function hqFacts(hq: HqUnderTest, storeId: string, table = 'stock_moves') {
  return hq.read(async (q: Q) => {
    const one = async (statement: ReturnType<typeof sql>) => (await rows<{ n: number }>(q, statement))[0]?.n ?? 0;
    return {
      ack: await one(sql`SELECT coalesce(max(ack_seq), 0)::bigint AS n FROM sync_streams WHERE store_id = ${storeId}`),
      rows: await one(sql`SELECT count(*)::int AS n FROM ${sql.raw(`mirror.${table}`)} WHERE store_id = ${storeId}`),
      deadLetters: await one(sql`SELECT count(*)::int AS n FROM sync_dead_letters WHERE store_id = ${storeId}`),
      late: await one(sql`SELECT count(*)::int AS n FROM sync_late_entries WHERE store_id = ${storeId}`),
    };
  });
}
