import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { addDays, dayKeyer } from '../../../src-shared/time';
import type { stockPeriods } from '../../db/schema';
import { sql } from '../../db/sql';
import { DEFAULT_BACKDATE_DAYS, storeRow, storeSettings } from '../store/settings';

/** A movement may be recorded a little ahead of the clock (devices drift), not more. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** The latest closed month and the instant it ends: nothing may be dated before that. */
export const lastClosedPeriod = sql<Pick<typeof stockPeriods.$inferSelect, 'month' | 'endsAt'>>(
  "SELECT month, ends_at AS endsAt FROM stock_periods WHERE status = 'closed' ORDER BY month DESC LIMIT 1",
);

export interface DateRules {
  /** The store's business day of an instant. */
  day(at: number): string;
  /** Throws the error that names `path` (and the item, by its code) when a movement of it may not be dated `at`. */
  check(at: number, path: string, item: string): void;
}

function refuse(
  code: 'VALIDATION' | 'CONFLICT',
  key: 'error.stock.future' | 'error.stock.closedPeriod' | 'error.stock.todayOnly' | 'error.stock.backdated',
  path: string,
  params?: Record<string, string | number>,
): never {
  throw new AppError(code, key, params, [{ path, key, params }]);
}

/**
 * The dating rules every movement passes, whichever path posts it (documents,
 * receiving, counts, transfers, repairs, reversals): nothing in the future,
 * nothing before the end of the last closed month (not even the system's own
 * postings), and for a signed-in user nothing older than their role's window
 * (a store setting; 0 days = today only, in the store's time zone). Contexts
 * without a user (demo year, generators, benchmarks) build history freely,
 * but never inside a closed month either.
 */
export function dateRules(ctx: Ctx): DateRules {
  const day = dayKeyer(storeRow(ctx.db)?.timezone ?? 'UTC');
  const closed = lastClosedPeriod.get(ctx.sqlite);
  const role = ctx.user?.role;
  const days = role ? (storeSettings(ctx.db).backdateDays ?? DEFAULT_BACKDATE_DAYS)[role] : null;
  const today = day(ctx.now);
  const earliest = days === null ? null : addDays(today, -days);
  return {
    day,
    check(at, path, item) {
      if (!Number.isSafeInteger(at) || at > ctx.now + FUTURE_SLACK_MS) refuse('VALIDATION', 'error.stock.future', path);
      const d = day(at);
      if (closed && at < closed.endsAt)
        refuse('CONFLICT', 'error.stock.closedPeriod', path, { month: closed.month, day: d, item });
      if (earliest !== null && d < earliest) {
        if (days === 0) refuse('VALIDATION', 'error.stock.todayOnly', path, { day: d, today, item });
        refuse('VALIDATION', 'error.stock.backdated', path, { day: d, days: days!, earliest, item });
      }
    },
  };
}
