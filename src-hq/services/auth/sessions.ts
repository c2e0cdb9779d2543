import { and, eq, gt } from 'drizzle-orm';
import type { Q } from '../../db/client';
import type { HqScopeKind } from '../../../src-shared/hq-api/scope';
import { hqSessions, hqUserScopes, hqUsers } from '../../db/schema';
import { newSecret, sha256 } from '../../lib/secrets';
import type { HqUserRow } from './users';

/** A sign-in lasts a working day at most, and ends after two idle hours. */
export const SESSION_MS = 12 * 3600_000;
export const IDLE_MS = 2 * 3600_000;

const hash = (token: string) => sha256(`hq-session:${token}`);

export async function openHqSession(q: Q, userId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = newSecret();
  const expiresAt = now + SESSION_MS;
  await q.insert(hqSessions).values({ tokenHash: hash(token), userId, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, expiresAt };
}

export async function resolveHqSession(
  q: Q,
  token: string,
  now: number,
): Promise<{ user: HqUserRow; scope: HqScopeKind; tokenHash: string; expiresAt: number } | null> {
  // The scope comes with the session's own lookup: checking it costs a request nothing more.
  const [found] = await q
    .select({ user: hqUsers, session: hqSessions, scope: hqUserScopes.kind })
    .from(hqSessions)
    .innerJoin(hqUsers, eq(hqUsers.id, hqSessions.userId))
    .leftJoin(hqUserScopes, eq(hqUserScopes.userId, hqUsers.id))
    .where(and(eq(hqSessions.tokenHash, hash(token)), gt(hqSessions.expiresAt, now)));
  if (!found || found.user.disabled || found.session.lastSeenAt + IDLE_MS < now) return null;
  if (now - found.session.lastSeenAt > 60_000) {
    await q.update(hqSessions).set({ lastSeenAt: now }).where(eq(hqSessions.tokenHash, found.session.tokenHash));
  }
  return {
    user: found.user,
    scope: found.scope ?? 'chain',
    tokenHash: found.session.tokenHash,
    expiresAt: found.session.expiresAt,
  };
}

export async function closeHqSession(q: Q, tokenHash: string): Promise<void> {
  await q.delete(hqSessions).where(eq(hqSessions.tokenHash, tokenHash));
}

/** Every session of a user ends at once (disabled, or an administrator reset the password). */
export async function endUserSessions(q: Q, userId: string): Promise<void> {
  await q.delete(hqSessions).where(eq(hqSessions.userId, userId));
}
