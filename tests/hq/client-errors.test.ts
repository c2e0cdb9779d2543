import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHqUser } from '../../src-hq/services/auth/users';
import { HqApiClient, startTestHq, type TestHq } from '../helpers/hq';

/**
 * HQ's screens report the errors nobody caught (the error boundary, unhandled
 * rejections) so support can find them by reference: in their own small log,
 * from signed-in users only, a few dozen per user at a time.
 */
describe("HQ's screen error reports", () => {
  let t: TestHq;
  let viewer: HqApiClient;
  const logs = () => dirname(t.hq.log.file);
  beforeAll(async () => {
    t = await startTestHq({ kind: 'pglite' });
    await createHqUser(
      t.hq.ctx.db,
      { username: 'eve', displayName: 'Eve', role: 'viewer', password: 'correct horse 9' },
      Date.now(),
    );
    viewer = new HqApiClient(t.url);
    await viewer.call('session.login', { username: 'eve', password: 'correct horse 9' });
  });
  afterAll(() => t?.close());

  it('logs a report with a reference, beside hq.log and not in it', async () => {
    const { ref } = await viewer.call<{ ref: string }>('client.reportError', {
      message: 'Cannot read properties of undefined',
      stack: 'at StorePage',
      url: 'http://127.0.0.1/stores/x',
    });
    expect(ref).toMatch(/^[0-9A-F]{8}$/);
    const text = readFileSync(join(logs(), 'client-errors.log'), 'utf8');
    expect(text).toContain(ref);
    expect(text).toContain('"user":"eve"');
    expect(text).toContain('Cannot read properties of undefined');
    expect(readFileSync(t.hq.log.file, 'utf8')).not.toContain(ref);
  });

  it('takes no report without a session, and refuses a flood from one user', async () => {
    const anonymous = await new HqApiClient(t.url).raw('client.reportError', { message: 'x' });
    expect([anonymous.status, anonymous.body.error?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await viewer.raw('client.reportError', { message: `loop ${i}` });
      codes.push(r.body.ok ? 'ok' : r.body.error!.code);
    }
    // 30 per ten minutes, one of which the first test used.
    expect(codes.filter((c) => c === 'ok')).toHaveLength(29);
    expect(codes.slice(29)).toEqual(Array(11).fill('RATE_LIMITED'));
    const refused = await viewer.raw('client.reportError', { message: 'again' });
    expect([refused.status, refused.body.error?.message]).toEqual([
      429,
      'Too many error reports from this device in a short time; this one was not logged.',
    ]);
  });
});
