import { parseArgs } from 'node:util';
import { defaultDataDir } from '../lib/paths';
import { configuredHostName } from './host-names';

export interface HostArgs {
  command: 'serve' | 'restore';
  dataDir: string;
  port: number;
  lan: boolean;
  demo: boolean;
  from: string | null;
  noElectron: boolean;
  /** Extra names this PC answers to besides its own (see host-names.ts). */
  allowedHosts: string[];
}

export const USAGE = `Usage:
  npm start [-- options]            Electron window if it can run here, otherwise the served UI
  npm run serve [-- options]        always serve the UI over HTTP
  npm run restore -- --from FILE    replace the store database by a backup (app stopped)

Options:
  --data-dir DIR   where the database, backups and logs live
                   (env BACKOFFICE_DATA_DIR; default ${defaultDataDir()})
  --port N         HTTP port (env BACKOFFICE_PORT; default 4780; 0 = any free port)
  --lan            listen on the store network too (every device must sign in)
  --demo           seed the demo restaurant (idempotent)
  --allowed-host NAME
                   another name or address tablets use to reach this PC (a DNS name,
                   a NAT address); repeatable (env BACKOFFICE_ALLOWED_HOSTS, comma-separated)
  --no-electron    npm start: serve even where Electron could run`;

/** Parses host flags; throws with a message naming the bad flag. */
export function parseHostArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HostArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      lan: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      from: { type: 'string' },
      'no-electron': { type: 'boolean', default: false },
      'allowed-host': { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(USAGE);
  const command = positionals[0] ?? 'serve';
  if (command !== 'serve' && command !== 'restore') throw new Error(`Unknown command "${command}".\n${USAGE}`);
  const portText = values.port ?? env.BACKOFFICE_PORT ?? '4780';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${portText}".`);
  }
  const allowedHosts = [...(values['allowed-host'] ?? []), ...(env.BACKOFFICE_ALLOWED_HOSTS ?? '').split(',')]
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  const badHost = allowedHosts.find((n) => !configuredHostName(n));
  if (badHost !== undefined) {
    throw new Error(
      `--allowed-host must be a host name or an address (e.g. store-pc.chain.example), not "${badHost}".`,
    );
  }
  if (command === 'restore' && !values.from) throw new Error('restore needs --from FILE (a backup file).');
  return {
    command,
    dataDir: values['data-dir'] ?? defaultDataDir(env),
    port,
    lan: values.lan ?? false,
    demo: values.demo ?? false,
    from: values.from ?? null,
    noElectron: values['no-electron'] ?? false,
    allowedHosts,
  };
}
