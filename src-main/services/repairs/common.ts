import type { MessageKey } from '../../../src-shared/i18n';
import { DEFAULT_REPAIR_SETTINGS, type RepairSettings } from '../../../src-shared/repairs/settings';
import { dayKeyer, dayStart, toIso } from '../../../src-shared/time';
import type { store, users } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { parseSettings } from '../store/settings';

export { fieldError };

/**
 * The store row's facts these services ask for on every step (zone, settings):
 * one named statement, cheaper than drizzle's query builder for a read this small.
 */
const storeFacts = sql<Pick<typeof store.$inferSelect, 'id' | 'code' | 'timezone' | 'settings'>>(
  'SELECT id, code, timezone, settings FROM store LIMIT 1',
);

/** The store's time zone (UTC before setup). */
export function storeTz(ctx: Pick<Ctx, 'sqlite'>): string {
  return storeFacts.get(ctx.sqlite)?.timezone ?? 'UTC';
}

export function storeCode(ctx: Pick<Ctx, 'sqlite'>): string {
  return storeFacts.get(ctx.sqlite)?.code ?? '';
}

/** The business day of an instant in the store's zone. */
export function dayOf(ctx: Pick<Ctx, 'sqlite'>, ms: number): string {
  return dayKeyer(storeTz(ctx))(ms);
}

export function today(ctx: Pick<Ctx, 'sqlite' | 'now'>): string {
  return dayOf(ctx, ctx.now);
}

const dayStarts = new Map<string, number>();
/** The instant a business day starts in the store's zone (cached: reports ask for it per equipment). */
export function startOfDay(ctx: Pick<Ctx, 'sqlite'>, day: string): number {
  const key = `${storeTz(ctx)} ${day}`;
  let v = dayStarts.get(key);
  if (v === undefined) {
    if (dayStarts.size > 5000) dayStarts.clear();
    dayStarts.set(key, (v = dayStart(day, storeTz(ctx))));
  }
  return v;
}

let parsedFrom: string | undefined;
let parsed: RepairSettings = DEFAULT_REPAIR_SETTINGS;
/** The store's repair settings (parsed once per change of the settings JSON). */
export function repairSettings(ctx: Pick<Ctx, 'sqlite'>): RepairSettings {
  const json = storeFacts.get(ctx.sqlite)?.settings;
  if (json !== parsedFrom) {
    parsedFrom = json;
    parsed = parseSettings(json).repairs ?? DEFAULT_REPAIR_SETTINGS;
  }
  return parsed;
}

export function storeId(ctx: Pick<Ctx, 'sqlite'>): string {
  const row = storeFacts.get(ctx.sqlite);
  if (!row) throw new AppError('SETUP_REQUIRED');
  return row.id;
}

export const iso = (ms: number | null | undefined) => toIso(ms);
export const isoOf = (ms: number) => toIso(ms)!;

export function notFound(key: MessageKey, params?: Record<string, string | number>): never {
  throw new AppError('NOT_FOUND', key, params);
}

const userNameRows = sql<Pick<typeof users.$inferSelect, 'id' | 'displayName'>>(
  'SELECT id, display_name AS displayName FROM users',
);

/** Display names of users by id, loaded once per call. */
export function userNames(ctx: Pick<Ctx, 'sqlite'>): (id: string | null | undefined) => string | null {
  const map = new Map(userNameRows.all(ctx.sqlite).map((r) => [r.id, r.displayName]));
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
