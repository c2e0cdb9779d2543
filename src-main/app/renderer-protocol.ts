import { protocol } from 'electron';
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { CSP } from '../host/csp';
import { RENDERER_HOST, RENDERER_SCHEME } from './renderer-origin';
import { resolveRendererFile } from './renderer-files';

const HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/**
 * Must run before `app` is ready. `standard` gives the scheme real origins (so
 * CSP 'self', storage and relative URLs behave as on http); `secure` makes the
 * page a secure context; `corsEnabled` lets Vite's `<script type="module"
 * crossorigin>` load (the handler sends no Access-Control-Allow-Origin, so no
 * other origin can read our files). No CSP bypass, no service workers.
 */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: RENDERER_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer (inside app.asar when packaged) under app://renderer/. */
export function serveRenderer(rendererDir: string): void {
  const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  protocol.handle(RENDERER_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== RENDERER_HOST) return text(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
    const found = resolveRendererFile(rendererDir, url.pathname, isFile);
    if ('status' in found) return text(found.status, found.status === 403 ? 'Forbidden' : 'Not found');
    try {
      const headers = { ...HEADERS, 'Content-Type': found.type };
      if (request.method === 'HEAD') {
        return new Response(null, { headers: { ...headers, 'Content-Length': String((await stat(found.file)).size) } });
      }
      return new Response(new Uint8Array(await readFile(found.file)), { headers });
    } catch {
      // Only the fallback index.html can be missing here: the renderer was never built.
      return text(500, 'The UI is not built: run npm run build.');
    }
  });
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
