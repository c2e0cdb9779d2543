import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../src-main/host/csp';
import { rawRequest } from '../helpers/raw-http';
import { startTestHq, type TestHq } from '../helpers/hq';

/**
 * HQ serves its own web UI (the built src-hq-ui) beside /api and /sync: the
 * store's static serving and security headers, and index.html for a screen's
 * address so a reload or a bookmark of /stores/<id> works. A stand-in build
 * in a temporary folder: the rules do not depend on what the pages hold.
 */
describe("HQ's web UI", () => {
  let t: TestHq;
  let ui: string;
  let outside: string;
  beforeAll(async () => {
    ui = mkdtempSync(join(tmpdir(), 'hq-ui-'));
    mkdirSync(join(ui, 'assets'));
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>HQ</title>');
    writeFileSync(join(ui, 'assets', 'index-abc123.js'), 'console.log(1)');
    // A file beside the UI folder that no address may reach.
    outside = `${ui}-secret.txt`;
    writeFileSync(outside, 'secret');
    t = await startTestHq({ kind: 'pglite', options: { uiDir: ui } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(ui, { recursive: true, force: true });
    rmSync(outside, { force: true });
  });

  it('serves the page with the same security headers as the store, never cached', async () => {
    const res = await fetch(`${t.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>HQ</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it("answers a screen's address with the page (a reload of /stores/<id> works), and hashed assets cached for good", async () => {
    const deep = await fetch(`${t.url}/stores/0190d1a2-0000-7000-8000-000000000001?tab=dead`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>HQ</title>');
    const asset = await fetch(`${t.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toBe(CSP);
    // A missing file is missing, not the page (a stale tab asking for an old chunk must fail loudly).
    expect((await fetch(`${t.url}/assets/index-old.js`)).status).toBe(404);
  });

  it('reaches nothing outside the UI folder, and takes only GET and HEAD', async () => {
    const name = outside.split('/').pop()!;
    for (const path of [`/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`]) {
      const res = await rawRequest(t.hq.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(res.body, path).not.toContain('secret');
    }
    expect((await rawRequest(t.hq.port, `GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).status).toBe(
      400,
    );
    const post = await fetch(`${t.url}/stores`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${t.url}/`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('leaves the API and the sync endpoints as they were', async () => {
    const api = await fetch(`${t.url}/api/session.current`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(((await api.json()) as { ok: boolean }).ok).toBe(true);
    expect(await (await fetch(`${t.url}/healthz`)).text()).toBe('ok\n');
    const sync = await fetch(`${t.url}/sync/v1/session`);
    expect(sync.status).toBe(400);
  });

  it('says how to build the UI when it is not built', async () => {
    rmSync(join(ui, 'index.html'));
    try {
      const res = await fetch(`${t.url}/stores`);
      expect([res.status, await res.text()]).toEqual([500, 'The UI is not built: run npm run build.']);
    } finally {
      writeFileSync(join(ui, 'index.html'), '<!doctype html><title>HQ</title>');
    }
  });
});
