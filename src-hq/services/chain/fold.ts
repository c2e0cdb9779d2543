import { sql } from 'drizzle-orm';
import type { Logger } from '../../../src-main/lib/log';
import { rows, type Q } from '../../db/client';

/** Queued ledger changes folded per statement: large enough to group well, small enough to keep a fold short. */
export const FOLD_BATCH = 50_000;
/** How soon a pushed movement shows in the chain views. */
export const FOLD_EVERY_MS = 1_000;

/**
 * Folds queued ledger changes into the chain totals (chain_fold() in
 * drizzle-hq/0007_chain_rollup_triggers.sql) until the queue is empty.
 * Returns how many were folded; null when another fold (another HQ
 * process, or this one's tick) holds the lock and is doing it.
 */
export async function foldChainTotals(q: Q, batch = FOLD_BATCH): Promise<number | null> {
  let total = 0;
  for (;;) {
    const [r] = await rows<{ n: number }>(q, sql`SELECT chain_fold(${batch}::int) AS n`);
    const n = Number(r!.n);
    if (n < 0) return total > 0 ? total : null;
    total += n;
    if (n < batch) return total;
  }
}

/** Folds until nothing is queued, waiting out another folder (tests and the benchmark: "the views are up to date"). */
export async function foldAll(q: Q): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await foldChainTotals(q);
    if (n === null) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    total += n;
    const [left] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM chain_move_queue`);
    if (!left!.n) return total;
  }
}

/**
 * HQ's tick for the chain totals: a fold every FOLD_EVERY_MS while HQ runs
 * (the push only queues). stop() waits for a fold under way, so the
 * database is not closed under it.
 */
export function startChainFolder(q: Q, log: Logger, everyMs = FOLD_EVERY_MS): { stop(): Promise<void> } {
  // One fold at a time from this process: a tick that finds one under way leaves it to finish the queue.
  let busy: Promise<void> | null = null;
  const timer = setInterval(() => {
    busy ??= foldChainTotals(q)
      .then(() => undefined)
      .catch((err: unknown) => log.warn('chain totals: fold failed', { error: String(err) }))
      .finally(() => (busy = null));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}
