import type { Statement } from 'better-sqlite3';
import type { MessageKey } from '../../../src-shared/i18n';
import { DEFAULT_REPAIR_SETTINGS, type RepairSettings } from '../../../src-shared/repairs/settings';
import { dayKeyer, dayStart, toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { parseSettings } from '../store/settings';

export { fieldError };

interface StoreFacts {
  id: string;
  code: string;
  timezone: string;
  settings: string;
}
const storeStatements = new WeakMap<Ctx['sqlite'], Statement>();
/**
 * The store row, read through one prepared statement per database: services
 * here ask for the zone and the settings on every step, and drizzle's query
 * builder costs more than the read itself.
 */
function storeFacts(ctx: Pick<Ctx, 'sqlite'>): StoreFacts | undefined {
  let st = storeStatements.get(ctx.sqlite);
  if (!st)
    storeStatements.set(
      ctx.sqlite,
      (st = ctx.sqlite.prepare('SELECT id, code, timezone, settings FROM store LIMIT 1')),
    );
  return st.get() as StoreFacts | undefined;
}

const statements = new WeakMap<Ctx['sqlite'], Map<string, Statement>>();
/**
 * A prepared statement, cached per database: preparing costs more than
 * running most of these small queries (the demo's year of tickets halves).
 */
export function prep(ctx: Pick<Ctx, 'sqlite'>, sql: string): Statement {
  let m = statements.get(ctx.sqlite);
  if (!m) statements.set(ctx.sqlite, (m = new Map()));
  let st = m.get(sql);
  if (!st) {
    if (m.size > 1000) m.clear(); // dynamic filters make a bounded but open set
    m.set(sql, (st = ctx.sqlite.prepare(sql)));
  }
  return st;
}

/** The store's time zone (UTC before setup). */
export function storeTz(ctx: Pick<Ctx, 'sqlite'>): string {
  return storeFacts(ctx)?.timezone ?? 'UTC';
}

export function storeCode(ctx: Pick<Ctx, 'sqlite'>): string {
  return storeFacts(ctx)?.code ?? '';
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
  const json = storeFacts(ctx)?.settings;
  if (json !== parsedFrom) {
    parsedFrom = json;
    parsed = parseSettings(json).repairs ?? DEFAULT_REPAIR_SETTINGS;
  }
  return parsed;
}

export function storeId(ctx: Pick<Ctx, 'sqlite'>): string {
  const row = storeFacts(ctx);
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
