import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ms } from './columns';
import { regions } from './regions';

export const STORE_STATUSES = ['pending', 'active', 'revoked'] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

/**
 * The chain's stores. `id` is HQ's until the store enrolls, then the store's
 * own store.id (HQ adopts it, cascading to what refers to it), so the
 * store_id every replica writes is the same text everywhere.
 */
export const stores = pgTable(
  'stores',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Superseded by region_id (migration 0003 turned each text into a region); kept because migrations only add. */
    region: text('region').notNull().default(''),
    /** The store's region, if any: what a regional HQ user's scope is made of. */
    regionId: text('region_id').references(() => regions.id),
    status: text('status', { enum: STORE_STATUSES }).notNull(),
    /** SHA-256 of the one-time enrollment code; null once used or never issued. */
    enrollmentCodeHash: text('enrollment_code_hash'),
    enrollmentExpiresAt: ms('enrollment_expires_at'),
    /** SHA-256 of the store's credential (32 random bytes: a fast hash is enough). */
    credentialHash: text('credential_hash'),
    enrolledAt: ms('enrolled_at'),
    revokedAt: ms('revoked_at'),
    /** What the store said about itself at enrollment. */
    timezone: text('timezone').notNull().default(''),
    currency: text('currency').notNull().default(''),
    lastContactAt: ms('last_contact_at'),
    appVersion: text('app_version').notNull().default(''),
    schemaVersion: integer('schema_version'),
    /** Entries waiting at the store after its last push. */
    backlog: bigint('backlog', { mode: 'number' }).notNull().default(0),
    refusedCount: integer('refused_count').notNull().default(0),
    lastRefusal: jsonb('last_refusal').$type<{ code: string; message: string; at: number } | null>(),
    /** The store's wall clock minus HQ's at its last push (ms). */
    clockSkewMs: bigint('clock_skew_ms', { mode: 'number' }),
    /** A proof of the store's audit chain disagreed with a head HQ had recorded. */
    auditMismatch: boolean('audit_mismatch').notNull().default(false),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('stores_code_uq').on(t.code),
    uniqueIndex('stores_enrollment_code_uq').on(t.enrollmentCodeHash),
    index('stores_region_idx').on(t.regionId),
  ],
);

/** Short-lived access tokens (1 h) a store gets for its credential. */
export const storeTokens = pgTable(
  'store_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id, { onUpdate: 'cascade', onDelete: 'cascade' }),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [index('store_tokens_store_idx').on(t.storeId), index('store_tokens_expiry_idx').on(t.expiresAt)],
);

/** Each confirmed enrollment with its plan: the store's values HQ overruled are kept here. */
export const enrollments = pgTable('enrollments', {
  id: text('id').primaryKey(),
  storeId: text('store_id')
    .notNull()
    .references(() => stores.id, { onUpdate: 'cascade' }),
  at: ms('at').notNull(),
  planHash: text('plan_hash').notNull(),
  plans: jsonb('plans').notNull(),
  appVersion: text('app_version').notNull(),
});
