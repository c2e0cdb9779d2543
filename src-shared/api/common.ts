import { z } from 'zod';
import { ROLES } from '../roles';
import { LOCALES } from '../i18n';

/** Ids are UUIDv7 strings generated where the row is born (see src-main/lib/ids.ts). */
export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, {
  message: 'validation.id',
});
export const IsoTime = z.string();
export const RoleSchema = z.enum(ROLES);
export const LocaleSchema = z.enum(LOCALES);
export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/**
 * A PIN is 4-8 digits, a password 8-128 characters. Messages are i18n keys;
 * dispatch translates them into the caller's language.
 */
export const AuthKind = z.enum(['pin', 'password']);
export const Credential = z.object({ authKind: AuthKind, secret: z.string() }).superRefine((v, ctx) => {
  if (v.authKind === 'pin' && !/^\d{4,8}$/.test(v.secret)) {
    ctx.addIssue({ code: 'custom', path: ['secret'], message: 'validation.pinFormat' });
  }
  if (v.authKind === 'password' && (v.secret.length < 8 || v.secret.length > 128)) {
    ctx.addIssue({ code: 'custom', path: ['secret'], message: 'validation.passwordLength' });
  }
});

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'validation.username' });
export const DisplayName = z.string().trim().min(1).max(60);

export const UserDto = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  authKind: AuthKind,
  disabled: z.boolean(),
  locale: LocaleSchema.nullable(),
  failedAttempts: z.number().int(),
  lockedUntil: IsoTime.nullable(),
  lastLoginAt: IsoTime.nullable(),
  createdAt: IsoTime,
});
export type UserDto = z.infer<typeof UserDto>;

export const StoreDto = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  address: z.string(),
  timezone: z.string(),
  currency: z.string(),
});
export type StoreDto = z.infer<typeof StoreDto>;

/** Keyset paging for append-only tables: pass the last row's cursor to get the next page. */
export const PageInput = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  cursor: z.string().nullish(),
});

export const SessionDto = z.object({
  user: UserDto.nullable(),
  store: StoreDto.nullable(),
  initialized: z.boolean(),
  expiresAt: IsoTime.nullable(),
  /** True when the host listens beyond loopback (--lan). */
  lan: z.boolean(),
});
export type SessionDto = z.infer<typeof SessionDto>;
