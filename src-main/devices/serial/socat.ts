/**
 * A virtual serial cable for tests, demos and the simulator: socat joins two ptys and
 * publishes them as symlinks. Baud rate and parity do nothing on a pty.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, unlinkSync } from 'node:fs';

export interface SocatPair {
  /** The two link paths; either end can be opened as a serial port. */
  readonly a: string;
  readonly b: string;
  readonly pid: number;
  readonly alive: boolean;
  /** Kills socat (by its PID), waits for it to exit and for the links to vanish. */
  kill(): Promise<void>;
}

export interface SocatOptions {
  /** How long to wait for both links. Default 5 s. */
  timeoutMs?: number;
  socatPath?: string;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A socat left behind would keep the links alive and lock the next run out. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of live) if (c.pid !== undefined) killQuietly(c.pid, 'SIGTERM');
  });
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Removes a symlink left by a socat that died without cleaning up; refuses a live one. */
function clearStaleLink(path: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return;
  }
  if (!isLink) throw new Error(`${path} exists and is not a symlink: pick another link path`);
  if (existsSync(path)) throw new Error(`${path} is already in use by a running socat (or simulator)`);
  unlinkSync(path);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startSocatPair(a: string, b: string, opts: SocatOptions = {}): Promise<SocatPair> {
  clearStaleLink(a);
  clearStaleLink(b);
  const child = spawn(opts.socatPath ?? 'socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  let exited = false;
  let spawnError: Error | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      live.delete(child);
      resolve();
    });
    child.once('error', (err) => {
      spawnError = err;
      exited = true;
      live.delete(child);
      resolve();
    });
  });
  live.add(child);
  installExitHook();

  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  while (!(existsSync(a) && existsSync(b))) {
    if (exited) {
      const why = spawnError ? (spawnError as Error).message : stderr.trim().split('\n').pop();
      throw new Error(`socat failed to create ${a} <-> ${b}: ${why ?? 'no output'}`);
    }
    if (Date.now() > deadline) {
      if (child.pid !== undefined) killQuietly(child.pid, 'SIGKILL');
      await exit;
      throw new Error(`socat did not create ${a} and ${b} in time`);
    }
    await sleep(10);
  }
  const pid = child.pid!;

  return {
    a,
    b,
    pid,
    get alive() {
      return !exited;
    },
    async kill() {
      if (!exited) {
        killQuietly(pid, 'SIGTERM');
        const t = setTimeout(() => killQuietly(pid, 'SIGKILL'), 2000);
        await exit;
        clearTimeout(t);
      }
      // socat unlinks on a clean exit; after SIGKILL the dangling links remain.
      for (const p of [a, b]) {
        try {
          if (lstatSync(p).isSymbolicLink() && !existsSync(p)) unlinkSync(p);
        } catch {
          // gone already
        }
      }
    },
  };
}
