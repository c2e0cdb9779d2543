import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { translate } from '../../src-shared/i18n';
import { HqApiError } from '../api/errors';
import { openHqDb, type OpenOptions } from '../db/client';
import { startHq } from '../hq';
import { createHqUser, userCount } from '../services/auth/users';
import { startDemo } from '../tools/demo';
import { parseHqArgs, type HqArgs } from './args';
import { lockDataDir } from './data-dir-lock';
import { isLoopbackHost } from './loopback';
import { HqStartError } from './server';

/** drizzle-hq/ beside the build (out/hq/hq.js) and beside the sources (src-hq/host/main.ts): two levels up. */
const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle-hq');
/** The store app's migrations: the demo's stores are the store app's own databases. */
const STORE_MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');
/** The built web UI (vite.hq-ui.config.ts), found the same way. */
const UI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../out/hq-ui');

function dbOptions(args: HqArgs): OpenOptions {
  return args.databaseUrl
    ? { url: args.databaseUrl, migrationsFolder: MIGRATIONS }
    : { dataDir: join(args.dataDir, 'pg'), migrationsFolder: MIGRATIONS };
}

const where = (args: HqArgs) =>
  args.databaseUrl ? `PostgreSQL at ${new URL(args.databaseUrl).host}` : `PGlite in ${join(args.dataDir, 'pg')}`;

async function askPassword(): Promise<string> {
  if (process.env.HQ_ADMIN_PASSWORD) return process.env.HQ_ADMIN_PASSWORD;
  if (!process.stdin.isTTY)
    throw new Error('Set HQ_ADMIN_PASSWORD (8 characters or more): there is no terminal to ask.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((res) => {
      rl.question(q, res);
      // Typed characters are not echoed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    });
  const first = await ask('Password (8 characters or more): ');
  process.stdout.write('\n');
  const second = await ask('Again: ');
  process.stdout.write('\n');
  rl.close();
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

async function createAdmin(args: HqArgs): Promise<void> {
  const password = await askPassword();
  if (password.length < 8) throw new Error('The password needs 8 characters or more.');
  const unlock = args.databaseUrl ? () => {} : lockDataDir(args.dataDir);
  const db = await openHqDb(dbOptions(args));
  try {
    await createHqUser(
      db.db,
      { username: args.createAdmin!, displayName: args.createAdmin!, role: 'admin', password },
      Date.now(),
    );
    console.log(`HQ administrator ${args.createAdmin} created (${where(args)}).`);
  } finally {
    await db.close();
    unlock();
  }
}

async function serve(args: HqArgs): Promise<void> {
  // Before anything is opened: the answer to a wrong --host should not wait for a database.
  if (!args.cert && !isLoopbackHost(args.host)) {
    throw new HqStartError(
      `HQ serves plain HTTP only on this machine (127.0.0.1 or ::1), and ${args.host} is not. To listen on ${args.host}, give a certificate and its key: --cert FILE --key FILE (HTTPS).`,
    );
  }
  const unlock = args.databaseUrl ? () => {} : lockDataDir(args.dataDir);
  const tls = args.cert && args.key ? { cert: readFileSync(args.cert), key: readFileSync(args.key) } : undefined;
  const hq = await startHq({
    db: dbOptions(args),
    host: args.host,
    port: args.port,
    tls,
    uiDir: UI_DIR,
    logDir: join(args.dataDir, 'logs'),
    releasesDir: join(args.dataDir, 'releases'),
    hqName: args.name,
    echo: true,
  }).catch((err: unknown) => {
    unlock();
    throw err;
  });
  console.log(`HQ is running at ${hq.url}  (${where(args)}; log ${hq.log.file})`);
  if (args.demo) {
    const t0 = Date.now();
    if (args.demoDays > 0) console.log(`Demo: each demo store sends its last ${args.demoDays} days to HQ (once)…`);
    const demo = await startDemo(hq.ctx, {
      hqUrl: hq.url,
      workDir: join(args.dataDir, 'demo-stores'),
      storeMigrations: STORE_MIGRATIONS,
      days: args.demoDays,
      progress: (line) => console.log(line),
    });
    console.log(`Demo ready in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
    console.log("Demo stores (enter HQ's address and the code on the store's sync screen):");
    for (const s of demo.stores) {
      console.log(`  ${s.code}  ${s.name}  ${s.enrollmentCode ? `code ${s.enrollmentCode} (valid 7 days)` : s.status}`);
    }
    if (demo.admin) console.log(`HQ sign-in: ${demo.admin.username} / ${demo.admin.password}`);
  }
  if ((await userCount(hq.ctx.db)) === 0) {
    console.log('No HQ user yet: open the address above on this machine to create the first administrator,');
    console.log('or stop HQ and run: npm run hq -- --create-admin NAME');
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping HQ`);
    void hq.close().finally(() => {
      unlock();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(): Promise<void> {
  let args: HqArgs;
  try {
    args = parseHqArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  try {
    if (args.createAdmin) await createAdmin(args);
    else await serve(args);
  } catch (err) {
    if (err instanceof HqApiError) console.error(translate('en', err.key ?? `error.${err.code}`, err.params));
    else console.error(err instanceof HqStartError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}

void main();
