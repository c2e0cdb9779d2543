import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { sendText } from '../../src-main/host/replies';
import { readUpdateFeedAuthorization } from '../../src-shared/sync/update-feed';
import type { HqContext } from '../context';
import { CHANNEL_FILE_RE, VERSION_RE, writeManifest } from '../services/releases/manifest';
import { releaseFile, releaseForStore } from '../services/releases/releases';
import { verifyCredential } from '../services/sync/auth';
import { SyncRefusal } from '../services/sync/refusal';
import { parseRange } from './byte-ranges';

const YAML_HEADERS = { 'Content-Type': 'text/yaml; charset=utf-8', 'Cache-Control': 'no-store' };

/**
 * GET /updates/v1/<latest*.yml>: the manifest of the version chosen for the
 * asking store; GET /updates/v1/<version>/<file>: a release file, with byte
 * ranges (electron-updater's differential download fetches only the blocks
 * that changed, many ranges per request). Every request carries the store's
 * credential.
 */
export async function handleUpdateFeed(
  ctx: HqContext,
  rest: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'The update feed answers GET.');
  const auth = readUpdateFeedAuthorization(req.headers.authorization);
  if (!auth || !/^[0-9a-f-]{36}$/i.test(auth.storeId)) {
    return sendText(
      res,
      401,
      "The update feed needs the store's credential (Authorization: Basic storeId:credential).",
    );
  }
  try {
    await verifyCredential(ctx, ctx.db, auth.storeId, auth.credential);
  } catch (err) {
    if (err instanceof SyncRefusal) return sendText(res, err.status, err.message);
    throw err;
  }
  if (!ctx.releases) return sendText(res, 404, 'This HQ serves no updates (it has no release directory).');

  const parts = rest.split('/');
  if (parts.length === 1 && CHANNEL_FILE_RE.test(parts[0]!)) {
    const release = await releaseForStore(ctx.db, auth.storeId, parts[0]!);
    if (!release) return sendText(res, 404, `HQ has no release for this store in ${parts[0]}.`);
    const body = writeManifest(
      {
        version: release.version,
        path: release.path,
        sha512: release.sha512,
        releaseDate: release.releaseDate,
        files: release.files
          .filter((f) => !f.name.endsWith('.blockmap'))
          .map((f) => ({ url: f.name, size: f.size, sha512: f.sha512 })),
      },
      `${release.version}/`,
    );
    res.writeHead(200, { ...YAML_HEADERS, 'Content-Length': String(Buffer.byteLength(body)) });
    return void res.end(req.method === 'HEAD' ? undefined : body);
  }
  if (parts.length !== 2 || !VERSION_RE.test(parts[0]!)) return sendText(res, 404, 'Not found.');
  let name: string;
  try {
    name = decodeURIComponent(parts[1]!);
  } catch {
    return sendText(res, 404, 'Not found.');
  }
  const file = await releaseFile(ctx.db, parts[0]!, name);
  const path = file ? ctx.releases.filePath(parts[0]!, name) : null;
  const info = path ? await stat(path).catch(() => null) : null;
  if (!file || !path || !info || info.size !== file.size) return sendText(res, 404, 'Not found.');
  serveFile(req, res, path, info.size, file.sha512);
}

function serveFile(req: IncomingMessage, res: ServerResponse, path: string, size: number, sha512: string): void {
  const base = {
    'Accept-Ranges': 'bytes',
    // The content of a version's file never changes: its checksum is a strong validator.
    ETag: `"${Buffer.from(sha512, 'base64').subarray(0, 16).toString('hex')}"`,
    'Cache-Control': 'private, max-age=31536000, immutable',
  };
  const ranges = parseRange(req.headers.range, size);
  const head = req.method === 'HEAD';
  if (ranges === 'unsatisfiable') {
    res.writeHead(416, { ...base, 'Content-Range': `bytes */${size}` });
    return void res.end();
  }
  if (!ranges) {
    res.writeHead(200, { ...base, 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) });
    if (head) return void res.end();
    return void createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
  }
  if (ranges.length === 1) {
    const r = ranges[0]!;
    res.writeHead(206, {
      ...base,
      'Content-Type': 'application/octet-stream',
      'Content-Range': `bytes ${r.start}-${r.end}/${size}`,
      'Content-Length': String(r.end - r.start + 1),
    });
    if (head) return void res.end();
    return void createReadStream(path, { start: r.start, end: r.end })
      .on('error', () => res.destroy())
      .pipe(res);
  }
  // multipart/byteranges (RFC 9110 §14.6), the parts in the order asked.
  const boundary = randomBytes(12).toString('hex');
  const heads = ranges.map(
    (r) =>
      `\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${r.start}-${r.end}/${size}\r\n\r\n`,
  );
  const tail = `\r\n--${boundary}--\r\n`;
  const length =
    heads.reduce((n, h) => n + Buffer.byteLength(h), 0) +
    ranges.reduce((n, r) => n + r.end - r.start + 1, 0) +
    Buffer.byteLength(tail);
  res.writeHead(206, {
    ...base,
    'Content-Type': `multipart/byteranges; boundary=${boundary}`,
    'Content-Length': String(length),
  });
  if (head) return void res.end();
  const next = (i: number): void => {
    if (i === ranges.length) return void res.end(tail);
    res.write(heads[i]);
    const stream = createReadStream(path, { start: ranges[i]!.start, end: ranges[i]!.end });
    stream.on('error', () => res.destroy());
    stream.on('end', () => next(i + 1));
    stream.pipe(res, { end: false });
  };
  next(0);
}
