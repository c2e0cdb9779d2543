import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Times are integer milliseconds since the epoch (UTC); the store's time zone
 * is applied only when displaying. Ids are UUIDv7 text generated at the store.
 */

/** The store this database belongs to: exactly one row once set up. */
export const store = sqliteTable('store', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  timezone: text('timezone').notNull(),
  currency: text('currency').notNull().default('CNY'),
  /** JSON of StoreSettingsDto; validated by zod on every read and write. */
  settings: text('settings').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['clerk', 'manager', 'technician', 'admin'] }).notNull(),
    authKind: text('auth_kind', { enum: ['pin', 'password'] }).notNull(),
    /** scrypt$N$r$p$salt$hash (see services/auth/passwords.ts). */
    secretHash: text('secret_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    locale: text('locale'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: integer('locked_until'),
    lastLoginAt: integer('last_login_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the bearer token: a stolen database file yields no usable session. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** Absolute end; the idle limit comes from the store settings. */
    expiresAt: integer('expires_at').notNull(),
    client: text('client').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Append-only, hash-chained. UPDATE and DELETE are refused by triggers (see the
 * custom migration); `hash` = sha256(prev_hash | seq | at | user | method | detail).
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: integer('at').notNull(),
  userId: text('user_id'),
  username: text('username'),
  method: text('method').notNull(),
  detail: text('detail').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Small key/value facts about this database (audit head, last backup, ...). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const prefs = sqliteTable(
  'prefs',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
