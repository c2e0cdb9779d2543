import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS, sendText } from '../../src-main/host/replies';
import { serveStatic } from '../../src-main/host/static-files';

/** The request's path, decoded; null when it cannot be (a malformed escape) or hides a NUL. */
function decodedPath(url: string | undefined): string | null {
  if (!url?.startsWith('/')) return null;
  try {
    const path = decodeURIComponent(new URL(url, 'http://x').pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

/**
 * HQ's web UI (the built src-hq-ui): the store's static serving with the same
 * security headers and Content-Security-Policy, hashed assets cached, and
 * index.html for any other path without an extension, so a screen's address
 * (/stores/…) can be reloaded or bookmarked.
 */
export function serveUi(uiDir: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(res, 405, 'Use GET for the HQ pages; the API is POST /api/<method>.', { Allow: 'GET, HEAD' });
  }
  const path = decodedPath(req.url);
  if (path === null) return sendText(res, 400, 'This address is not valid.');
  serveStatic(uiDir, path, req, res, SECURITY_HEADERS);
}
