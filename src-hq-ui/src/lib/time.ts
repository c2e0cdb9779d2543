import { formatStoreTime } from '../../../src-renderer/src/lib/format';

/** The HQ user's own time zone: HQ's stores may be in several, its screens show the reader's clock. */
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** ISO instant → `YYYY-MM-DD HH:mm` on the reader's clock; '' for none. */
export const hqTime = (iso: string | null | undefined): string => formatStoreTime(iso, zone);
