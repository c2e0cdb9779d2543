import { formatStoreTime } from '../../../src-renderer/src/lib/format';

/** The HQ user's own time zone: HQ's stores may be in several, its screens show the reader's clock. */
export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** One of HQ's own times (a code's expiry, a sign-in) → `YYYY-MM-DD HH:mm` on the reader's clock; '' for none. */
export const hqTime = (iso: string | null | undefined): string => formatStoreTime(iso, viewerZone);

/**
 * Something that happened at a store, on that store's clock: what its staff
 * saw on their own screens when it happened, so both ends quote the same
 * time. Labelled with the zone when it is not the reader's, so nobody reads a
 * Shanghai morning as a London one. A store that has not said its zone yet
 * (not enrolled) is shown on the reader's clock.
 */
export function zonedTime(iso: string | null | undefined, storeZone: string, reader = viewerZone): string {
  if (!iso) return '';
  if (!storeZone || storeZone === reader) return formatStoreTime(iso, reader);
  return `${formatStoreTime(iso, storeZone)} (${storeZone})`;
}

/** `zonedTime` for a store, as a function to hand to grid columns. */
export const storeClock =
  (storeZone: string) =>
  (iso: string | null | undefined): string =>
    zonedTime(iso, storeZone);
