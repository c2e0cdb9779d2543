import { eq, sql } from 'drizzle-orm';
import type { SessionDto } from '../../../src-shared/api/common';
import { translate } from '../../../src-shared/i18n';
import { formatLocalTime } from '../../../src-shared/time';
import { users } from '../../db/schema';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { storeRow, storeSettings, toStoreDto } from '../store/settings';
import { toUserDto, type UserRow } from '../users/dto';
import { dummyHash, verifySecret } from './passwords';
import { endSession, newSession } from './sessions';
import { signInGuard, type GuardPolicy } from './sign-in-guard';

export function findUserByName(ctx: Ctx, username: string): UserRow | undefined {
  return ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .get();
}

export function sessionDto(ctx: Ctx, user: UserRow | null, expiresAt: number | null): SessionDto {
  const row = storeRow(ctx.db);
  return {
    user: user ? toUserDto(user) : null,
    store: row ? toStoreDto(row) : null,
    initialized: row !== undefined,
    expiresAt: user && expiresAt ? new Date(expiresAt).toISOString() : null,
    lan: ctx.host.lan,
  };
}

/** Starts a session for a user whose credential was just proven (login or setup). */
export function startSession(ctx: Ctx, user: UserRow): SessionDto {
  const { token, expiresAt } = newSession(ctx.sqlite, user.id, ctx.now, ctx.caller.client);
  ctx.setSession({ token, expiresAt });
  return sessionDto(ctx, user, expiresAt);
}

/** The guard's policy from the store settings (failed sign-ins before lockout, lockout length). */
export function guardPolicy(ctx: Ctx): GuardPolicy {
  const settings = storeSettings(ctx.db);
  return { threshold: settings.lockoutThreshold, lockoutMs: settings.lockoutMinutes * 60_000 };
}

/** How long to wait, in the caller's language ("45 s", "3 min"). */
function waitText(ctx: Ctx, ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 90
    ? translate(ctx.locale, 'security.wait.seconds', { n: seconds })
    : translate(ctx.locale, 'security.wait.minutes', { n: Math.ceil(seconds / 60) });
}

/**
 * Mirrors the guard's view of an account to its row, where the administrator
 * sees it. Store-only columns: the row's updated_at stays (services/record-stamp.ts).
 */
function mirrorLock(ctx: Ctx, user: UserRow, name: string, policy: GuardPolicy): void {
  const view = signInGuard(ctx.sqlite).view(name, ctx.now, policy);
  ctx.db
    .update(users)
    .set({ failedAttempts: view.failures, lockedUntil: view.lockedUntil })
    .where(eq(users.id, user.id))
    .run();
}

/**
 * Signs a user in under the rules of sign-in-guard.ts. A failed attempt is
 * counted and audited although the call fails: the contract declares
 * auditFailures, so dispatch writes what this keeps for a failure (the
 * account's counters) with the attempt's audit entry once the call is rolled
 * back. Attempts refused before any check (a locked account, a waiting
 * source) say nothing for the audit: they cost an attacker nothing, so
 * recording each one would let him grow the audit log without end.
 */
export function login(ctx: Ctx, input: { username: string; secret: string }): SessionDto {
  const row = storeRow(ctx.db);
  if (!row) throw new AppError('SETUP_REQUIRED');
  const policy = guardPolicy(ctx);
  const guard = signInGuard(ctx.sqlite);
  const name = input.username.trim().toLowerCase();
  const source = ctx.caller.source ?? 'local';
  const outcome = (result: string, actor: UserRow | null) =>
    ctx.auditNote({
      input: { username: input.username },
      result,
      summary: { source },
      actor: actor && { id: actor.id, username: actor.username },
    });

  const verdict = guard.check(name, source, ctx.now, policy);
  if (!verdict.allowed && verdict.reason === 'account') {
    throw new AppError('LOCKED_OUT', 'security.signIn.lockedHere', {
      until: formatLocalTime(verdict.until, row.timezone),
    });
  }
  if (!verdict.allowed) {
    throw new AppError('RATE_LIMITED', 'security.signIn.sourceWait', { wait: waitText(ctx, verdict.until - ctx.now) });
  }

  const user = findUserByName(ctx, input.username);
  // One scrypt check whether the name exists or not: the same work, the same time.
  const proven = verifySecret(input.secret, user?.secretHash ?? dummyHash()) && user !== undefined;
  if (!proven) {
    const lockedUntil = guard.failed(name, source, ctx.now, policy);
    outcome(lockedUntil ? 'locked-now' : user ? 'bad-secret' : 'unknown-user', user ?? null);
    if (user) ctx.keepOnFailure(() => mirrorLock(ctx, user, name, policy));
    if (lockedUntil) {
      throw new AppError('LOCKED_OUT', 'security.signIn.lockedHere', {
        until: formatLocalTime(lockedUntil, row.timezone),
      });
    }
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.disabled) {
    outcome('disabled', user);
    throw new AppError('FORBIDDEN', 'error.disabledUser');
  }
  guard.succeeded(name, source, ctx.now, policy);
  mirrorLock(ctx, user, name, policy);
  ctx.db.update(users).set({ lastLoginAt: ctx.now }).where(eq(users.id, user.id)).run();
  outcome('ok', user);
  const view = guard.view(name, ctx.now, policy);
  return startSession(ctx, {
    ...user,
    failedAttempts: view.failures,
    lockedUntil: view.lockedUntil,
    lastLoginAt: ctx.now,
  });
}

export function logout(ctx: Ctx): { ok: true } {
  if (ctx.sessionTokenHash) endSession(ctx.sqlite, ctx.sessionTokenHash);
  ctx.setSession(null);
  return { ok: true };
}
