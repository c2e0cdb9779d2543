/**
 * A socat pty pair for the printer simulator: the app opens one link, the
 * simulator the other. socat is killed by its PID on close.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, unlinkSync } from 'node:fs';

export interface PtyPair {
  /** The link the app opens. */
  appLink: string;
  /** The link the simulator opens. */
  simLink: string;
  pid: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A dangling link left by a killed socat would make socat fail; a live one means the path is in use. */
function clearStaleLink(path: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return; // does not exist
  }
  if (isLink && !existsSync(path)) unlinkSync(path);
  else throw new Error(`${path} already exists (another simulator running?)`);
}

export async function startPtyPair(appLink: string, simLink: string, timeoutMs = 5000): Promise<PtyPair> {
  clearStaleLink(appLink);
  clearStaleLink(simLink);
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${appLink}`, `pty,raw,echo=0,link=${simLink}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code ?? -1;
      resolve();
    }),
  );
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  let failure: Error | null = null;
  void spawnError.then((e) => (failure = e));

  const close = async () => {
    if (exited === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGTERM');
      const killer = setTimeout(() => {
        if (exited === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      }, 2000);
      await exit;
      clearTimeout(killer);
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(appLink) && existsSync(simLink))) {
    if (failure) throw new Error(`socat could not start: ${(failure as Error).message}`);
    if (exited !== null) throw new Error(`socat exited (${exited}): ${stderr.trim()}`);
    if (Date.now() > deadline) {
      await close();
      throw new Error(`socat links did not appear within ${timeoutMs} ms`);
    }
    await sleep(20);
  }
  return { appLink, simLink, pid: child.pid!, close };
}
