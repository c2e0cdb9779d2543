import { pickLocale } from '../../../src-shared/i18n';
import type { StoreDatabase } from '../../db/client';
import type { Logger } from '../../lib/log';
import { writeAudit } from '../audit/record';
import type { Ctx, HostInfo } from '../context';
import { seedDemo, type DemoSummary } from './seed';
import { NO_DEVICES } from '../devices/device-hub';

export type { DemoSummary };

/**
 * `--demo` at start: seeds (or tops up) the demo restaurant in one transaction,
 * audited as the system, not as a user.
 */
export function seedDemoStore(database: StoreDatabase, host: HostInfo, log: Logger): DemoSummary {
  const ctx: Ctx = {
    db: database.db,
    sqlite: database.sqlite,
    now: Date.now(),
    user: null,
    sessionTokenHash: null,
    sessionExpiresAt: null,
    locale: pickLocale(process.env.LANG?.replace('_', '-')),
    caller: { loopback: true, client: 'demo' },
    host,
    log,
    changed: () => undefined,
    setSession: () => undefined,
    devices: NO_DEVICES,
  };
  const summary = database.sqlite.transaction(() => {
    const s = seedDemo(ctx);
    writeAudit(ctx, 'demo.seed', { result: JSON.stringify(s.inserted) });
    return s;
  })();
  log.info('demo data', summary);
  return summary;
}
