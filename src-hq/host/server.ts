import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { sendText } from '../../src-main/host/replies';
import { LIMITS, SYNC_PATH } from '../../src-shared/sync/protocol';
import type { HqContext } from '../context';
import { isLoopbackHost } from './loopback';
import { UPDATE_FEED_PATH } from '../../src-shared/sync/update-feed';
import { handleReleaseUpload, UPLOAD_PREFIX, UPLOAD_TOTAL_MS } from './release-upload';
import { handleSync } from './sync-http';
import { handleUpdateFeed } from './update-feed';
import { serveUi } from './ui-files';

export interface HqServerOptions {
  /** The address to listen on: 127.0.0.1 by default. */
  host: string;
  port: number;
  /** PEM certificate and key: HTTPS. Without them HQ listens on loopback only. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  maxBodyBytes?: number;
  /** A request body slower than this is cut off (TIMEOUT). */
  bodyTimeoutMs?: number;
  /** The HQ web UI's API, mounted at /api/ (slice e). */
  api?: (path: string, req: IncomingMessage, res: ServerResponse) => void;
  /** The built HQ web UI (out/hq-ui), served at every other path. */
  uiDir?: string;
}

export class HqStartError extends Error {
  override name = 'HqStartError';
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * HQ's HTTP(S) front: /sync/v1/* for stores, /api/* for HQ's own UI, the UI
 * itself at every other path. Stores reach HQ over networks nobody controls,
 * so anything but loopback requires TLS: HQ refuses to start otherwise rather
 * than send credentials in clear.
 */
export async function startHqServer(ctx: HqContext, opts: HqServerOptions): Promise<RunningServer> {
  if (!opts.tls && !isLoopbackHost(opts.host)) {
    throw new HqStartError(
      `HQ serves plain HTTP only on this machine (127.0.0.1 or ::1), and ${opts.host} is not. To listen on ${opts.host}, give a certificate and its key: --cert FILE --key FILE (HTTPS).`,
    );
  }
  const sync = { maxBodyBytes: opts.maxBodyBytes ?? LIMITS.bodyBytes, bodyTimeoutMs: opts.bodyTimeoutMs ?? 30_000 };
  const prefix = `${SYNC_PATH}/`;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0]!;
    const failed = (err: unknown) => {
      ctx.log.error('hq request failed', {
        url: path.slice(0, 200),
        error: err instanceof Error ? err.stack : String(err),
      });
      if (!res.headersSent) sendText(res, 500, 'HQ failed to answer this request.', { Connection: 'close' });
      else res.destroy();
    };
    try {
      if (path.startsWith(prefix)) {
        handleSync(ctx, path.slice(prefix.length), req, res, sync).catch(failed);
      } else if (path.startsWith(UPDATE_FEED_PATH)) {
        handleUpdateFeed(ctx, path.slice(UPDATE_FEED_PATH.length), req, res).catch(failed);
      } else if (path.startsWith(UPLOAD_PREFIX)) {
        handleReleaseUpload(ctx, path.slice(UPLOAD_PREFIX.length), req, res).catch(failed);
      } else if (path.startsWith('/api/') && opts.api) {
        opts.api(path.slice('/api/'.length), req, res);
      } else if (path === '/healthz') {
        sendText(res, 200, 'ok');
      } else if (opts.uiDir) {
        serveUi(opts.uiDir, req, res);
      } else {
        sendText(res, 404, 'Not found.');
      }
    } catch (err) {
      failed(err);
    }
  };
  const server = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, handler)
    : createHttpServer(handler);
  // Headers must arrive promptly; the body has its own bound (bodyTimeoutMs), answered with a refusal.
  server.headersTimeout = 20_000;
  // Release uploads bound their own time (idle and total); the server's bound only backs them up.
  server.requestTimeout = Math.max(sync.bodyTimeoutMs, UPLOAD_TOTAL_MS) + 60_000;
  server.keepAliveTimeout = 65_000;

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve((server.address() as AddressInfo).port));
  });
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    port,
    url: `${opts.tls ? 'https' : 'http'}://${shown}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
