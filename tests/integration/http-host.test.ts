import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpHost, listen } from '../../src-main/host/server';
import { openSetUpBackend, tempDir, type TestBackend } from '../helpers/backend';

let t: TestBackend;
let server: Server;
let base: string;

beforeEach(async () => {
  t = await openSetUpBackend();
  const ui = tempDir('bo-ui-');
  mkdirSync(join(ui, 'assets'));
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(ui, 'assets', 'app-123.js'), 'console.log(1)');
  server = createHttpHost({ backend: t.backend, rendererDir: ui, port: 0, lan: false });
  base = `http://127.0.0.1:${await listen(server, 0, false)}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  t.close();
});

const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('Node HTTP host', () => {
  it('signs in with an HttpOnly SameSite cookie and uses it for later calls', async () => {
    const res = await post('session.login', { username: 'boss', secret: '1234' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^bo_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+/);
    const body = (await res.json()) as { ok: boolean; value: { user: { username: string } } };
    expect(body.value.user.username).toBe('boss');
    expect(JSON.stringify(body)).not.toContain(cookie.split(';')[0]!.split('=')[1]!); // the token is never in the body
    const list = await post('users.list', {}, { Cookie: cookie.split(';')[0]! });
    expect(list.status).toBe(200);
    const logout = await post('session.logout', {}, { Cookie: cookie.split(';')[0]! });
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await post('users.list', {}, { Cookie: cookie.split(';')[0]! })).status).toBe(401);
  });

  it('maps error codes to HTTP statuses and answers in the requested language', async () => {
    expect((await post('nope.nothing', {})).status).toBe(404);
    const unauth = await post('users.list', {}, { 'X-Locale': 'zh-CN' });
    expect(unauth.status).toBe(401);
    expect(((await unauth.json()) as { error: { message: string } }).error.message).toBe('请先登录。');
    const bad = await post('session.login', { username: '' }, { 'Accept-Language': 'zh-CN,zh;q=0.9' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; fields: unknown[] } }).error.fields).toHaveLength(2);
    const json = await post('session.login', '{not json');
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('refuses cross-site calls: a foreign Origin, or a body that is not JSON', async () => {
    const foreign = await post(
      'session.login',
      { username: 'boss', secret: '1234' },
      { Origin: 'http://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const form = await fetch(`${base}/api/session.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=boss&secret=1234',
    });
    expect(form.status).toBe(403);
    expect((await fetch(`${base}/api/system.ping`)).status).toBe(405);
  });

  it('pushes invalidations over server-sent events to a signed-in browser', async () => {
    const login = await post('session.login', { username: 'boss', secret: '1234' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const ctrl = new AbortController();
    const events = await fetch(`${base}/api/events`, { headers: { Cookie: cookie }, signal: ctrl.signal });
    expect(events.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = events.body!.getReader();
    let text = '';
    const read = (async () => {
      while (!text.includes('users.list')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    })();
    await post(
      'users.create',
      { username: 'sse', displayName: 'S', role: 'clerk', authKind: 'pin', secret: '1234' },
      { Cookie: cookie },
    );
    await read;
    ctrl.abort();
    expect(text).toContain('"type":"hello"');
    expect(text).toContain('{"type":"invalidate","methods":["users.list"]}');
  });

  it('serves the UI with a strict CSP, caches hashed assets, falls back to index.html, and never leaves its folder', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${base}/assets/app-123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await fetch(`${base}/admin/users`)).text()).toContain('<title>ui</title>');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });
});
