/**
 * The benchmark data generator:
 *   gen --items 3000 --days 730 [--moves 5000000] [--data-dir DIR] [--seed N]
 * Creates a set-up store (admin/1234) in DIR (default bench-data/, gitignored)
 * with a realistic two years of movements, then checks a sample of items
 * against the posting path (see verify-sample.ts). Refuses a directory that
 * already holds a store.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBackend } from '../backend';
import { sql } from '../db/sql';
import { addDays, dayKeyer } from '../../src-shared/time';
import { generateStore } from './gen-store';
import { verifySample } from './verify-sample';

const userIdByName = sql<{ id: string }, [username: string]>('SELECT id FROM users WHERE username = ?');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export async function main(): Promise<void> {
  const items = Number(arg('items', '3000'));
  const days = Number(arg('days', '730'));
  const moves = Number(arg('moves', String(Math.round((items * days * 5_000_000) / (3000 * 730)))));
  const dataDir = resolve(arg('data-dir', 'bench-data'));
  const seed = Number(arg('seed', '20261127'));
  if (existsSync(join(dataDir, 'store.sqlite'))) {
    console.error(`${dataDir} already holds a store; pick another --data-dir or delete it first.`);
    process.exit(2);
  }
  const timeZone = 'Asia/Shanghai';
  const backend = await startBackend({
    dataDir,
    kind: 'node',
    version: 'gen',
    lan: false,
    migrationsFolder: resolve(arg('migrations', 'drizzle')),
    firstBackupDelayMs: 3600_000,
  });
  try {
    const out = await backend.dispatch(
      'setup.initialize',
      {
        store: { code: 'BENCH-01', name: '基准门店', address: '上海市', timezone: timeZone, currency: 'CNY' },
        admin: { username: 'admin', displayName: '管理员', authKind: 'pin', secret: '1234' },
      },
      { token: null, locale: 'en', caller: { loopback: true, client: 'gen' } },
    );
    if (!out.result.ok) throw new Error(`setup failed: ${out.result.error.message}`);
    const sqlite = backend.database.sqlite;
    const userId = userIdByName.get(sqlite, 'admin')!.id;
    const lastDay = addDays(dayKeyer(timeZone)(Date.now()), -1);
    console.log(
      `Generating ${items} items, ${days} days to ${lastDay}, ~${moves.toLocaleString('en')} movements into ${dataDir}`,
    );
    const res = generateStore(sqlite, { items, days, moves, lastDay, timeZone, userId, seed, log: console.log });
    console.log(
      `Wrote ${res.moves.toLocaleString('en')} movements (${res.firstDay}..${res.lastDay}) in ${res.seconds.toFixed(1)} s: ` +
        `${Math.round(res.moves / res.seconds).toLocaleString('en')} movements/s`,
    );
    const t = Date.now();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const v = verifySample(sqlite, 25);
    console.log(
      `Verified ${v.items} sampled items against the posting path in ${Date.now() - t} ms: ${v.problems.length ? 'PROBLEMS' : 'ok'}`,
    );
    for (const p of v.problems.slice(0, 20)) console.log('  ' + p);
    if (v.problems.length) process.exitCode = 1;
  } finally {
    backend.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
