import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ms } from './columns';

/** HQ's staff. Roles: see src-shared/hq-api/roles.ts. */
export const hqUsers = pgTable(
  'hq_users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['admin', 'operations', 'maintenance', 'viewer'] }).notNull(),
    /** scrypt$N$r$p$salt$hash, as at the store. */
    secretHash: text('secret_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    /** An administrator reset the password: the next sign-in must set a new one before anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ms('locked_until'),
    lastLoginAt: ms('last_login_at'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('hq_users_username_uq').on(sql`lower(${t.username})`)],
);

export const hqSessions = pgTable(
  'hq_sessions',
  {
    /** SHA-256 of the cookie token. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => hqUsers.id),
    createdAt: ms('created_at').notNull(),
    lastSeenAt: ms('last_seen_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [index('hq_sessions_user_idx').on(t.userId)],
);

/** Every HQ write: who, when, which method, with what (secrets redacted). Append-only (a trigger refuses the rest). */
export const hqAudit = pgTable(
  'hq_audit',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: ms('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    method: text('method').notNull(),
    /** The store concerned, if any (for the per-store view). */
    storeId: text('store_id'),
    detail: jsonb('detail').notNull(),
  },
  (t) => [index('hq_audit_store_idx').on(t.storeId, t.seq)],
);
