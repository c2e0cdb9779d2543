import { addDays, addMonths, firstDay, lastDay, monthOf } from '../../../src-shared/time';

/**
 * Business-day ranges split into what the monthly totals can answer (whole
 * months) and what only the daily totals can (the edge days), so a year is
 * ~12 monthly sums plus at most two partial months of daily sums. A partial
 * month that is mostly covered is taken as the whole month minus the days
 * outside the range (fewer daily rows to read: e.g. "up to yesterday").
 * Days are 'YYYY-MM-DD', months 'YYYY-MM'; string order is time order.
 */
export interface Cover {
  /** Inclusive month ranges to add. */
  months: [string, string][];
  /** Inclusive day ranges to add. */
  days: [string, string][];
  /** Inclusive day ranges to subtract (inside a month added whole). */
  minusDays: [string, string][];
}

const dayNo = (day: string) => Number(day.slice(8));

const empty = (): Cover => ({ months: [], days: [], minusDays: [] });

/** Days `a`..`b` of one month: directly, or as the month minus its other days, whichever reads fewer days. */
function partOfMonth(c: Cover, a: string, b: string): void {
  const m = monthOf(a);
  const first = firstDay(m);
  const last = lastDay(m);
  const inside = dayNo(b) - dayNo(a) + 1;
  const outside = dayNo(last) - inside;
  if (inside === dayNo(last)) {
    c.months.push([m, m]);
  } else if (outside < inside) {
    c.months.push([m, m]);
    if (a > first) c.minusDays.push([first, addDays(a, -1)]);
    if (b < last) c.minusDays.push([addDays(b, 1), last]);
  } else {
    c.days.push([a, b]);
  }
}

/** The days from `from` to `to`, both included. */
export function coverRange(from: string, to: string): Cover {
  const c = empty();
  if (from > to) return c;
  const fm = monthOf(from);
  const tm = monthOf(to);
  if (fm === tm) {
    partOfMonth(c, from, to);
    return c;
  }
  partOfMonth(c, from, lastDay(fm));
  if (addMonths(fm, 1) <= addMonths(tm, -1)) c.months.push([addMonths(fm, 1), addMonths(tm, -1)]);
  partOfMonth(c, firstDay(tm), to);
  return c;
}

/** Everything before `day` (the opening balance of that day). */
export function coverBefore(day: string): Cover {
  const m = monthOf(day);
  const c = empty();
  c.months.push(['0000-00', addMonths(m, -1)]);
  if (day !== firstDay(m)) partOfMonth(c, firstDay(m), addDays(day, -1));
  return c;
}

/** Everything up to the end of `day`. */
export function coverThrough(day: string): Cover {
  return coverBefore(addDays(day, 1));
}
