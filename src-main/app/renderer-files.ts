import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type RendererFile = { file: string; type: string; fallback: boolean } | { status: 403 | 404 };

/**
 * Maps a request path to a file of the built renderer, the way the Node host's
 * static server does: `/` and extensionless paths (client-side routes) get
 * index.html, a missing asset is a 404, and nothing outside the folder is served.
 */
export function resolveRendererFile(root: string, pathname: string, exists: (file: string) => boolean): RendererFile {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return { status: 404 };
  }
  if (rel.includes('\0')) return { status: 403 };
  if (rel.endsWith('/')) rel += 'index.html';
  const base = normalize(root);
  const file = normalize(join(base, rel));
  if (!file.startsWith(base + sep)) return { status: 403 };
  if (exists(file)) return { file, type: typeOf(file), fallback: false };
  if (extname(rel)) return { status: 404 };
  const index = join(base, 'index.html');
  return { file: index, type: typeOf(index), fallback: true };
}

function typeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
