import { count, eq, sql } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import { hashSecret, verifySecret, dummyHash } from '../../../src-main/services/auth/passwords';
import type { HqRole } from '../../../src-shared/hq-api/roles';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { hqUsers } from '../../db/schema';

export type HqUserRow = typeof hqUsers.$inferSelect;

/** Five wrong passwords lock an HQ account for a quarter of an hour. */
const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60_000;

export async function userCount(q: Q): Promise<number> {
  const [r] = await q.select({ n: count() }).from(hqUsers);
  return r?.n ?? 0;
}

export async function createHqUser(
  q: Q,
  input: { username: string; displayName: string; role: HqRole; password: string },
  now: number,
): Promise<HqUserRow> {
  const [taken] = await q
    .select({ id: hqUsers.id })
    .from(hqUsers)
    .where(sql`lower(${hqUsers.username}) = lower(${input.username})`);
  if (taken) throw new HqApiError('CONFLICT', 'error.usernameTaken', { username: input.username });
  const [row] = await q
    .insert(hqUsers)
    .values({
      id: uuidv7(now),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      secretHash: hashSecret(input.password),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/**
 * Checks a password. A failure is recorded on the account (and locks it after
 * five), so the caller runs this outside the call's transaction, which a
 * failed sign-in rolls back.
 */
export async function checkPassword(q: Q, username: string, password: string, now: number): Promise<HqUserRow> {
  const [user] = await q
    .select()
    .from(hqUsers)
    .where(sql`lower(${hqUsers.username}) = lower(${username})`);
  if (!user || user.disabled) {
    verifySecret(password, dummyHash()); // the same time whether or not the user exists
    throw new HqApiError('BAD_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new HqApiError('LOCKED_OUT', undefined, { until: new Date(user.lockedUntil).toISOString() });
  }
  if (!verifySecret(password, user.secretHash)) {
    const failures = user.failedAttempts + 1;
    await q
      .update(hqUsers)
      .set({
        failedAttempts: failures >= MAX_FAILURES ? 0 : failures,
        lockedUntil: failures >= MAX_FAILURES ? now + LOCK_MS : user.lockedUntil,
        updatedAt: now,
      })
      .where(eq(hqUsers.id, user.id));
    throw new HqApiError('BAD_CREDENTIALS');
  }
  await q
    .update(hqUsers)
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now, updatedAt: now })
    .where(eq(hqUsers.id, user.id));
  return { ...user, lastLoginAt: now };
}
