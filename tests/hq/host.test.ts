import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HqStartError } from '../../src-hq/host/server';
import type { Refusal } from '../../src-shared/sync/protocol';
import { startTestHq, type TestHq } from '../helpers/hq';

/**
 * The HTTP front a store talks to. Transport rules do not depend on the
 * database, so these run on PGlite only; the sync rules behind them run on
 * both databases in their own files.
 */
// Self-signed for 127.0.0.1, made for these tests only (openssl req -x509 ...): no secret.
const TLS = {
  cert: readFileSync(join(__dirname, 'tls/cert.pem')),
  key: readFileSync(join(__dirname, 'tls/key.pem')),
};

/** A raw HTTP exchange, for bodies fetch() will not send (slow, oversized). */
function raw(port: number, head: string, body: Buffer | string, trickle = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.on('data', (d) => (got += d.toString()));
    s.on('close', () => resolve(got));
    s.on('error', (e) => (got ? resolve(got) : reject(e)));
    s.write(head);
    if (trickle) s.write(body.slice(0, 10));
    else s.end(body);
  });
}

describe('HQ host', () => {
  let t: TestHq;
  beforeAll(async () => {
    t = await startTestHq({ kind: 'pglite', options: { bodyTimeoutMs: 400 } });
  });
  afterAll(() => t?.close());

  it('refuses to serve plain HTTP beyond this machine, and serves HTTPS with a certificate', async () => {
    const plain = await startTestHq({ kind: 'pglite', db: undefined, options: { host: '0.0.0.0' } }).catch(
      (e: unknown) => e,
    );
    expect(plain).toBeInstanceOf(HqStartError);
    expect((plain as Error).message).toMatch(/--cert FILE --key FILE/);

    const tls = await startTestHq({ kind: 'pglite', options: { tls: TLS } });
    try {
      expect(tls.url).toMatch(/^https:/);
      const status = await new Promise<number>((resolve, reject) => {
        const r = request(`${tls.url}/healthz`, { ca: TLS.cert }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        r.on('error', reject);
        r.end();
      });
      expect(status).toBe(200);
    } finally {
      await tls.close();
    }
  });

  it('answers what is not a sync request with a refusal saying why', async () => {
    const unknown = await t.client.post<Refusal>('nope', {});
    expect([unknown.status, unknown.body.code]).toEqual([400, 'BAD_REQUEST']);
    const notJson = await t.client.post<Refusal>('session', '{"requestId": ');
    expect([notJson.status, notJson.body.code]).toEqual([400, 'BAD_REQUEST']);
    const malformed = await t.client.post<Refusal>('session', { storeId: 'x' });
    expect(malformed.body.message).toMatch(/requestId/);
    const get = await fetch(`${t.url}/sync/v1/session`);
    expect(get.status).toBe(400);
    expect(((await get.json()) as Refusal).message).toMatch(/POST/);
    expect(malformed.body.hqTime).toBeGreaterThan(0);
  });

  it('refuses a body over 8 MB with 413, before reading it all', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 0x20);
    const answer = await raw(
      t.hq.port,
      `POST /sync/v1/enroll/preview HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`,
      big,
    );
    expect(answer).toMatch(/^HTTP\/1.1 413/);
    expect(answer).toContain('"code":"TOO_LARGE"');
  });

  it('cuts off a body that trickles in too slowly', async () => {
    const started = Date.now();
    const answer = await raw(
      t.hq.port,
      'POST /sync/v1/enroll/preview HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      '{"entries": [' + ' '.repeat(900),
      true,
    );
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(answer).toContain('"code":"TIMEOUT"');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('logs every refusal at HQ', async () => {
    await t.client.post('nope-logged', {});
    const log = readFileSync(t.hq.log.file, 'utf8');
    expect(log).toContain('"msg":"sync refused"');
    expect(log).toContain('nope-logged');
  });
});
