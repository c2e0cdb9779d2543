import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { HqScopeDto, HqUserDto } from '../../../src-shared/hq-api/methods/users';
import type { HqRole } from '../../../src-shared/hq-api/roles';
import { hashSecret, verifySecret } from '../../../src-main/services/auth/passwords';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { hqUserScopeRegions, hqUserScopes, hqUserScopeStores, hqUsers, regions, stores } from '../../db/schema';
import { endUserSessions } from './sessions';
import type { HqUserRow } from './users';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const CHAIN: HqScopeDto = { kind: 'chain', regionIds: [], storeIds: [] };

/** Two administrators demoting each other at once must not leave HQ without one. */
const ADMINS_LOCK = 0x48510004;

async function scopesOf(q: Q, ids: string[]): Promise<Map<string, HqScopeDto>> {
  const out = new Map<string, HqScopeDto>();
  if (!ids.length) return out;
  for (const s of await q.select().from(hqUserScopes).where(inArray(hqUserScopes.userId, ids))) {
    out.set(s.userId, { kind: s.kind, regionIds: [], storeIds: [] });
  }
  for (const r of await q.select().from(hqUserScopeRegions).where(inArray(hqUserScopeRegions.userId, ids))) {
    out.get(r.userId)?.regionIds.push(r.regionId);
  }
  for (const r of await q.select().from(hqUserScopeStores).where(inArray(hqUserScopeStores.userId, ids))) {
    out.get(r.userId)?.storeIds.push(r.storeId);
  }
  return out;
}

function dto(u: HqUserRow, scope: HqScopeDto | undefined): HqUserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: iso(u.lastLoginAt),
    scope: scope ?? CHAIN,
  };
}

export async function userDtos(q: Q, users: HqUserRow[]): Promise<HqUserDto[]> {
  const scopes = await scopesOf(
    q,
    users.map((u) => u.id),
  );
  return users.map((u) => dto(u, scopes.get(u.id)));
}

export async function userDto(q: Q, u: HqUserRow): Promise<HqUserDto> {
  return (await userDtos(q, [u]))[0]!;
}

export async function listUsers(q: Q): Promise<HqUserDto[]> {
  return userDtos(q, await q.select().from(hqUsers).orderBy(asc(hqUsers.username)));
}

async function getUser(q: Q, id: string): Promise<HqUserRow> {
  const [row] = await q.select().from(hqUsers).where(eq(hqUsers.id, id));
  if (!row) throw new HqApiError('NOT_FOUND', 'hq.users.notFound');
  return row;
}

/**
 * Display name, role, disabled. Nobody disables or demotes themselves (they
 * would lock themselves out mid-task), and the last active administrator
 * stays one. Disabling ends the user's sessions at once; a new role applies
 * to their next request (the session reads it every time).
 */
export async function updateUser(
  q: Q,
  me: string,
  input: { id: string; displayName?: string; role?: HqRole; disabled?: boolean },
  now: number,
): Promise<HqUserDto> {
  await q.execute(sql`SELECT pg_advisory_xact_lock(${ADMINS_LOCK})`);
  const before = await getUser(q, input.id);
  const disables = input.disabled === true && !before.disabled;
  const demotes = input.role !== undefined && input.role !== 'admin' && before.role === 'admin';
  if (input.id === me && input.disabled) throw new HqApiError('CONFLICT', 'error.selfDisable');
  if (input.id === me && demotes) throw new HqApiError('CONFLICT', 'hq.users.selfDemote');
  if ((disables || demotes) && before.role === 'admin' && !before.disabled) {
    const [other] = await q
      .select({ id: hqUsers.id })
      .from(hqUsers)
      .where(and(eq(hqUsers.role, 'admin'), eq(hqUsers.disabled, false), ne(hqUsers.id, before.id)))
      .limit(1);
    if (!other) throw new HqApiError('CONFLICT', 'error.lastAdmin');
  }
  const values: Partial<HqUserRow> = { updatedAt: now };
  if (input.displayName !== undefined) values.displayName = input.displayName;
  if (input.role !== undefined) values.role = input.role;
  if (input.disabled !== undefined) values.disabled = input.disabled;
  // An administrator sees the whole chain: one who could narrow their own scope could also widen it.
  if (input.role === 'admin') await q.delete(hqUserScopes).where(eq(hqUserScopes.userId, before.id));
  const [after] = await q.update(hqUsers).set(values).where(eq(hqUsers.id, before.id)).returning();
  if (disables) await endUserSessions(q, before.id);
  return userDto(q, after!);
}

/** A temporary password an administrator hands over: sessions end, and the next sign-in must set a new one. */
export async function resetPassword(q: Q, input: { id: string; password: string }, now: number): Promise<HqUserDto> {
  await getUser(q, input.id);
  const [after] = await q
    .update(hqUsers)
    .set({
      secretHash: hashSecret(input.password),
      mustChangePassword: true,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(eq(hqUsers.id, input.id))
    .returning();
  await endUserSessions(q, input.id);
  return userDto(q, after!);
}

/** The user's own new password, proving the current one. Other sessions of theirs end; this one goes on. */
export async function changeOwnPassword(
  q: Q,
  me: string,
  sessionTokenHash: string | null,
  input: { current: string; password: string },
  now: number,
): Promise<void> {
  const user = await getUser(q, me);
  if (!verifySecret(input.current, user.secretHash)) {
    throw new HqApiError('VALIDATION', 'hq.users.wrongCurrent', undefined, [
      { path: 'current', key: 'hq.users.wrongCurrent' },
    ]);
  }
  if (input.current === input.password) {
    throw new HqApiError('VALIDATION', 'hq.users.samePassword', undefined, [
      { path: 'password', key: 'hq.users.samePassword' },
    ]);
  }
  await q
    .update(hqUsers)
    .set({ secretHash: hashSecret(input.password), mustChangePassword: false, updatedAt: now })
    .where(eq(hqUsers.id, me));
  await q.execute(sql`DELETE FROM hq_sessions WHERE user_id = ${me} AND token_hash <> ${sessionTokenHash ?? ''}`);
}

/** The stores a user may see: the chain, some regions' stores, or some stores (each list at least one, each id real). */
export async function setScope(q: Q, id: string, scope: HqScopeDto, now: number): Promise<HqUserDto> {
  const user = await getUser(q, id);
  if (scope.kind !== 'chain' && user.role === 'admin') {
    throw new HqApiError('VALIDATION', 'hq.scope.adminChain', undefined, [
      { path: 'scope.kind', key: 'hq.scope.adminChain' },
    ]);
  }
  const regionIds = [...new Set(scope.regionIds)];
  const storeIds = [...new Set(scope.storeIds)];
  if (scope.kind === 'regions') await mustExist(q, 'regions', regionIds);
  if (scope.kind === 'stores') await mustExist(q, 'stores', storeIds);
  await q.delete(hqUserScopes).where(eq(hqUserScopes.userId, id));
  if (scope.kind !== 'chain') {
    await q.insert(hqUserScopes).values({ userId: id, kind: scope.kind, updatedAt: now });
    if (scope.kind === 'regions') {
      await q.insert(hqUserScopeRegions).values(regionIds.map((regionId) => ({ userId: id, regionId })));
    } else {
      await q.insert(hqUserScopeStores).values(storeIds.map((storeId) => ({ userId: id, storeId })));
    }
  }
  await q.update(hqUsers).set({ updatedAt: now }).where(eq(hqUsers.id, id));
  return userDto(q, user);
}

async function mustExist(q: Q, what: 'regions' | 'stores', ids: string[]): Promise<void> {
  const path = what === 'regions' ? 'scope.regionIds' : 'scope.storeIds';
  if (!ids.length) {
    throw new HqApiError('VALIDATION', `hq.scope.empty.${what}`, undefined, [{ path, key: `hq.scope.empty.${what}` }]);
  }
  const table = what === 'regions' ? regions : stores;
  const found = await q.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  if (found.length !== ids.length) throw new HqApiError('NOT_FOUND', `hq.scope.unknown.${what}`);
}
