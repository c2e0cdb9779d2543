import { connect, createServer, type Server, type Socket } from 'node:net';
import { Rng } from './random';

/**
 * An HTTP-aware TCP proxy between a store and HQ whose faults are switched at
 * run time. It reads each HTTP/1.1 request whole (head and Content-Length
 * body), forwards it to HQ on a connection of its own with `Connection:
 * close`, reads HQ's answer to the end, and then decides what the store gets.
 * So "HQ processed it and the answer was lost" is exact: the answer has fully
 * arrived from HQ before the proxy drops it.
 *
 * Faults (at most one per request):
 * - `drop-request`: the store's connection is closed; HQ never sees the request.
 * - `drop-response`: HQ gets and answers the request; the store's connection is closed without it.
 * - `delay`: the request is held `ms` before it goes to HQ.
 * - `duplicate`: HQ gets the request twice, at once, on two connections; the store gets the first answer.
 * - `reorder`: the request is held until `after` (default 1) later requests have been answered by HQ (or `holdMaxMs`).
 * - `cut-request`: HQ gets the head and `afterBytes` of the body, then both connections are reset.
 * - `cut-response`: the store gets `afterBytes` of HQ's answer, then its connection is reset.
 * - `fail`: the store gets a 503 with a plain-text body (as a front proxy would send); HQ sees nothing.
 * - outage (`setOutage(true)`): the listening socket is closed, so connecting is refused.
 *
 * Decisions come from a seeded generator in request order, so a single
 * store's run replays exactly from its seed.
 */
export type FaultKind =
  'drop-request' | 'drop-response' | 'delay' | 'duplicate' | 'reorder' | 'cut-request' | 'cut-response' | 'fail';

export const FAULT_KINDS: readonly FaultKind[] = [
  'drop-request',
  'drop-response',
  'delay',
  'duplicate',
  'reorder',
  'cut-request',
  'cut-response',
  'fail',
];

export interface Fault {
  kind: FaultKind;
  /** delay */
  ms?: number;
  /** cut-request, cut-response */
  afterBytes?: number;
  /** reorder: how many later requests HQ answers before this one goes (default 1). */
  after?: number;
}

export interface FaultPlan {
  /** Chance per request of each fault. */
  rates?: Partial<Record<FaultKind, number>>;
  /** Every Nth faultable request is answered 503 by the proxy. */
  failEveryNth?: number;
  /** Range of a drawn delay (ms). */
  delayMs?: [number, number];
  /** Only requests whose path starts with this are faulted (default: all). */
  path?: string;
}

export interface Target {
  host: string;
  port: number;
}

export interface ProxyStats {
  requests: number;
  /** Requests HQ received whole (a duplicate counts twice). */
  forwarded: number;
  faults: Record<FaultKind | 'outage', number>;
}

interface ParsedRequest {
  head: Buffer;
  body: Buffer;
  path: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');

function parseHead(buf: Buffer): { head: string; bodyStart: number; length: number } | null {
  const end = buf.indexOf(HEAD_END);
  if (end < 0) return null;
  const head = buf.subarray(0, end).toString('latin1');
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) throw new Error('chunked request bodies are not proxied');
  return { head, bodyStart: end + 4, length: m ? Number(m[1]) : 0 };
}

/** The head with `Connection: close`, so HQ ends its answer by closing. */
function rewriteHead(head: string): Buffer {
  const lines = head.split('\r\n').filter((l) => !/^(connection|keep-alive):/i.test(l));
  lines.push('Connection: close');
  return Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1');
}

const FAIL_TEXT = 'proxy: injected failure';
const FAIL_503 = Buffer.from(
  `HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: ${FAIL_TEXT.length}\r\nConnection: close\r\n\r\n${FAIL_TEXT}`,
);

export class FaultProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly queue: { fault: Fault; path?: string }[] = [];
  private readonly held = new Set<{ left: number; release: () => void }>();
  private plan: FaultPlan = {};
  private faultable = 0;
  private outage = false;
  private rng: Rng;
  port = 0;
  target: Target;
  holdMaxMs = 5000;
  readonly stats: ProxyStats = {
    requests: 0,
    forwarded: 0,
    faults: Object.fromEntries([...FAULT_KINDS, 'outage'].map((k) => [k, 0])) as ProxyStats['faults'],
  };

  private constructor(target: Target, seed: number) {
    this.target = target;
    this.rng = new Rng(seed);
  }

  static async start(target: Target, seed = 1, port = 0): Promise<FaultProxy> {
    const p = new FaultProxy(target, seed);
    p.port = port;
    await p.listen();
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Faults drawn for every request from now on (replaces the previous plan). */
  setPlan(plan: FaultPlan): void {
    this.plan = plan;
    this.faultable = 0;
  }

  /** The next request (on `path`, if given) gets this fault, before any plan. */
  inject(fault: Fault, path?: string): void {
    this.queue.push({ fault, path });
  }

  /** No faults: plan, queued faults and outage cleared; a held request is released. */
  async heal(): Promise<void> {
    this.plan = {};
    this.queue.length = 0;
    for (const h of this.held) h.release();
    await this.setOutage(false);
  }

  async setOutage(on: boolean): Promise<void> {
    if (on === this.outage) return;
    this.outage = on;
    if (on) {
      this.stats.faults.outage++;
      const s = this.server;
      this.server = null;
      for (const c of this.sockets) c.destroy();
      await new Promise<void>((r) => (s ? s.close(() => r()) : r()));
    } else {
      await this.listen();
    }
  }

  /** Waits for requests still on their way to HQ (duplicates, held ones). */
  async settle(): Promise<void> {
    for (const h of this.held) h.release();
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.plan = {};
    this.outage = true;
    await this.settle();
    for (const c of this.sockets) c.destroy();
    const s = this.server;
    this.server = null;
    await new Promise<void>((r) => (s ? s.close(() => r()) : r()));
  }

  private listen(): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private accept(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => {});
    let buf = Buffer.alloc(0);
    let taken = false;
    client.on('data', (d) => {
      if (taken) return;
      buf = Buffer.concat([buf, d]);
      let parsed;
      try {
        parsed = parseHead(buf);
      } catch {
        client.destroy();
        return;
      }
      if (!parsed || buf.length < parsed.bodyStart + parsed.length) return;
      taken = true;
      const path = parsed.head.split(' ')[1] ?? '/';
      const req: ParsedRequest = {
        head: rewriteHead(parsed.head),
        body: buf.subarray(parsed.bodyStart, parsed.bodyStart + parsed.length),
        path,
      };
      this.track(this.handle(client, req));
    });
  }

  private track(p: Promise<unknown>): void {
    const t = p.catch(() => {}).finally(() => this.pending.delete(t));
    this.pending.add(t);
  }

  private decide(path: string): Fault | null {
    const i = this.queue.findIndex((q) => !q.path || path.startsWith(q.path));
    if (i >= 0) return this.queue.splice(i, 1)[0]!.fault;
    if (this.plan.path && !path.startsWith(this.plan.path)) return null;
    this.faultable++;
    if (this.plan.failEveryNth && this.faultable % this.plan.failEveryNth === 0) return { kind: 'fail' };
    const r = this.rng.next();
    let acc = 0;
    for (const kind of FAULT_KINDS) {
      acc += this.plan.rates?.[kind] ?? 0;
      if (r < acc) {
        const [lo, hi] = this.plan.delayMs ?? [50, 500];
        return { kind, ms: this.rng.int(lo, hi), afterBytes: this.rng.int(0, 1 << 20) };
      }
    }
    return null;
  }

  private async handle(client: Socket, req: ParsedRequest): Promise<void> {
    this.stats.requests++;
    // Requests held for reordering count the ones after them that HQ answered.
    const before = [...this.held];
    const fault = this.decide(req.path);
    if (fault) this.stats.faults[fault.kind]++;
    const answer = async () => {
      const res = await this.forward(req);
      for (const h of before) if (--h.left <= 0) h.release();
      return res;
    };
    switch (fault?.kind) {
      case 'drop-request':
        client.destroy();
        return;
      case 'fail':
        client.end(FAIL_503);
        return;
      case 'cut-request': {
        const n = Math.min(fault.afterBytes ?? 0, Math.max(req.body.length - 1, 0));
        await this.forward(req, n).catch(() => null);
        client.resetAndDestroy();
        return;
      }
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms ?? 200));
        break;
      case 'reorder':
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => me.release(), this.holdMaxMs);
          const me = {
            left: fault.after ?? 1,
            release: () => {
              clearTimeout(timer);
              this.held.delete(me);
              resolve();
            },
          };
          this.held.add(me);
        });
        break;
    }
    const answered = answer();
    if (fault?.kind === 'duplicate') {
      // The copy goes out just after the one the store will get the answer of: HQ sees both, nearly at once.
      await new Promise((r) => setImmediate(r));
      this.track(this.forward(req));
    }
    const res = await answered.catch(() => null);
    if (!res || client.destroyed) {
      client.destroy();
      return;
    }
    if (fault?.kind === 'drop-response') {
      client.destroy();
      return;
    }
    if (fault?.kind === 'cut-response') {
      const n = Math.min(fault.afterBytes ?? 0, Math.max(res.length - 1, 0));
      client.write(res.subarray(0, n), () => client.resetAndDestroy());
      return;
    }
    client.end(res);
  }

  /**
   * Sends the request to HQ and reads its whole answer. With `cutAfter`, only
   * the head and that many body bytes go, and the connection is reset.
   */
  private forward(req: ParsedRequest, cutAfter?: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const up = connect(this.target.port, this.target.host);
      const chunks: Buffer[] = [];
      up.on('error', reject);
      up.on('data', (d) => chunks.push(d));
      up.on('end', () => {
        up.destroy();
        resolve(Buffer.concat(chunks));
      });
      up.on('close', () => reject(new Error('HQ closed the connection')));
      up.on('connect', () => {
        if (cutAfter !== undefined) {
          up.write(Buffer.concat([req.head, req.body.subarray(0, cutAfter)]), () => {
            // Give HQ a moment to start reading the partial body before the reset.
            setTimeout(() => {
              up.resetAndDestroy();
              resolve(Buffer.alloc(0));
            }, 20);
          });
          return;
        }
        this.stats.forwarded++;
        up.write(Buffer.concat([req.head, req.body]));
      });
    });
  }
}
