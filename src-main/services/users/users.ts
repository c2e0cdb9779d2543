import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { UserDto } from '../../../src-shared/api/common';
import type { Role } from '../../../src-shared/roles';
import { sessions, users } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import { hashSecret, verifySecret } from '../auth/passwords';
import { endSession, endUserSessions } from '../auth/sessions';
import { findUserByName } from '../auth/login';
import { signInGuard } from '../auth/sign-in-guard';
import { requireUser, type Ctx } from '../context';
import { stampIfReplicated } from '../record-stamp';
import { storeSettings } from '../store/settings';
import { toUserDto, type UserRow } from './dto';

interface Credential {
  authKind: 'pin' | 'password';
  secret: string;
}

function getUser(ctx: Ctx, id: string): UserRow {
  const row = ctx.db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function saveUser(ctx: Ctx, before: UserRow, given: Partial<UserRow>): UserRow {
  const values = stampIfReplicated(users, before, given, ctx.now);
  const after = { ...before, ...values };
  if (Object.keys(values).length > 0) ctx.db.update(users).set(values).where(eq(users.id, before.id)).run();
  ctx.changed({ table: 'users', id: before.id, op: 'update', ...diff(before, after) });
  return after;
}

export function listUsers(ctx: Ctx): UserDto[] {
  return ctx.db.select().from(users).orderBy(asc(users.username)).all().map(toUserDto);
}

export function createUser(
  ctx: Ctx,
  input: { username: string; displayName: string; role: Role } & Credential,
): UserDto {
  if (findUserByName(ctx, input.username)) {
    throw new AppError('CONFLICT', 'error.usernameTaken', { username: input.username }, [
      { path: 'username', key: 'error.usernameTaken', params: { username: input.username } },
    ]);
  }
  const row: UserRow = {
    id: uuidv7(ctx.now),
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    authKind: input.authKind,
    secretHash: hashSecret(input.secret),
    disabled: false,
    locale: null,
    failedAttempts: 0,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  ctx.db.insert(users).values(row).run();
  ctx.changed({ table: 'users', id: row.id, op: 'insert', values: { ...row } });
  return toUserDto(row);
}

/** Another active admin exists besides `id` (the store must never lose its last admin). */
function otherActiveAdmin(ctx: Ctx, id: string): boolean {
  return !!ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, id)))
    .get();
}

export function updateUser(
  ctx: Ctx,
  input: { id: string; displayName?: string; role?: Role; disabled?: boolean },
): UserDto {
  const me = requireUser(ctx);
  const before = getUser(ctx, input.id);
  if (input.disabled && input.id === me.id) throw new AppError('CONFLICT', 'error.selfDisable');
  const losesAdmin =
    before.role === 'admin' && !before.disabled && (input.disabled === true || (input.role && input.role !== 'admin'));
  if (losesAdmin && !otherActiveAdmin(ctx, before.id)) throw new AppError('CONFLICT', 'error.lastAdmin');
  const values: Partial<UserRow> = {};
  if (input.displayName !== undefined) values.displayName = input.displayName;
  if (input.role !== undefined) values.role = input.role;
  if (input.disabled !== undefined) values.disabled = input.disabled;
  const after = saveUser(ctx, before, values);
  // A disabled user or a changed role must not keep a session with the old rights.
  if (input.disabled || (input.role && input.role !== before.role)) endUserSessions(ctx.sqlite, before.id);
  return toUserDto(after);
}

export function resetSecret(ctx: Ctx, input: { id: string } & Credential): UserDto {
  const before = getUser(ctx, input.id);
  const after = saveUser(ctx, before, {
    authKind: input.authKind,
    secretHash: hashSecret(input.secret),
    failedAttempts: 0,
    lockedUntil: null,
  });
  endUserSessions(ctx.sqlite, before.id);
  signInGuard(ctx.sqlite).forget(before.username.toLowerCase());
  return toUserDto(after);
}

export function unlockUser(ctx: Ctx, input: { id: string }): UserDto {
  const before = getUser(ctx, input.id);
  signInGuard(ctx.sqlite).forget(before.username.toLowerCase());
  return toUserDto(saveUser(ctx, before, { failedAttempts: 0, lockedUntil: null }));
}

/** Wrong current secrets per user since the last right one (in memory, per open database). */
const wrongCurrent = new WeakMap<object, Map<string, number>>();

/**
 * Changes the caller's own PIN or password, proving the current one. Someone
 * at a PC left signed in must not be able to guess the PIN from there: after
 * the store's sign-in threshold of wrong tries (counted per user, across their
 * sessions) the session is signed out, and signing in again needs the secret.
 * Wrong tries are audited although the call fails (the contract declares
 * auditFailures: dispatch records them once the call is rolled back).
 */
export function changeOwnSecret(ctx: Ctx, input: { current: string } & Credential): { ok: true } {
  const me = getUser(ctx, requireUser(ctx).id);
  let tries = wrongCurrent.get(ctx.sqlite);
  if (!tries) wrongCurrent.set(ctx.sqlite, (tries = new Map()));

  if (!verifySecret(input.current, me.secretHash)) {
    const wrong = (tries.get(me.id) ?? 0) + 1;
    const limit = storeSettings(ctx.db).lockoutThreshold;
    if (wrong >= limit) {
      tries.delete(me.id);
      ctx.auditNote({ result: 'signed-out', summary: { wrongTries: wrong } });
      const tokenHash = ctx.sessionTokenHash;
      if (tokenHash) ctx.keepOnFailure(() => endSession(ctx.sqlite, tokenHash));
      ctx.setSession(null);
      throw new AppError('UNAUTHENTICATED', 'security.secret.signedOut');
    }
    tries.set(me.id, wrong);
    ctx.auditNote({ result: 'wrong-current', summary: { wrongTries: wrong } });
    const left = { left: limit - wrong };
    throw new AppError('VALIDATION', 'security.secret.wrongCurrent', left, [
      { path: 'current', key: 'security.secret.wrongCurrent', params: left },
    ]);
  }
  tries.delete(me.id);
  saveUser(ctx, me, { authKind: input.authKind, secretHash: hashSecret(input.secret) });
  // Other devices signed in as this user must sign in again; this one keeps its session.
  ctx.db
    .delete(sessions)
    .where(and(eq(sessions.userId, me.id), ne(sessions.tokenHash, ctx.sessionTokenHash ?? '')))
    .run();
  return { ok: true };
}

export function setOwnLocale(ctx: Ctx, locale: string): { ok: true } {
  const me = requireUser(ctx);
  ctx.db.update(users).set({ locale, updatedAt: ctx.now }).where(eq(users.id, me.id)).run();
  ctx.changed({ table: 'users', id: me.id, op: 'update', values: { locale } });
  return { ok: true };
}

export function countUsers(ctx: Ctx): number {
  return (
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0
  );
}
