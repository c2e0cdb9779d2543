/**
 * Who may try a PIN, from where, and when.
 *
 * A 4-digit PIN has 10,000 values, so guessing must be slow; but a lockout that
 * anyone can trigger is a way to keep a cashier from working. The old rule
 * (five failures lock the account everywhere) gave an attacker on the LAN both:
 * a fresh 5 guesses per account every 15 minutes, and the power to keep any
 * account locked forever. Three rules replace it:
 *
 * 1. Per source (the client's address; this PC itself, Electron or loopback,
 *    is one source): after twice `threshold` failed sign-ins in a row,
 *    whatever the user names, the source must wait 30 s, then 60 s, 2 min, ...
 *    up to the store's lockout length, before each further try. One machine
 *    cannot spray PINs over every account. Twice, because the store PC is
 *    shared: one clerk fumbling her own PIN locks only her account there
 *    (rule 2 then refuses her tries unchecked, so they stop counting), and the
 *    next person still signs in. A success from the source clears it.
 *
 * 2. Per account: `threshold` failures within the lockout length (from any
 *    sources) lock the account for the lockout length, but only for the
 *    sources that took part: a source that has failed fewer than FRESH_TRIES
 *    times against the account keeps trying normally (one typo is allowed).
 *    The attacker's laptop is locked out; the cashier at the store PC or her
 *    own tablet still signs in with the right PIN. Guessing is bounded by
 *    `threshold` + FRESH_TRIES per further address the attacker controls,
 *    per lockout length, and each of those addresses is held by rule 1 too.
 *
 * 3. The same for names that do not exist: they get the same counters, the
 *    same answers and the same work (one scrypt check) as real ones, so
 *    trying names reveals nothing.
 *
 * State is in memory (per open database), bounded in size; a restart forgets
 * it, which only gives back a few tries. The account's failure count and lock
 * are mirrored to its user row so the administrator sees them and can unlock.
 */

export interface GuardPolicy {
  /** Failed sign-ins before a source waits and an account locks (store setting). */
  threshold: number;
  /** The lockout length, also the longest wait of a source (store setting). */
  lockoutMs: number;
}

/** While an account is locked, a source with fewer failures against it than this may still try. */
export const FRESH_TRIES = 2;
/** A source waits after this many times the store's threshold of failures in a row. */
export const SOURCE_FACTOR = 2;
const FIRST_WAIT_MS = 30_000;
/** A source's run of failures is forgotten after an hour without one. */
const SOURCE_MEMORY_MS = 3600_000;
const MAX_ENTRIES = 10_000;

interface SourceState {
  failures: number;
  lastAt: number;
  blockedUntil: number;
}

interface AccountState {
  lockedUntil: number | null;
  /** Failures per source within the lockout length: count and time of the last one. */
  bySource: Map<string, { count: number; lastAt: number }>;
}

export type Verdict =
  | { allowed: true }
  | { allowed: false; reason: 'source'; until: number }
  | { allowed: false; reason: 'account'; until: number };

export interface AccountView {
  failures: number;
  lockedUntil: number | null;
}

export class SignInGuard {
  private readonly sources = new Map<string, SourceState>();
  private readonly accounts = new Map<string, AccountState>();

  /** Whether `source` may try `name` now; a lock of the account here is reported before the source's (shorter) wait. */
  check(name: string, source: string, now: number, policy: GuardPolicy): Verdict {
    const a = this.account(name, now, policy);
    if (a?.lockedUntil && (a.bySource.get(source)?.count ?? 0) >= FRESH_TRIES) {
      return { allowed: false, reason: 'account', until: a.lockedUntil };
    }
    const s = this.sources.get(source);
    if (s && s.blockedUntil > now) return { allowed: false, reason: 'source', until: s.blockedUntil };
    return { allowed: true };
  }

  /** Counts a failed try; returns the lock's end when this failure locked the account. */
  failed(name: string, source: string, now: number, policy: GuardPolicy): number | null {
    const prev = this.sources.get(source);
    const run = prev && now - prev.lastAt < SOURCE_MEMORY_MS ? prev.failures + 1 : 1;
    const free = SOURCE_FACTOR * policy.threshold;
    const wait = run >= free ? Math.min(FIRST_WAIT_MS * 2 ** (run - free), policy.lockoutMs) : 0;
    this.put(this.sources, source, { failures: run, lastAt: now, blockedUntil: now + wait });

    const a = this.account(name, now, policy) ?? { lockedUntil: null, bySource: new Map() };
    const mine = a.bySource.get(source);
    a.bySource.set(source, { count: (mine?.count ?? 0) + 1, lastAt: now });
    this.put(this.accounts, name, a);
    if (a.lockedUntil === null && total(a) >= policy.threshold) {
      a.lockedUntil = now + policy.lockoutMs;
      return a.lockedUntil;
    }
    return null;
  }

  succeeded(name: string, source: string, now: number, policy: GuardPolicy): void {
    this.sources.delete(source);
    const a = this.account(name, now, policy);
    a?.bySource.delete(source);
  }

  /** An administrator unlocked the account: its lock goes, and so do the waits of the sources that failed on it. */
  forget(name: string): void {
    const a = this.accounts.get(name);
    if (!a) return;
    for (const source of a.bySource.keys()) this.sources.delete(source);
    this.accounts.delete(name);
  }

  /** The account's failures and lock as the administrator should see them. */
  view(name: string, now: number, policy: GuardPolicy): AccountView {
    const a = this.account(name, now, policy);
    return { failures: a ? total(a) : 0, lockedUntil: a?.lockedUntil ?? null };
  }

  /** The account's state with expired failures and an ended lock cleared. */
  private account(name: string, now: number, policy: GuardPolicy): AccountState | undefined {
    const a = this.accounts.get(name);
    if (!a) return undefined;
    if (a.lockedUntil !== null && a.lockedUntil <= now) {
      a.lockedUntil = null;
      a.bySource.clear(); // like the old lockout: a lock served starts the count again
    }
    if (a.lockedUntil === null) {
      for (const [k, f] of a.bySource) if (now - f.lastAt >= policy.lockoutMs) a.bySource.delete(k);
    }
    if (a.lockedUntil === null && a.bySource.size === 0) {
      this.accounts.delete(name);
      return undefined;
    }
    return a;
  }

  /** Keeps each map within MAX_ENTRIES: the oldest entries go first (a flood of names or addresses). */
  private put<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key); // re-insert: Map order is then least recently failed first
    map.set(key, value);
    for (const k of map.keys()) {
      if (map.size <= MAX_ENTRIES) break;
      map.delete(k);
    }
  }
}

function total(a: AccountState): number {
  let n = 0;
  for (const f of a.bySource.values()) n += f.count;
  return n;
}

const guards = new WeakMap<object, SignInGuard>();

/** The guard of one open database (one per backend; tests open many). */
export function signInGuard(owner: object): SignInGuard {
  let g = guards.get(owner);
  if (!g) {
    g = new SignInGuard();
    guards.set(owner, g);
  }
  return g;
}
