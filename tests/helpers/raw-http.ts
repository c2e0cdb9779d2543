import { connect } from 'node:net';

export interface RawResponse {
  /** Everything the server sent before it closed the connection (or before the timeout). */
  text: string;
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** True when the server closed the connection; false when we gave up waiting. */
  closed: boolean;
}

/**
 * Sends bytes exactly as given (no client fixing up a bad URL, Host or body)
 * and collects the answer until the server closes the connection or
 * `timeoutMs` passes (or, with `untilHead`, until the response head is in).
 * Requests should say `Connection: close`, so a server that answers also closes.
 */
export function rawRequest(
  port: number,
  request: string | Buffer,
  timeoutMs = 3_000,
  opts: { untilHead?: boolean; halfClose?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks).toString('utf8'), closed));
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // A stream (server-sent events) never ends: its head is the answer.
      if (opts.untilHead && Buffer.concat(chunks).includes('\r\n\r\n')) finish(false);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset after the answer arrived still counts as answered.
      if (chunks.length > 0 || err.code === 'ECONNRESET' || err.code === 'EPIPE') finish(true);
      else if (!done) reject(err);
    });
    // Half-closing says "that was all": a server waiting for a body it was promised must give up.
    if (opts.halfClose) socket.end(request);
    else socket.write(request);
  });
}

function parse(text: string, closed: boolean): RawResponse {
  const head = text.split('\r\n\r\n')[0] ?? '';
  const [statusLine = '', ...lines] = head.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { text, status: m ? Number(m[1]) : null, headers, body: text.slice(head.length + 4), closed };
}

/** A GET as a browser on `host` would send it. */
export function get(path: string, host: string, extra = ''): string {
  return `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`;
}

/** A JSON call as the app's pages send it. */
export function post(path: string, host: string, body: string, extra = ''): string {
  return (
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`
  );
}
