import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresBinDir } from '../../scripts/lib/system-deps.mjs';

/**
 * A private PostgreSQL cluster for one test file: initdb in a temp dir, the
 * server on 127.0.0.1 and a free port, durability off (tests need speed, not
 * crash safety), stopped by `stop()` and, should the test process die first,
 * by a watchdog that notices the process is gone. PostgreSQL refuses to run
 * as root, so as root every program runs as the `postgres` user (Debian's
 * package creates it). About a second to start.
 */
export interface TestPostgres {
  port: number;
  /** A URL for a database of this cluster (created by createDatabase). */
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** argv that runs `program` as the user PostgreSQL accepts. */
function asPostgres(program: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function run(program: string, args: string[]): void {
  const [cmd, argv] = asPostgres(program, args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed (the HQ tests need a real server too): apt-get install postgresql, or run npm test, which installs it',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'hq-pg-'));
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const pgCtl = join(bin, 'pg_ctl');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = [
    `-h 127.0.0.1 -p ${port} -k ${dir}`,
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run(pgCtl, ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);

  // The watchdog: if this process dies without stop() (a crash, SIGKILL), the server goes with it.
  const [stopCmd, stopArgv] = asPostgres(pgCtl, ['-D', data, 'stop', '-m', 'immediate']);
  const quoted = [stopCmd, ...stopArgv].map((a) => `'${a}'`).join(' ');
  const watchdog = spawn(
    'sh',
    ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${quoted} >/dev/null 2>&1; rm -rf '${dir}'`],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();

  let stopped = false;
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(pgCtl, ['-D', data, 'stop', '-m', 'immediate']);
      } finally {
        if (watchdog.pid) {
          try {
            process.kill(-watchdog.pid); // its group: the shell and its sleep
          } catch {
            // Already gone.
          }
        }
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
