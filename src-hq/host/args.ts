import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface HqArgs {
  dataDir: string;
  databaseUrl: string | null;
  host: string;
  port: number;
  cert: string | null;
  key: string | null;
  name: string;
  demo: boolean;
  /** Days of history each demo store sends (0: master data and waiting stores only). */
  demoDays: number;
  createAdmin: string | null;
}

/** HQ's own directory, beside the store app's: ~/.config/store-backoffice-hq on Linux. */
export function defaultHqDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HQ_DATA_DIR) return env.HQ_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'store-backoffice-hq');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'store-backoffice-hq');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'store-backoffice-hq');
}

export const HQ_USAGE = `Usage: npm run hq [-- options]

  --data-dir DIR        HQ's embedded database (PGlite) and logs (env HQ_DATA_DIR; default ${defaultHqDataDir()})
                        With DATABASE_URL=postgres://... set, HQ uses that PostgreSQL server instead
                        (several HQ processes may then serve the same stores); logs stay in DIR.
  --host ADDR           address to listen on (default 127.0.0.1)
  --port N              port (env HQ_PORT; default 4790; 0 = any free port)
  --cert FILE --key FILE
                        HTTPS with this certificate (PEM); required to listen beyond this machine
  --name NAME           HQ's name, shown to stores when they enroll (default "HQ")
  --create-admin NAME   create an HQ administrator and exit (password from HQ_ADMIN_PASSWORD or asked)
  --demo                add a demo chain: master data, stores with a year of their data (sent once, by
                        the store app's own code through sync), one store left to enroll; then serve
  --demo-days N         days of history per demo store (default 365; 0: no history, every store waits)`;

export function parseHqArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HqArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      name: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-days': { type: 'string' },
      'create-admin': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(HQ_USAGE);
  const portText = values.port ?? env.HQ_PORT ?? '4790';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${portText}".`);
  }
  const daysText = values['demo-days'] ?? '365';
  const demoDays = Number(daysText);
  if (!Number.isInteger(demoDays) || demoDays < 0 || demoDays > 730) {
    throw new Error(`--demo-days must be a number of days from 0 to 730, not "${daysText}".`);
  }
  if (!!values.cert !== !!values.key) throw new Error('--cert and --key go together: give both, or neither.');
  const admin = values['create-admin'];
  if (admin !== undefined && !/^[A-Za-z0-9._-]{2,32}$/.test(admin)) {
    throw new Error('--create-admin NAME: 2 to 32 letters, digits, dots, dashes or underscores.');
  }
  return {
    dataDir: values['data-dir'] ?? defaultHqDataDir(env),
    databaseUrl: env.DATABASE_URL || null,
    host: values.host ?? '127.0.0.1',
    port,
    cert: values.cert ?? null,
    key: values.key ?? null,
    name: values.name ?? 'HQ',
    demo: values.demo ?? false,
    demoDays,
    createAdmin: admin ?? null,
  };
}
