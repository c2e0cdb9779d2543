import type { ChildProcess } from 'node:child_process';

/**
 * Every process an end-to-end test starts (hosts, mostly) is registered here
 * and stopped however the test file ends: its own afterAll, the afterAll of
 * setup.ts when a beforeAll threw before the file kept a handle (a browser
 * that cannot start while its host is starting), or the worker exiting or
 * being signalled. Each runs in a process group of its own, so the whole
 * group goes, whatever it started in turn.
 */
const live = new Set<ChildProcess>();

export function track(child: ChildProcess): void {
  if (child.pid === undefined) return;
  live.add(child);
  child.once('exit', () => live.delete(child));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

/** SIGTERM (a host closes its database cleanly), then SIGKILL for whatever has not gone within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, 'SIGKILL'); // the leader is gone; anything it started must not stay
    live.delete(child);
    return;
  }
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  signalGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((ok) => (timer = setTimeout(() => ok('late'), graceMs)));
  if ((await Promise.race([exited, late])) === 'late') {
    signalGroup(child, 'SIGKILL');
    await exited;
  }
  clearTimeout(timer);
  signalGroup(child, 'SIGKILL');
  live.delete(child);
}

export const stopAllChildren = () => Promise.all([...live].map((c) => stopChild(c)));

/** Synchronous last resort when the worker exits or is signalled: no time to wait for a clean stop. */
function killAllNow(): void {
  for (const c of live) signalGroup(c, 'SIGKILL');
  live.clear();
}

process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllNow();
    // Without other listeners, the signal's default action (ending the worker) is what it was sent for.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}
