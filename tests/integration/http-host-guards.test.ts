import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../src-shared/events';
import type { Backend } from '../../src-main/backend';
import { createHttpHost, listen } from '../../src-main/host/server';
import { openSetUpBackend, openTestBackend, tempDir, type TestBackend } from '../helpers/backend';
import { get, post, rawRequest } from '../helpers/raw-http';

let t: TestBackend;
let server: Server;
let port: number;
let base: string;

async function start(backend: Backend, allowedHosts: string[] = []) {
  const ui = tempDir('bo-ui-');
  mkdirSync(join(ui, 'assets'));
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>ui</title>');
  server = createHttpHost({ backend, rendererDir: ui, port: 0, lan: true, allowedHosts });
  port = await listen(server, 0, false);
  base = `http://127.0.0.1:${port}`;
}

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  t.close();
});

const SETUP = JSON.stringify({
  store: { code: 'SH-009', name: 'x', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
  admin: { username: 'boss', displayName: 'B', authKind: 'pin', secret: '1234' },
});

const connections = () => new Promise<number>((r, j) => server.getConnections((e, n) => (e ? j(e) : r(n))));

async function signIn(): Promise<string> {
  const res = await fetch(`${base}/api/session.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'boss', secret: '1234' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('DNS rebinding: only the names of this PC are answered', () => {
  it('refuses a foreign Host with a matching Origin before first-run setup can run', async () => {
    t = await openTestBackend();
    await start(t.backend);
    const evil = `rebind.attacker.example:${port}`;
    const res = await rawRequest(port, post('/api/setup.initialize', evil, SETUP, `Origin: http://${evil}\r\n`));
    expect(res.status).toBe(421);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('--allowed-host');
    expect((await t.call('setup.status', {})).initialized).toBe(false);
    // the page itself, the event stream and a sign-in attempt are refused the same way
    expect((await rawRequest(port, get('/', evil))).status).toBe(421);
    expect((await rawRequest(port, get('/api/events', evil))).status).toBe(421);
    const zh = await rawRequest(port, get('/', evil, 'Accept-Language: zh-CN\r\n'));
    expect(zh.body).toContain('不是门店电脑的名称');
    // no Host at all (HTTP/1.0) is no name of ours either
    expect((await rawRequest(port, 'GET / HTTP/1.0\r\n\r\n')).status).toBe(421);
  });

  it("answers loopback names, this PC's host name and addresses, and the configured names", async () => {
    t = await openSetUpBackend();
    await start(t.backend, ['backoffice.chain.example', '203.0.113.7']);
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
    const names = [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST.:${port}`,
      `[::1]:${port}`,
      `${hostname()}:${port}`,
      `${hostname().split('.')[0]}.local:${port}`,
      `backoffice.chain.example:${port}`,
      `BackOffice.Chain.Example`,
      `203.0.113.7:${port}`,
      ...(lan ? [`${lan}:${port}`] : []),
    ];
    for (const name of names) {
      const res = await rawRequest(port, post('/api/system.ping', name, '{}', `Origin: http://${name}\r\n`));
      expect([name, res.status]).toEqual([name, 200]);
    }
    for (const name of ['attacker.example', `127.0.0.1.attacker.example:${port}`, 'localhost@evil', '203.0.113.8']) {
      expect([name, (await rawRequest(port, get('/', name))).status]).toEqual([name, 421]);
    }
  });
});

describe('malformed requests are answered, never left hanging', () => {
  it('answers a bad percent-encoding with 400, closes nothing it should keep and raises no error event', async () => {
    t = await openSetUpBackend();
    await start(t.backend);
    const seen: ServerEvent[] = [];
    t.backend.events.subscribe((e) => seen.push(e));
    const host = `127.0.0.1:${port}`;
    const page = await rawRequest(port, get('/a%', host));
    expect(page).toMatchObject({ status: 400, closed: true });
    expect(page.body).toContain('not valid');
    const call = await rawRequest(port, post('/api/%zz', host, '{}'));
    expect(call.status).toBe(400);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await rawRequest(port, get('/assets/%E0%A4%A', host))).status).toBe(400);
    expect((await rawRequest(port, get('/x%00.js', host))).status).toBe(400);
    // 200 of them, sent without waiting: each is answered and no connection stays open
    const all = await Promise.all(Array.from({ length: 200 }, () => rawRequest(port, get('/a%', host), 5_000)));
    expect(all.every((r) => r.status === 400 && r.closed)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(await connections()).toBe(0);
    expect(seen.filter((e) => e.type === 'server-error')).toEqual([]);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('answers a failure inside the request handler with a 500 and closes the connection', async () => {
    t = await openSetUpBackend();
    const broken: Backend = {
      ...t.backend,
      dispatch: () => Promise.reject(new Error('dispatch exploded')),
      events: {
        ...t.backend.events,
        subscribe: () => {
          throw new Error('subscribe exploded');
        },
      },
    };
    await start(broken);
    const cookie = await (async () => {
      // sign in through the real backend: the broken one cannot
      const real = createHttpHost({ backend: t.backend, rendererDir: tempDir(), port: 0, lan: false });
      const realPort = await listen(real, 0, false);
      const res = await rawRequest(
        realPort,
        post('/api/session.login', `127.0.0.1:${realPort}`, JSON.stringify({ username: 'boss', secret: '1234' })),
      );
      real.closeAllConnections();
      real.close();
      return res.headers['set-cookie']!.split(';')[0]!;
    })();
    const host = `127.0.0.1:${port}`;
    // keep-alive requests: the server must close them itself after the 500
    const keepAlive = (r: string) => r.replace('Connection: close\r\n', '');
    const call = await rawRequest(port, keepAlive(post('/api/system.ping', host, '{}')));
    expect(call).toMatchObject({ status: 500, closed: true });
    const stream = await rawRequest(port, keepAlive(get('/api/events', host, `Cookie: ${cookie}\r\n`)));
    expect(stream).toMatchObject({ status: 500, closed: true });
    expect(stream.body).toContain('could not answer');
  });
});

describe('call bodies', () => {
  it('answers an 8 MB+ body with the JSON 400 the client can read, and JSON calls only as application/json', async () => {
    t = await openSetUpBackend();
    await start(t.backend);
    const huge = await fetch(`${base}/api/system.ping`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Locale': 'zh-CN' },
      body: JSON.stringify({ pad: 'x'.repeat(9 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(400);
    expect(await huge.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '请求超过 8 MB。请发送更小的文件，或分批发送较少的行。' },
    });
    const as = (type: string) =>
      fetch(`${base}/api/system.ping`, { method: 'POST', headers: { 'Content-Type': type }, body: '{}' });
    expect((await as('application/jsonx')).status).toBe(403);
    expect((await as('application/json-patch+json')).status).toBe(403);
    expect((await as('application/json; charset=latin1')).status).toBe(403);
    expect((await as('application/json; charset=UTF-8')).status).toBe(200);
    expect((await as('Application/JSON')).status).toBe(200);
  });

  it('refuses a body nested deeper than any screen sends, naming the limit', async () => {
    t = await openSetUpBackend();
    await start(t.backend);
    const cookie = await signIn();
    const deep = '{"key":"grid.x","value":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const res = await fetch(`${base}/api/prefs.set`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: deep,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('64');
  });
});

describe('server-sent events', () => {
  it('release their slot and socket as soon as the client leaves, even after a GET with a body', async () => {
    t = await openSetUpBackend();
    await start(t.backend);
    const host = `127.0.0.1:${port}`;
    const login = await rawRequest(port, post('/api/session.login', host, '{"username":"boss","secret":"1234"}'));
    const cookie = login.headers['set-cookie']!.split(';')[0]!;
    const body = '['.repeat(100_000);
    const withBody = `GET /api/events HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookie}\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    for (let i = 0; i < 8; i++) {
      const head = await rawRequest(port, withBody, 3_000, { untilHead: true, halfClose: true });
      expect(head.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(await connections()).toBe(0);
  });

  it('need a live session, stop when it ends, and are bounded per session', async () => {
    t = await openSetUpBackend();
    await start(t.backend);
    const anonymous = await fetch(`${base}/api/events`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('Sign in first');
    expect((await fetch(`${base}/api/events`, { headers: { Cookie: 'bo_session=forged' } })).status).toBe(401);

    const cookie = await signIn();
    const ctrl = new AbortController();
    const streams = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${base}/api/events`, { headers: { Cookie: cookie }, signal: ctrl.signal }),
      ),
    );
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const seventh = await fetch(`${base}/api/events`, { headers: { Cookie: cookie } });
    expect(seventh.status).toBe(429);

    // signing out ends every stream of that session at the next push
    const reader = streams[0]!.body!.getReader();
    await fetch(`${base}/api/session.logout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: '{}',
    });
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('"type":"hello"');
    expect(text).not.toContain('invalidate');
    ctrl.abort();
    // the slots are free again for a new sign-in
    const again = await signIn();
    const next = await fetch(`${base}/api/events`, { headers: { Cookie: again } });
    expect(next.status).toBe(200);
    await next.body!.cancel();
  });
});
