import type { StoreDatabase } from '../db/client';
import { peekSession } from '../services/auth/sessions';
import { storeSettings } from '../services/store/settings';

/**
 * The session a transport's credential belongs to, if it is still alive, as a
 * stable key (its token hash); null otherwise. It does not count as activity:
 * pushes to an open window must not keep an idle session from ending.
 */
export function liveSession(database: StoreDatabase, token: string | null, now: number): string | null {
  if (!token) return null;
  return peekSession(database.sqlite, token, now, storeSettings(database.db).sessionIdleMinutes);
}
