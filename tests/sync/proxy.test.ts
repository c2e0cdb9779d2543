import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultProxy } from './harness/proxy';

/**
 * The proxy against a tiny echo server that counts the requests it received
 * whole: each fault is seen from both sides (what the client got, what the
 * server processed).
 */
let server: Server;
let received: string[] = [];
let aborted = 0;
let proxy: FaultProxy;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('aborted', () => aborted++);
    req.on('end', () => {
      received.push(body);
      const text = JSON.stringify({ n: received.length, body, pad: 'x'.repeat(2000) });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  proxy = await FaultProxy.start({ host: '127.0.0.1', port }, 42);
});
afterAll(async () => {
  await proxy?.close();
  await new Promise((r) => server.close(r));
});
beforeEach(async () => {
  await proxy.heal();
  await proxy.settle();
  received = [];
  aborted = 0;
});

async function send(
  body: string,
  path = '/sync/v1/push',
): Promise<{ status: number; json: { n: number; body: string } }> {
  const res = await fetch(`${proxy.url}${path}`, { method: 'POST', body, signal: AbortSignal.timeout(8000) });
  const text = await res.text();
  return { status: res.status, json: res.status === 200 ? JSON.parse(text) : { n: -1, body: text } };
}
const fails = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: Error) => `failed: ${e.name}`,
  );

describe('fault proxy', () => {
  it('passes requests through untouched when healed', async () => {
    const r = await send('一二三 hello');
    expect(r).toMatchObject({ status: 200, json: { n: 1, body: '一二三 hello' } });
    expect(proxy.stats.forwarded).toBeGreaterThan(0);
  });

  it('drops a request: the client fails, the server never sees it', async () => {
    proxy.inject({ kind: 'drop-request' });
    expect(await fails(send('a'))).toMatch(/failed/);
    await proxy.settle();
    expect(received).toEqual([]);
  });

  it('drops the response after the server processed the request', async () => {
    proxy.inject({ kind: 'drop-response' });
    expect(await fails(send('b'))).toMatch(/failed/);
    await proxy.settle();
    expect(received).toEqual(['b']);
  });

  it('delays a request', async () => {
    proxy.inject({ kind: 'delay', ms: 300 });
    const t0 = Date.now();
    expect((await send('c')).json.body).toBe('c');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('duplicates a request: the server gets it twice, the client one answer', async () => {
    proxy.inject({ kind: 'duplicate' });
    const r = await send('d');
    await proxy.settle();
    expect(r.json.body).toBe('d');
    expect(received).toEqual(['d', 'd']);
  });

  it('reorders: a held request reaches the server after the next one', async () => {
    proxy.inject({ kind: 'reorder' });
    const first = send('first');
    await new Promise((r) => setTimeout(r, 100));
    const second = await send('second');
    const firstAnswer = await first;
    expect(received).toEqual(['second', 'first']);
    expect(second.json.n).toBe(1);
    expect(firstAnswer.json.n).toBe(2);
  });

  it('reorders further: a held request goes after the given number of later ones', async () => {
    proxy.inject({ kind: 'reorder', after: 2 });
    const first = send('first');
    await new Promise((r) => setTimeout(r, 100));
    await send('second');
    await send('third');
    await first;
    expect(received).toEqual(['second', 'third', 'first']);
  });

  it('cuts a request mid-body: the server never gets a whole request', async () => {
    proxy.inject({ kind: 'cut-request', afterBytes: 5 });
    expect(await fails(send('0123456789'.repeat(100)))).toMatch(/failed/);
    await proxy.settle();
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([]);
    expect(aborted).toBe(1);
  });

  it('cuts a response mid-body: the server processed it, the client gets a broken answer', async () => {
    proxy.inject({ kind: 'cut-response', afterBytes: 300 });
    expect(await fails(send('e'))).toMatch(/failed/);
    expect(received).toEqual(['e']);
  });

  it('fails every Nth request with a 503 the server never sees', async () => {
    proxy.setPlan({ failEveryNth: 3 });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(`f${i}`)).status);
    expect(statuses).toEqual([200, 200, 503, 200, 200, 503]);
    expect(received).toEqual(['f0', 'f1', 'f3', 'f4']);
  });

  it('faults only the requests of its path', async () => {
    proxy.setPlan({ path: '/sync/v1/push', rates: { fail: 1 } });
    expect((await send('g', '/sync/v1/pull')).status).toBe(200);
    expect((await send('g', '/sync/v1/push')).status).toBe(503);
  });

  it('refuses connections during an outage, and serves again after it', async () => {
    await proxy.setOutage(true);
    const err = await fetch(`${proxy.url}/x`, { method: 'POST', body: 'h' }).catch((e: Error) => e);
    expect(String((err as Error & { cause?: { code?: string } }).cause?.code)).toBe('ECONNREFUSED');
    await proxy.setOutage(false);
    expect((await send('h')).json.body).toBe('h');
  });

  it('draws the same faults from the same seed', async () => {
    const run = async (seed: number) => {
      const p = await FaultProxy.start(proxy.target, seed);
      p.setPlan({ rates: { fail: 0.3, delay: 0.2 }, delayMs: [1, 5] });
      const out = [];
      for (let i = 0; i < 20; i++) {
        const r = await fetch(`${p.url}/`, { method: 'POST', body: 'x' });
        await r.text();
        out.push(r.status);
      }
      await p.close();
      return { out, delays: p.stats.faults.delay };
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(a.out).toContain(503);
    expect(a.out).toContain(200);
  });
});
