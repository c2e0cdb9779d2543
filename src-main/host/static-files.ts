import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * Serves the built renderer (`path` is the request's decoded path). Hashed assets are cached for a year; index.html
 * never, so an update is picked up on the next load. Unknown paths without an
 * extension get index.html (client-side routes).
 */
export function serveStatic(
  root: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
) {
  let rel = path;
  if (rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root) + sep)) {
    res.writeHead(403).end();
    return;
  }
  let target = file;
  let stat = safeStat(target);
  if (!stat?.isFile()) {
    if (extname(rel)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    target = join(root, 'index.html');
    stat = safeStat(target);
    if (!stat) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('The UI is not built: run npm run build.');
      return;
    }
  }
  const immutable = rel.startsWith('/assets/');
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
    'Content-Length': String(stat.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file that vanishes or fails mid-read (an update replacing the UI) ends
  // this response; unhandled, the stream's error would take the process down.
  createReadStream(target)
    .on('error', () => res.destroy())
    .pipe(res);
}

function safeStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
