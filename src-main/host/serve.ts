import { join } from 'node:path';
import { startBackend, type Backend } from '../backend';
import { translate } from '../../src-shared/i18n';
import { restoreBackup } from '../db/restore';
import { RestoreRefusal } from '../db/restore-check';
import { dataPaths } from '../lib/paths';
import { appRoot, appVersion } from './app-root';
import { parseHostArgs, type HostArgs } from './args';
import { reportStartupFailure } from './startup-report';
import { createHttpHost, listen } from './server';

/**
 * The Node host: the same backend as the Electron app, with the UI served over
 * HTTP (tablets on the store LAN, machines without Electron, every test).
 */
export async function serve(
  args: HostArgs,
  notice?: string,
): Promise<{ backend: Backend; url: string; stop(): Promise<void> }> {
  const root = appRoot();
  const backend = await startBackend({
    dataDir: args.dataDir,
    kind: 'node',
    version: appVersion(root),
    lan: args.lan,
    migrationsFolder: join(root, 'drizzle'),
    demo: args.demo,
    echoLog: true,
  });
  process.on('uncaughtException', (err) => {
    backend.log.error('uncaught exception', err);
    backend.events.publish({ type: 'server-error', ref: 'uncaught' });
  });
  process.on('unhandledRejection', (err) => backend.log.error('unhandled rejection', err));
  const server = createHttpHost({
    backend,
    rendererDir: join(root, 'out', 'renderer'),
    port: args.port,
    lan: args.lan,
    allowedHosts: args.allowedHosts,
  });
  let port: number;
  try {
    port = await listen(server, args.port, args.lan);
  } catch (err) {
    backend.close();
    throw err;
  }
  const url = `http://127.0.0.1:${port}`;
  if (notice) console.log(notice);
  console.log(`Store back office is running at ${url}${args.lan ? " (and on this PC's LAN addresses)" : ''}`);
  console.log(`Data: ${args.dataDir}`);
  if (backend.demo) console.log(`Demo store ready. Sign in as ${backend.demo.logins}`);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        backend.close();
        resolve();
      });
    });
  return { backend, url, stop };
}

async function restore(args: HostArgs): Promise<void> {
  let result: Awaited<ReturnType<typeof restoreBackup>>;
  try {
    result = await restoreBackup(dataPaths(args.dataDir), args.from!, join(appRoot(), 'drizzle'));
  } catch (err) {
    if (!(err instanceof RestoreRefusal)) throw err;
    console.error(translate('en', `system.restore.refused.${err.reason}`, err.params));
    process.exit(2);
  }
  console.log(`Restored ${result.restoredFrom} (store ${result.contents.storeCode} ${result.contents.storeName}).`);
  if (result.previous) console.log(`The database it replaced was kept as ${result.previous}.`);
}

export async function main(argv: string[], notice?: string): Promise<void> {
  let args: HostArgs;
  try {
    args = parseHostArgs(argv);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  try {
    if (args.command === 'restore') return await restore(args);
    const running = await serve(args, notice);
    const shutdown = () => void running.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (err) {
    process.exit(reportStartupFailure(err));
  }
}

if (process.argv[1] && /serve\.(js|ts)$/.test(process.argv[1])) void main(process.argv.slice(2));
