import { formatLocalTime } from '../../../src-shared/time';

/** ISO instant → `YYYY-MM-DD HH:mm` in the store's time zone (not the device's). */
export function formatStoreTime(iso: string | null | undefined, timeZone: string | undefined): string {
  if (!iso) return '';
  return formatLocalTime(Date.parse(iso), timeZone ?? 'UTC');
}
