import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import type { Q } from '../../db/client';
import { stores, storeTokens } from '../../db/schema';
import { newEnrollmentCode, normalizeEnrollmentCode, sha256 } from '../../lib/secrets';

/** An enrollment code is good for a week; after that HQ issues a new one. */
export const ENROLLMENT_CODE_DAYS = 7;

export class StoreError extends Error {
  constructor(
    readonly reason: 'codeTaken' | 'notFound' | 'revoked',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const enrollmentCodeHash = (code: string) => sha256(`enroll:${normalizeEnrollmentCode(code)}`);

export interface IssuedCode {
  storeId: string;
  /** Shown once: HQ keeps only its hash. */
  enrollmentCode: string;
  expiresAt: number;
}

export async function createStore(
  tx: Q,
  input: { code: string; name: string; regionId?: string | null },
  now: number,
): Promise<IssuedCode> {
  const taken = await tx.select({ id: stores.id }).from(stores).where(eq(stores.code, input.code));
  if (taken.length) throw new StoreError('codeTaken', `a store with code ${input.code} already exists`);
  const id = uuidv7(now);
  const code = newEnrollmentCode();
  const expiresAt = now + ENROLLMENT_CODE_DAYS * 86_400_000;
  await tx.insert(stores).values({
    id,
    code: input.code,
    name: input.name,
    regionId: input.regionId ?? null,
    status: 'pending',
    enrollmentCodeHash: enrollmentCodeHash(code),
    enrollmentExpiresAt: expiresAt,
    createdAt: now,
    updatedAt: now,
  });
  return { storeId: id, enrollmentCode: code, expiresAt };
}

/** A store's name and region (its code is what the store and its documents quote: it stays). */
export async function updateStore(
  tx: Q,
  input: { id: string; name: string; regionId: string | null },
  now: number,
): Promise<void> {
  const done = await tx
    .update(stores)
    .set({ name: input.name, regionId: input.regionId, updatedAt: now })
    .where(eq(stores.id, input.id))
    .returning({ id: stores.id });
  if (!done.length) throw new StoreError('notFound', 'no such store');
}

/**
 * A new one-time code for a store that exists (its first expired, or its PC
 * was replaced). The old code stops working; the store's credential keeps
 * working until the new code is used.
 */
export async function issueEnrollmentCode(tx: Q, storeId: string, now: number): Promise<IssuedCode> {
  const code = newEnrollmentCode();
  const expiresAt = now + ENROLLMENT_CODE_DAYS * 86_400_000;
  const done = await tx
    .update(stores)
    .set({ enrollmentCodeHash: enrollmentCodeHash(code), enrollmentExpiresAt: expiresAt, updatedAt: now })
    .where(eq(stores.id, storeId))
    .returning({ id: stores.id });
  if (!done.length) throw new StoreError('notFound', 'no such store');
  return { storeId, enrollmentCode: code, expiresAt };
}

/** From now on every request with this store's credential or tokens is refused (REVOKED). */
export async function revokeStore(tx: Q, storeId: string, now: number): Promise<void> {
  const done = await tx
    .update(stores)
    .set({ status: 'revoked', revokedAt: now, enrollmentCodeHash: null, enrollmentExpiresAt: null, updatedAt: now })
    .where(eq(stores.id, storeId))
    .returning({ id: stores.id });
  if (!done.length) throw new StoreError('notFound', 'no such store');
  await tx.delete(storeTokens).where(eq(storeTokens.storeId, storeId));
}
