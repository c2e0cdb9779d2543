import type { StoreDatabase } from '../../db/client';
import type { Logger } from '../../lib/log';
import type { HostInfo } from '../context';
import { runSystemWork } from '../system/system-work';
import { seedDemo, type DemoSummary, type DemoVariant } from './seed';

export type { DemoSummary };

/**
 * `--demo` at start: seeds (or tops up) the demo restaurant in one transaction,
 * audited as the system, not as a user (one entry counting what was added).
 */
export function seedDemoStore(
  database: StoreDatabase,
  host: HostInfo,
  log: Logger,
  variant?: DemoVariant,
): DemoSummary {
  const summary = runSystemWork(
    { ...database, host, log, client: 'demo' },
    {
      method: 'demo.seed',
      run: (ctx) => seedDemo(ctx, variant),
      result: (s) => JSON.stringify(s.inserted),
      keepChanges: false,
    },
  );
  log.info('demo data', summary);
  return summary;
}
