/**
 * Preventive-maintenance schedules. Business days are 'YYYY-MM-DD' in the
 * store's time zone; meter values are thousandths of an hour (run hours).
 *
 * Calendar plans are fixed schedules: the first service is due on the plan's
 * start day, each next one an interval after the previous due day (not after
 * the day the work was done, so a late service does not push the whole
 * schedule back). Missed cycles are not piled up: when a later cycle is
 * already due, the schedule jumps to it, so there is at most one overdue
 * service per plan and equipment.
 *
 * Meter plans are due every `interval` hours counted from the plan's start
 * reading (first due at start + interval), with the same no-pile-up rule.
 *
 * A work order is generated `lead` ahead: lead days before a calendar due day,
 * lead hours before a meter due value.
 */

import { addDays, daysBetween } from '../time';

export const INTERVAL_KINDS = ['days', 'weeks', 'months', 'meter'] as const;
export type IntervalKind = (typeof INTERVAL_KINDS)[number];
export type CalendarKind = Exclude<IntervalKind, 'meter'>;

const text = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// The day arithmetic is the one set in time.ts; schedules and their callers take it from here too.
export { addDays, daysBetween };

/** Adds months keeping the day of the month, or the month's last day when it is shorter (Jan 31 + 1 = Feb 28). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return text(Date.UTC(y, m - 1 + n, Math.min(d, last)));
}

export function addInterval(day: string, kind: CalendarKind, n: number): string {
  if (kind === 'days') return addDays(day, n);
  if (kind === 'weeks') return addDays(day, 7 * n);
  return addMonths(day, n);
}

/**
 * The due day of the next service: the plan's start day, or an interval after
 * the last generated due day, moved on to the latest cycle already due by `today`.
 * For months the cycles are counted from the start day (so the 31st stays the
 * month's last day after February).
 */
export function nextCalendarDue(
  startDay: string,
  lastDue: string | null,
  kind: CalendarKind,
  n: number,
  today: string,
): string {
  let k = 0;
  const at = (i: number) => addInterval(startDay, kind, n * i);
  if (lastDue !== null) {
    while (at(k) <= lastDue) k++;
  }
  while (at(k + 1) <= today) k++;
  return at(k);
}

export function calendarGenerateFrom(due: string, leadDays: number): string {
  return addDays(due, -leadDays);
}

/** The meter value (thousandths of an hour) the next service is due at. */
export function nextMeterDue(startMeter: number, lastDue: number | null, interval: number, reading: number): number {
  let next = lastDue === null ? startMeter + interval : lastDue + interval;
  while (next + interval <= reading) next += interval;
  return next;
}

/**
 * Estimated day a meter value is reached, from the run hours per day seen in
 * the readings (first and last of the recent ones); null when the meter does
 * not move or there are fewer than two readings.
 */
export function estimateMeterDay(
  target: number,
  readings: readonly { value: number; day: string }[],
  today: string,
): string | null {
  if (readings.length < 2) return null;
  const first = readings[0]!;
  const last = readings[readings.length - 1]!;
  const days = daysBetween(first.day, last.day);
  const rate = days > 0 ? (last.value - first.value) / days : 0;
  if (target <= last.value) return last.day < today ? last.day : today;
  if (rate <= 0) return null;
  const day = addDays(last.day, Math.ceil((target - last.value) / rate));
  return day < today ? today : day;
}
