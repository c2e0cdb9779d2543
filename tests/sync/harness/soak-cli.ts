import { parseArgs } from 'node:util';
import { stopTestPostgres } from '../../helpers/hq-db';
import { RealStore } from './real-store';
import { runSoak, summary } from './soak';

/**
 * `npm run soak -- --minutes N [--seed S] [--db pglite|postgres] [--stores K] [--real-store]`:
 * scripts/soak.mjs bundles and runs this. Exit 0 only when every round ended
 * with every replica equal; 1 on any divergence; 2 on bad arguments.
 */
const USAGE =
  'Usage: npm run soak -- --minutes N [--seed S] [--db pglite|postgres] [--stores 2-5] [--round-ms MS] [--real-store]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        minutes: { type: 'string', default: '1' },
        seed: { type: 'string' },
        db: { type: 'string', default: 'pglite' },
        stores: { type: 'string' },
        'round-ms': { type: 'string' },
        // The stores are the real store app (its SQLite file and sync worker in a child process) instead of SimStore.
        'real-store': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const minutes = Number(values.minutes);
  const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
  const stores = values.stores === undefined ? undefined : Number(values.stores);
  const roundMs = values['round-ms'] === undefined ? undefined : Number(values['round-ms']);
  const problems = [
    !(minutes > 0) && `--minutes must be a positive number, not "${values.minutes}"`,
    !Number.isInteger(seed) && `--seed must be an integer, not "${values.seed}"`,
    values.db !== 'pglite' && values.db !== 'postgres' && `--db is pglite or postgres, not "${values.db}"`,
    stores !== undefined && !(Number.isInteger(stores) && stores >= 2 && stores <= 5) && '--stores is 2 to 5',
    roundMs !== undefined && !(roundMs >= 500) && '--round-ms is 500 or more',
  ].filter(Boolean);
  if (problems.length) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }
  const real = values['real-store'];
  console.log(
    `soak: ${minutes} min, seed ${seed}, ${values.db}${real ? ', real stores' : ''} (replay with --seed ${seed})`,
  );
  try {
    const report = await runSoak({
      minutes,
      seed,
      db: values.db as 'pglite' | 'postgres',
      stores,
      roundMs,
      ...(real ? { makeStore: (name: string, url: string, code: string) => RealStore.create(name, url, code) } : {}),
      log: (line) => console.log(line),
    });
    console.log(summary(report));
    return report.ok ? 0 : 1;
  } finally {
    await stopTestPostgres();
  }
}

// Ctrl-C or a CI timeout: exit through process.exit so the exit handlers stop HQ's process and the PostgreSQL cluster.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: soak stopped`);
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
