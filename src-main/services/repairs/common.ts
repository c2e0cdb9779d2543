import type { MessageKey } from '../../../src-shared/i18n';
import { DEFAULT_REPAIR_SETTINGS, type RepairSettings } from '../../../src-shared/repairs/settings';
import { toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { dayKeyer, dayStart } from '../stock/day';
import { storeRow, storeSettings } from '../store/settings';

export { fieldError };

const keyers = new Map<string, (ms: number) => string>();

/** The store's time zone (UTC before setup). */
export function storeTz(ctx: Pick<Ctx, 'db'>): string {
  return storeRow(ctx.db)?.timezone ?? 'UTC';
}

/** The business day of an instant in the store's zone. */
export function dayOf(ctx: Pick<Ctx, 'db'>, ms: number): string {
  const tz = storeTz(ctx);
  let k = keyers.get(tz);
  if (!k) keyers.set(tz, (k = dayKeyer(tz)));
  return k(ms);
}

export function today(ctx: Pick<Ctx, 'db' | 'now'>): string {
  return dayOf(ctx, ctx.now);
}

/** The instant a business day starts in the store's zone. */
export function startOfDay(ctx: Pick<Ctx, 'db'>, day: string): number {
  return dayStart(day, storeTz(ctx));
}

export function repairSettings(ctx: Pick<Ctx, 'db'>): RepairSettings {
  return storeSettings(ctx.db).repairs ?? DEFAULT_REPAIR_SETTINGS;
}

export function storeId(ctx: Pick<Ctx, 'db'>): string {
  const row = storeRow(ctx.db);
  if (!row) throw new AppError('SETUP_REQUIRED');
  return row.id;
}

export const iso = (ms: number | null | undefined) => toIso(ms);
export const isoOf = (ms: number) => toIso(ms)!;

export function notFound(key: MessageKey, params?: Record<string, string | number>): never {
  throw new AppError('NOT_FOUND', key, params);
}

/** Display names of users by id, loaded once per call. */
export function userNames(ctx: Ctx): (id: string | null | undefined) => string | null {
  const map = new Map(
    (ctx.sqlite.prepare('SELECT id, display_name AS n FROM users').all() as { id: string; n: string }[]).map((r) => [
      r.id,
      r.n,
    ]),
  );
  return (id) => (id ? (map.get(id) ?? null) : null);
}

export const parseList = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** QR payload of an equipment label. */
export const qrPayload = (code: string) => `EQ:${code}`;

/** Whole minutes, rounded half up (durations shown to users). */
export const minutes = (ms: number) => Math.round(ms / 60_000);
