import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { sessions } from '../../db/schema';
import { sql } from '../../db/sql';

type SessionRow = typeof sessions.$inferSelect;
/** A session and whether its user is disabled (0/1: raw SQL does not map drizzle's boolean mode). */
type LiveRow = Pick<SessionRow, 'userId' | 'lastSeenAt' | 'expiresAt'> & { disabled: number };

const insertSession = sql<never, [string, string, number, number, number, string]>(
  'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, client) VALUES (?, ?, ?, ?, ?, ?)',
);
const sessionByTokenHash = sql<LiveRow, [string]>(
  `SELECT s.user_id AS userId, s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt, u.disabled AS disabled
   FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
);
const touchSession = sql<never, [number, string]>('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
const deleteSession = sql<never, [string]>('DELETE FROM sessions WHERE token_hash = ?');
const deleteUserSessions = sql<never, [string]>('DELETE FROM sessions WHERE user_id = ?');

/** A session lasts at most one long shift, and ends earlier after the store's idle limit. */
export const SESSION_MAX_MS = 16 * 3600_000;
/** lastSeen is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 30_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSession(
  sqlite: Database.Database,
  userId: string,
  now: number,
  client: string,
): { token: string; tokenHash: string; expiresAt: number } {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const expiresAt = now + SESSION_MAX_MS;
  insertSession.run(sqlite, tokenHash, userId, now, now, expiresAt, client.slice(0, 200));
  return { token, tokenHash, expiresAt };
}

export interface ResolvedSession {
  tokenHash: string;
  userId: string;
  expiresAt: number;
}

/**
 * Finds the live session for a token. Expired ones (absolute or idle) are
 * deleted and reported as 'expired' so the user gets "sign in again" rather
 * than "sign in first". A disabled user's sessions end at once.
 */
export function resolveSession(
  sqlite: Database.Database,
  token: string,
  now: number,
  idleMinutes: number,
): ResolvedSession | 'expired' | null {
  const tokenHash = hashToken(token);
  const row = sessionByTokenHash.get(sqlite, tokenHash);
  if (!row) return null;
  if (now >= row.expiresAt || now - row.lastSeenAt > idleMinutes * 60_000 || row.disabled) {
    deleteSession.run(sqlite, tokenHash);
    return 'expired';
  }
  if (now - row.lastSeenAt > TOUCH_EVERY_MS) touchSession.run(sqlite, now, tokenHash);
  return { tokenHash, userId: row.userId, expiresAt: Math.min(row.expiresAt, now + idleMinutes * 60_000) };
}

/**
 * Whether a token is a live session, without touching it: an open event stream
 * checks its session again and again, and must not keep it from going idle.
 * Returns the session's token hash (its key) or null.
 */
export function peekSession(sqlite: Database.Database, token: string, now: number, idleMinutes: number): string | null {
  const tokenHash = hashToken(token);
  const row = sessionByTokenHash.get(sqlite, tokenHash);
  if (!row || now >= row.expiresAt || now - row.lastSeenAt > idleMinutes * 60_000 || row.disabled) return null;
  return tokenHash;
}

export function endSession(sqlite: Database.Database, tokenHash: string): void {
  deleteSession.run(sqlite, tokenHash);
}

export function endUserSessions(sqlite: Database.Database, userId: string): void {
  deleteUserSessions.run(sqlite, userId);
}
