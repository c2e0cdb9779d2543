/**
 * HQ's electron-updater feed (generic provider): where it is and how a store
 * proves who it is. HQ names the path in its session answer; the store joins
 * it to the address it reaches HQ by (HQ cannot know that address: proxies,
 * NAT). electron-updater sends fixed request headers with every request, so
 * the store authenticates with its credential itself (HTTP Basic, store id as
 * the user name), never with a 1-hour sync token.
 */
export const UPDATE_FEED_PATH = '/updates/v1/';

export function updateFeedAuthorization(storeId: string, credential: string): string {
  return `Basic ${btoa(`${storeId}:${credential}`)}`;
}

/** The store id and credential of an Authorization header, or null. */
export function readUpdateFeedAuthorization(
  header: string | undefined,
): { storeId: string; credential: string } | null {
  const m = header ? /^Basic ([A-Za-z0-9+/=]{1,400})$/.exec(header) : null;
  if (!m) return null;
  let text: string;
  try {
    text = atob(m[1]!);
  } catch {
    return null;
  }
  const at = text.indexOf(':');
  if (at <= 0) return null;
  return { storeId: text.slice(0, at), credential: text.slice(at + 1) };
}
