import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killAll, processesOfRun, RUN_VAR, stillRunning } from '../../scripts/lib/run-processes.mjs';

/**
 * Nothing a test run starts outlives it, however the run ends: each case
 * runs the first-run file in a nested run whose processes carry an id of
 * their own, ends it badly, and looks for anything still carrying the id.
 */
const ROOT = resolve(__dirname, '../..');
const FILE = 'tests/e2e/first-run.e2e.ts';

interface Nested {
  child: ChildProcess;
  runId: string;
  output(): string;
  exited: Promise<number | null>;
}

let seq = 0;
const started: string[] = [];
// A case that fails must not leave its nested run behind either.
afterEach(() => {
  for (const id of started.splice(0)) killAll(processesOfRun(id));
});

function nested(argv: string[], env: Record<string, string> = {}): Nested {
  const runId = `orphan-check-${process.pid}-${++seq}`;
  started.push(runId);
  // The nested run is a run of its own, not a part of this worker's.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...base, ...env, FORCE_COLOR: '0', [RUN_VAR]: [process.env[RUN_VAR], runId].filter(Boolean).join(' ') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, runId, output: () => out, exited };
}

const vitestRun = (env?: Record<string, string>) =>
  nested([resolve(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '-c', 'vitest.e2e.config.ts', FILE], env);

/** Waits until the nested run has a host up (its serve.js carries the run's id). */
async function hostUp(n: Nested): Promise<void> {
  await expect
    .poll(() => processesOfRun(n.runId).some((p) => p.cmd.includes('out/main/serve.js')), {
      timeout: 30_000,
      interval: 100,
    })
    .toBe(true);
}

/** What still runs with the nested run's id once it has ended (a moment allowed for shutdowns). */
const survivors = (n: Nested) => stillRunning(processesOfRun(n.runId), 3000).map((p) => p.cmd);

describe('no process outlives its test run', () => {
  it('stops the host when the browser cannot start', async () => {
    const n = vitestRun({ CHROMIUM_PATH: '/nonexistent' });
    expect(await n.exited).toBe(1);
    expect(n.output()).toContain('Failed to launch chromium');
    // The file's own clean-up stopped it: the run's final sweep had nothing to kill.
    expect(n.output()).not.toMatch(/left \d+ process\(es\) running/);
    expect(survivors(n)).toEqual([]);
  });

  it('stops the hosts when the test run is sent SIGTERM', async () => {
    const n = vitestRun();
    await hostUp(n);
    n.child.kill('SIGTERM');
    await n.exited;
    expect(survivors(n)).toEqual([]);
  });

  it('npm test stops its current step and all it started on SIGTERM', async () => {
    const n = nested([resolve(ROOT, 'scripts/test-all.mjs'), '--steps', 'e2e', FILE]);
    await hostUp(n);
    n.child.kill('SIGTERM');
    expect(await n.exited).toBe(143);
    expect(n.output()).toMatch(/interrupted \(SIGTERM\)/);
    expect(n.output().trim().split('\n').at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
    expect(survivors(n)).toEqual([]);
  });
});
