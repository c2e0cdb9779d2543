import * as z from './lazy-zod';
import { ROLES } from '../roles';
import { LOCALES } from '../i18n/locales';

/** Ids are UUIDv7 strings generated where the row is born (see src-main/lib/ids.ts). */
export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, {
  message: 'validation.id',
});
/**
 * The years a date or an instant may fall in. Wide enough for any equipment's
 * install day or a far expiry; narrow enough that `0001-01-01` or
 * `9999-12-31` (which pass a pattern) never reach a report's day loop or a
 * ledger's moving average.
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

function isDayOfCalendar(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** `YYYY-MM-DD` naming a real day (no 2026-13-01, 2026-02-30, 0000-00-00) within the years above. */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && isDayOfCalendar(Number(m[1]), Number(m[2]), Number(m[3]));
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant: a real day, a real time, and a zone (`Z` or `±HH:MM`),
 * so `Date.parse` cannot guess (`"1"` is not 2001, `"garbage"` is not NaN
 * somewhere downstream).
 */
export function isInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  if (!m || !isDayOfCalendar(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hh, mm, ss, oh, om] = [m[4], m[5], m[6] ?? '0', m[7] ?? '0', m[8] ?? '0'].map(Number) as number[];
  return hh! <= 23 && mm! <= 59 && ss! <= 59 && oh! <= 14 && om! <= 59 && Number.isFinite(Date.parse(text));
}

/**
 * A day of the calendar, as every date field of the API takes it. `abort`: the
 * checks of the enclosing object (from <= to) do not run on a non-day.
 */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date', abort: true })
  .refine(isCalendarDay, { message: 'security.v.day', abort: true });
/** A moment in time with its zone, as every time field of the API takes it. */
export const Instant = z.string().refine(isInstant, { message: 'security.v.instant', abort: true });
/** Times in DTOs are instants too (toISOString). */
export const IsoTime = Instant;
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
