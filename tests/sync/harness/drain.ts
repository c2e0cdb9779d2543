import type { Rng } from './random';
import type { StoreUnderTest } from './store-under-test';

/** A network error, a timeout, a 5xx or a retryable refusal: back off and try the whole step again. */
export class RetryableError extends Error {}

export interface Drained {
  attempts: number;
  /** Passes that failed and were retried. */
  failures: number;
  ms: number;
}

/**
 * Syncs a store until its outbox is empty and a pull has completed, as its
 * worker would: a failed pass is retried after an exponential backoff with
 * jitter (20 ms doubling to 1 s here; the worker's is 1 s to 5 min), started
 * over when a pass made progress. Gives up with an error naming the store
 * after `withinMs`.
 */
export async function drain(store: StoreUnderTest, withinMs = 60_000, rng?: Rng): Promise<Drained> {
  const t0 = Date.now();
  let attempts = 0;
  let failures = 0;
  let wait = 20;
  let left = await store.pending();
  for (;;) {
    attempts++;
    try {
      const pass = await store.syncOnce();
      if (pass.stopped) throw new Error(`${store.name}: sync stopped: ${pass.stopped}`);
      if ((await store.pending()) === 0) return { attempts, failures, ms: Date.now() - t0 };
    } catch (err) {
      if (!(err instanceof RetryableError)) throw err;
      failures++;
    }
    if (Date.now() - t0 > withinMs) {
      throw new Error(`${store.name}: not drained in ${withinMs} ms (${await store.pending()} entries waiting)`);
    }
    // A pass that moved the queue before it failed starts the backoff over, as the worker's does after a success.
    const now = await store.pending();
    if (now < left) wait = 20;
    left = now;
    const jitter = rng ? rng.next() : Math.random();
    await new Promise((r) => setTimeout(r, wait * (0.5 + jitter)));
    wait = Math.min(wait * 2, 1000);
  }
}
