import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_STORES } from '../../../src-hq/tools/demo';
import { stopChild, track } from './children';
import type { RunningHost } from './host';

const ROOT = resolve(__dirname, '../../..');

/**
 * Starts the built HQ (`out/hq/hq.js`, its UI in out/hq-ui) on a free port
 * with its embedded database in a fresh data directory (or `dataDir`, to
 * start it again over the same data). Like startHost, it is tracked from
 * the moment it is spawned, so it is stopped however the test ends, and
 * DATABASE_URL is cleared so a test never reaches a real PostgreSQL.
 */
export async function startHq(args: string[] = [], dataDir?: string): Promise<RunningHost> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'hq-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'out/hq/hq.js'), '--data-dir', dir, '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, HQ_DATA_DIR: '', HQ_PORT: '', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  track(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const removeDir = () => {
    if (!dataDir) rmSync(dir, { recursive: true, force: true });
  };
  // Up once it has said where, and, with --demo, has listed the last demo store (written once the demo is in).
  const ready = args.includes('--demo') ? new RegExp(`\n  ${DEMO_STORES.at(-1)!.code}  .*\n`) : /HQ is running at/;
  const url = await new Promise<string>((ok, fail) => {
    // Creating a PGlite database takes a few seconds, more on a busy machine.
    const timer = setTimeout(() => fail(new Error(`HQ did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /HQ is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && ready.test(out)) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => fail(new Error(`HQ exited with ${code}:\n${out}`)));
  }).catch(async (e: unknown) => {
    await stopChild(child);
    removeDir();
    throw e;
  });
  return {
    url,
    dataDir: dir,
    process: child,
    output: () => out,
    stop: async () => {
      await stopChild(child);
      removeDir();
    },
  };
}
