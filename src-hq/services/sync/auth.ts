import { eq, lt } from 'drizzle-orm';
import type { HqContext } from '../../context';
import type { Q } from '../../db/client';
import { stores, storeTokens, syncRequests } from '../../db/schema';
import { newSecret, sha256 } from '../../lib/secrets';
import { SyncRefusal } from './refusal';

export type StoreRow = typeof stores.$inferSelect;

/** Access tokens live an hour: a stolen one is soon useless, and revocation needs no token list at the store. */
export const TOKEN_TTL_MS = 3600_000;
/** Request ids are remembered this long (REPLAYED within it). */
export const REQUEST_MEMORY_MS = 86_400_000;

const tokenHash = (token: string) => sha256(`token:${token}`);
export const credentialHash = (credential: string) => sha256(`credential:${credential}`);

/**
 * The store a bearer token stands for, checked against the store the request
 * names: a store can only ever act as itself.
 */
export async function authenticate(ctx: HqContext, token: string | null, storeId: string): Promise<StoreRow> {
  if (!token)
    throw new SyncRefusal('UNAUTHENTICATED', 'No access token: start a session first (POST /sync/v1/session).');
  const [found] = await ctx.db
    .select({ store: stores, expiresAt: storeTokens.expiresAt })
    .from(storeTokens)
    .innerJoin(stores, eq(stores.id, storeTokens.storeId))
    .where(eq(storeTokens.tokenHash, tokenHash(token)));
  if (!found || found.expiresAt <= ctx.now()) {
    throw new SyncRefusal('UNAUTHENTICATED', 'The access token is unknown or has expired: start a new session.');
  }
  if (found.store.id !== storeId) {
    ctx.log.warn('sync: a token was used for another store', { tokenStore: found.store.id, claimed: storeId });
    throw new SyncRefusal(
      'WRONG_STORE',
      'This access token belongs to another store: a store can only send and receive its own data. HQ has logged the attempt.',
    );
  }
  if (found.store.status === 'revoked') throw revoked(found.store);
  return found.store;
}

/** The store a token was issued to (expired or not), or null: to attribute a refusal to the store that made it. */
export async function storeOfToken(ctx: HqContext, token: string): Promise<string | null> {
  const [found] = await ctx.db
    .select({ storeId: storeTokens.storeId })
    .from(storeTokens)
    .where(eq(storeTokens.tokenHash, tokenHash(token)));
  return found?.storeId ?? null;
}

export function revoked(store: StoreRow): SyncRefusal {
  return new SyncRefusal(
    'REVOKED',
    `HQ has revoked store ${store.code}'s access. Its data stays at the store; ask HQ for a new enrollment code to sync again.`,
  );
}

/**
 * The store a credential belongs to, checked against the store it claims: the
 * session handshake and the update feed (which electron-updater calls with
 * fixed headers, so it cannot hold a 1 h token) authenticate the same way.
 */
export async function verifyCredential(ctx: HqContext, q: Q, storeId: string, credential: string): Promise<StoreRow> {
  const hash = credentialHash(credential);
  const [store] = await q.select().from(stores).where(eq(stores.id, storeId));
  if (!store || store.credentialHash !== hash) {
    const [owner] = await q.select({ id: stores.id }).from(stores).where(eq(stores.credentialHash, hash));
    if (owner) {
      ctx.log.warn('sync: a credential was used for another store', { owner: owner.id, claimed: storeId });
      throw new SyncRefusal(
        'WRONG_STORE',
        'This credential belongs to another store: a store can only sync as itself. HQ has logged the attempt.',
      );
    }
    throw new SyncRefusal(
      'UNAUTHENTICATED',
      'HQ does not know this store or its credential. Enroll the store again with a new code from HQ.',
    );
  }
  if (store.status === 'revoked') throw revoked(store);
  return store;
}

/**
 * Credential -> a fresh 1 h access token. A credential that belongs to
 * another store is WRONG_STORE (and logged); an unknown one UNAUTHENTICATED.
 */
export async function openSession(
  ctx: HqContext,
  q: Q,
  storeId: string,
  credential: string,
): Promise<{ token: string; expiresAt: number; store: StoreRow }> {
  const now = ctx.now();
  const store = await verifyCredential(ctx, q, storeId, credential);
  const token = newSecret();
  const expiresAt = now + TOKEN_TTL_MS;
  await q.insert(storeTokens).values({ tokenHash: tokenHash(token), storeId, createdAt: now, expiresAt });
  await q.update(stores).set({ lastContactAt: now }).where(eq(stores.id, storeId));
  return { token, expiresAt, store };
}

/** Records a request id, in the caller's transaction; a reused one is REPLAYED. */
export async function rememberRequest(q: Q, requestId: string, storeId: string, path: string, now: number) {
  const inserted = await q
    .insert(syncRequests)
    .values({ requestId, storeId, path, at: now })
    .onConflictDoNothing()
    .returning({ id: syncRequests.requestId });
  if (inserted.length === 0) {
    throw new SyncRefusal(
      'REPLAYED',
      `HQ has already received request ${requestId}; nothing was done. A retry must carry a new request id.`,
    );
  }
}

/** The periodic sweep: expired tokens and request ids older than a day. */
export async function sweepSyncState(q: Q, now: number): Promise<void> {
  await q.delete(storeTokens).where(lt(storeTokens.expiresAt, now));
  await q.delete(syncRequests).where(lt(syncRequests.at, now - REQUEST_MEMORY_MS));
}
