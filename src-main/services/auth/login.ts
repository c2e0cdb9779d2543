import { sql } from 'drizzle-orm';
import type { SessionDto } from '../../../src-shared/api/common';
import { formatLocalTime } from '../../../src-shared/time';
import { users } from '../../db/schema';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/record';
import type { Ctx } from '../context';
import { storeRow, storeSettings, toStoreDto } from '../store/settings';
import { toUserDto, type UserRow } from '../users/dto';
import { dummyHash, verifySecret } from './passwords';
import { endSession, newSession } from './sessions';

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

/**
 * Signs a user in. Runs its own transactions: a failed attempt must be counted
 * (and audited) even though the call itself fails.
 */
export function login(ctx: Ctx, input: { username: string; secret: string }): SessionDto {
  if (!storeRow(ctx.db)) throw new AppError('SETUP_REQUIRED');
  const settings = storeSettings(ctx.db);
  const tz = storeRow(ctx.db)!.timezone;
  const user = findUserByName(ctx, input.username);
  const fail = (result: string, actor: UserRow | null) =>
    ctx.sqlite.transaction(() =>
      writeAudit(ctx, 'session.login', { input: { username: input.username }, result }, actor),
    )();

  if (!user) {
    verifySecret(input.secret, dummyHash()); // same cost as a real check: no user-name probing by timing
    fail('unknown-user', null);
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > ctx.now) {
    fail('locked', user);
    throw new AppError('LOCKED_OUT', undefined, { until: formatLocalTime(user.lockedUntil, tz) });
  }
  if (!verifySecret(input.secret, user.secretHash)) {
    const failed = user.failedAttempts + 1;
    const lock = failed >= settings.lockoutThreshold;
    const lockedUntil = lock ? ctx.now + settings.lockoutMinutes * 60_000 : user.lockedUntil;
    ctx.sqlite.transaction(() => {
      ctx.sqlite
        .prepare('UPDATE users SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?')
        .run(lock ? 0 : failed, lockedUntil, ctx.now, user.id);
      writeAudit(
        ctx,
        'session.login',
        { input: { username: input.username }, result: lock ? 'locked-now' : 'bad-secret' },
        user,
      );
    })();
    if (lock) throw new AppError('LOCKED_OUT', undefined, { until: formatLocalTime(lockedUntil!, tz) });
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.disabled) {
    fail('disabled', user);
    throw new AppError('FORBIDDEN', 'error.disabledUser');
  }
  return ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        'UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ?, updated_at = ? WHERE id = ?',
      )
      .run(ctx.now, ctx.now, user.id);
    writeAudit(ctx, 'session.login', { input: { username: input.username }, result: 'ok' }, user);
    return startSession(ctx, { ...user, failedAttempts: 0, lockedUntil: null, lastLoginAt: ctx.now });
  })();
}

export function logout(ctx: Ctx): { ok: true } {
  if (ctx.sessionTokenHash) endSession(ctx.sqlite, ctx.sessionTokenHash);
  ctx.setSession(null);
  return { ok: true };
}
