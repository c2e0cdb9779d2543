/**
 * Token buckets per key (a client address, a session): `burst` calls at once,
 * then one more every `perMs / rate`. State lives in memory: a restart forgets
 * it, which only ever gives a caller a fresh burst.
 *
 * The number of keys is bounded, so a flood of new keys (addresses, forged
 * session cookies) cannot grow memory without end: full buckets are dropped
 * first (they hold no information), then the oldest.
 */
export interface RateLimiter {
  /** Takes one token for `key`; false when the bucket is empty (the call must be refused). */
  take(key: string, now: number): boolean;
}

export interface RateLimitOptions {
  burst: number;
  /** Tokens added per `perMs`. */
  rate: number;
  perMs: number;
  maxKeys?: number;
}

export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const maxKeys = opts.maxKeys ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refill(b: { tokens: number; at: number }, now: number): void {
    b.tokens = Math.min(opts.burst, b.tokens + ((now - b.at) * opts.rate) / opts.perMs);
    b.at = now;
  }

  function makeRoom(now: number): void {
    for (const [k, b] of buckets) {
      refill(b, now);
      if (b.tokens >= opts.burst) buckets.delete(k);
    }
    for (const k of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(k);
    }
  }

  return {
    take(key, now) {
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) makeRoom(now);
        b = { tokens: opts.burst, at: now };
        buckets.set(key, b);
      } else refill(b, now);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
