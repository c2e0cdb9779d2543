import { updateFeedAuthorization } from '../../src-shared/sync/update-feed';

export interface UpdateFeed {
  url: string;
  /** Sent by electron-updater with every request (the feed and the files). */
  headers: Record<string, string>;
  source: 'hq' | 'setting';
}

export interface EnrollmentForFeed {
  hqUrl: string | null;
  storeId: string | null;
  credential: string | null;
}

/**
 * Where the app looks for updates. An enrolled store uses the feed HQ named in
 * its last session answer, on the address it reaches HQ by, with its
 * credential (kept in the main process: never in the renderer); until HQ has
 * answered since the start it waits rather than use a typed URL HQ may have
 * replaced. A store that is not enrolled uses the URL an admin typed in the
 * store settings (http(s) only; empty = updates off).
 */
export function chooseUpdateFeed(
  enrollment: EnrollmentForFeed,
  /** undefined: HQ has not answered since the start; null: it serves no updates. */
  hqFeedPath: string | null | undefined,
  typedUrl: string,
): UpdateFeed | 'waitForHq' | null {
  const { hqUrl, storeId, credential } = enrollment;
  if (hqUrl && storeId && credential) {
    if (hqFeedPath === undefined) return 'waitForHq';
    if (hqFeedPath === null) return null;
    const base = new URL(hqUrl);
    // An empty path reads back as "/": keep HQ's own path prefix (a reverse proxy) in front of the feed's.
    const url = new URL(`${base.pathname.replace(/\/+$/, '')}${hqFeedPath}`, base);
    return { url: url.href, headers: { Authorization: updateFeedAuthorization(storeId, credential) }, source: 'hq' };
  }
  const raw = typedUrl.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') return { url: url.href, headers: {}, source: 'setting' };
  } catch {
    // not a URL
  }
  return null;
}
