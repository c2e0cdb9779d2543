import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
let now = Date.parse('2026-11-27T02:00:00Z');
afterEach(() => t?.close());

const report = { message: 'x'.repeat(2000), stack: 's'.repeat(10_000), url: 'http://127.0.0.1:4780/#/items' };

async function send(source: string, token: string | null = null) {
  const out = await t.backend.dispatch('system.reportClientError', report, {
    token,
    locale: 'en',
    caller: { loopback: false, client: 'test', source },
  });
  return out.result.ok ? 'ok' : out.result.error.code;
}

describe('client error reports', () => {
  it('give a source without a session a small budget that refills, and a session a larger one', async () => {
    t = await openSetUpBackend({ now: () => now });
    const anonymous = [];
    for (let i = 0; i < 7; i++) anonymous.push(await send('192.168.1.50'));
    expect(anonymous).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(await send('192.168.1.51')).toBe('ok');
    now += 2 * 60_000; // one report refills every two minutes
    expect(await send('192.168.1.50')).toBe('ok');
    expect(await send('192.168.1.50')).toBe('RATE_LIMITED');

    const signedIn = [];
    for (let i = 0; i < 32; i++) signedIn.push(await send('192.168.1.52', t.token));
    expect(signedIn.filter((r) => r === 'ok')).toHaveLength(30);
    expect(signedIn.slice(30)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('cannot rotate the app log away: reports go to their own small log', async () => {
    t = await openSetUpBackend({ now: () => now });
    const logs = join(t.dir, 'logs');
    t.backend.log.info('marker line before the flood');
    for (let i = 0; i < 300; i++) {
      for (let j = 0; j < 6; j++) await send(`10.1.${i >> 8}.${i & 255}`);
    }
    expect(readFileSync(join(logs, 'app.log'), 'utf8')).toContain('marker line before the flood');
    expect(existsSync(join(logs, 'app.1.log'))).toBe(false);
    const files = readdirSync(logs).filter((f) => f.startsWith('client-errors'));
    expect(files.sort()).toEqual([
      'client-errors.1.log',
      'client-errors.2.log',
      'client-errors.3.log',
      'client-errors.log',
    ]);
    const total = files.reduce((n, f) => n + statSync(join(logs, f)).size, 0);
    expect(total).toBeLessThanOrEqual(4 * 1024 * 1024);
    const last = readFileSync(join(logs, 'client-errors.log'), 'utf8').trim().split('\n').pop()!;
    expect(JSON.parse(last)).toMatchObject({ msg: 'renderer error', data: { source: '10.1.1.43' } });
  });
});
