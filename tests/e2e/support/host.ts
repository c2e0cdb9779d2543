import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stopChild, track } from './children';

const ROOT = resolve(__dirname, '../../..');

export interface RunningHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built Node host (`out/main/serve.js`) on a free port with a fresh
 * data directory. It is tracked from the moment it is spawned (children.ts),
 * so it is stopped even when the caller never gets it back.
 */
export async function startHost(args: string[] = [], dataDir?: string): Promise<RunningHost> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'bo-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'out/main/serve.js'), '--data-dir', dir, '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, BACKOFFICE_DATA_DIR: '' },
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
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start:\n${out}`)), 20_000);
    const check = () => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => fail(new Error(`host exited with ${code}:\n${out}`)));
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
