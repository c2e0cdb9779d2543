import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { HqContext } from '../../context';
import type { Q } from '../../db/client';
import { enrollmentFailures, hqAudit } from '../../db/schema';
import { SyncRefusal } from '../sync/refusal';

/**
 * Enrollment codes are 15 characters from a 32-letter alphabet, but nothing
 * stopped a script from trying them one after another. Wrong codes are
 * counted per sending address and for all addresses together, in a sliding
 * window kept in the database (every HQ process sees the same count). Past
 * the limit every attempt is refused, a right code too (else a guesser would
 * learn when it hit), until the oldest counted failure leaves the window.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  /** Wrong codes from one address within the window. */
  perSource: 5,
  /** Wrong codes from everywhere within the window (a guesser with many addresses). */
  overall: 50,
} as const;

/** Failures are kept this long (the window, with a margin) and then pruned. */
const KEEP_MS = 24 * 3600_000;

/** The instant the `limit`-th newest failure in the window leaves it, if there are that many. */
async function freeAt(q: Q, since: number, limit: number, source?: string): Promise<number | null> {
  const inWindow = gt(enrollmentFailures.at, since);
  const [row] = await q
    .select({ at: enrollmentFailures.at })
    .from(enrollmentFailures)
    .where(source === undefined ? inWindow : and(eq(enrollmentFailures.source, source), inWindow))
    .orderBy(desc(enrollmentFailures.at))
    .offset(limit - 1)
    .limit(1);
  return row ? row.at + THROTTLE.windowMs : null;
}

/** Throws TOO_MANY_ATTEMPTS (with the seconds to wait) when this address, or everyone, has used up the window. */
export async function checkEnrollmentThrottle(ctx: HqContext, source: string): Promise<void> {
  const now = ctx.now();
  const since = now - THROTTLE.windowMs;
  const mine = await freeAt(ctx.db, since, THROTTLE.perSource, source);
  const all = mine === null ? await freeAt(ctx.db, since, THROTTLE.overall) : null;
  const until = mine ?? all;
  if (until === null) return;
  const retryAfter = Math.max(1, Math.ceil((until - now) / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  ctx.log.warn('enrollment throttled', { source, scope: mine !== null ? 'address' : 'all', retryAfter });
  throw new SyncRefusal(
    'TOO_MANY_ATTEMPTS',
    mine !== null
      ? `Too many wrong enrollment codes from this address: HQ accepts no code from it for ${minutes} min. Check the code with HQ before trying again.`
      : `Too many wrong enrollment codes were tried at HQ: it accepts none for ${minutes} min. Check the code with HQ before trying again.`,
    { retryAfter },
  );
}

/** A wrong code: counted for the throttle, written to HQ's log and audit (by address; the code itself never). */
export async function recordEnrollmentFailure(ctx: HqContext, source: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(enrollmentFailures).where(lt(enrollmentFailures.at, now - KEEP_MS));
    await tx.insert(enrollmentFailures).values({ at: now, source });
    await tx.insert(hqAudit).values({ at: now, method: 'sync.enroll.invalidCode', detail: { source } });
  });
  ctx.log.warn('wrong enrollment code', { source });
}
