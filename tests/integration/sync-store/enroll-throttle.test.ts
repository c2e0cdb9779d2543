import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src-shared/i18n';
import { THROTTLE } from '../../../src-hq/services/stores/enrollment-throttle';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { Line, openStore } from './harness';

/** What the store's admin reads on the enrollment screen when HQ throttles wrong codes. */
describe('enrolling after too many wrong codes', () => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq({ kind: 'pglite' });
  });
  afterAll(() => hq?.close());

  it("shows HQ's throttle refusal in the admin's language, for the right code too", async () => {
    const t = await openStore(new Line());
    try {
      const { enrollmentCode } = await hq.createStore();
      await t.call('session.login', { username: 'boss', secret: '1234' });
      for (let i = 0; i < THROTTLE.perSource; i++) {
        const wrong = await t.fail('sync.enrollPreview', { hqUrl: hq.url, code: `WRONG-${i}-CODE` });
        expect(wrong).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'code' }] });
      }
      for (const locale of ['en', 'zh-CN'] as const) {
        const refused = await t.fail('sync.enrollPreview', { hqUrl: hq.url, code: enrollmentCode }, { locale });
        expect(refused.code).toBe('CONFLICT');
        expect(refused.message).toBe(translate(locale, 'sync.refusal.TOO_MANY_ATTEMPTS'));
      }
    } finally {
      t.close();
    }
  });
});
