import dayjs, { type Dayjs } from 'dayjs';
import { formatLocalTime } from '../../../src-shared/time';

let storeZone: string | undefined;

/** Set from the session: days on screen are the store's days, whatever zone this PC's clock is in. */
export function setStoreTimeZone(zone: string | undefined): void {
  storeZone = zone;
}

/** A moment's date in the store's time zone, as YYYY-MM-DD (the browser's own zone when none is known). */
export function storeDayOf(at: Date, zone = storeZone): string {
  if (!zone) return dayjs(at).format('YYYY-MM-DD');
  try {
    return formatLocalTime(at.getTime(), zone).slice(0, 10);
  } catch {
    // A zone name this browser does not know: its own zone rather than no date at all.
    return dayjs(at).format('YYYY-MM-DD');
  }
}

/** Today in the store: a report "to today" must include what was recorded a minute ago at the store. */
export const storeToday = (): string => storeDayOf(new Date());

/** Today in the store, `days` earlier or later. */
export const storeDayPlus = (days: number): string => dayjs(storeToday()).add(days, 'day').format('YYYY-MM-DD');

/** The first day of the store's current month. */
export const storeMonthStart = (): string => `${storeToday().slice(0, 8)}01`;

/** Today in the store as a date-picker value (form defaults for a receipt, labour or reading day). */
export const storeTodayValue = (): Dayjs => dayjs(storeToday());
