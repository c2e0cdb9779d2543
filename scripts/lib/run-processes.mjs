// Every process a test run starts carries BACKOFFICE_TEST_RUN in its
// environment (children inherit it: hosts, socat, Chromium), a list of run
// ids, one per nested runner. Whatever still carries a run's id when that
// run is over was left behind; /proc tells, whoever its parent now is.
import { readdirSync, readFileSync } from 'node:fs';

export const RUN_VAR = 'BACKOFFICE_TEST_RUN';

/** A fresh id added to this process's run ids, so children carry both the outer runs' ids and this one. */
export function joinRun(prefix, env = process.env) {
  const id = `${prefix}-${process.pid}-${Date.now().toString(36)}`;
  env[RUN_VAR] = [env[RUN_VAR], id].filter(Boolean).join(' ');
  return id;
}

function runIdsOf(pid) {
  let environ;
  try {
    environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
  } catch {
    return []; // gone, or not ours to read
  }
  const entry = environ.split('\0').find((e) => e.startsWith(`${RUN_VAR}=`));
  return entry ? entry.slice(RUN_VAR.length + 1).split(' ') : [];
}

function parentOf(pid) {
  try {
    // Field 4 of /proc/PID/stat, after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Processes carrying `runId`, but not those listed in `except` (the runner itself, its workers). */
export function processesOfRun(runId, except = [process.pid]) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return []; // no /proc (not Linux): nothing to check
  }
  const out = [];
  for (const d of pids) {
    const pid = Number(d);
    if (except.includes(pid) || !runIdsOf(pid).includes(runId)) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
    } catch {
      continue;
    }
    if (cmd) out.push({ pid, ppid: parentOf(pid), cmd });
  }
  return out;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const alive = (pid) => {
  try {
    // A zombie has an empty command line: it has ended, only its parent has not noticed yet.
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1') !== '';
  } catch {
    return false;
  }
};

/**
 * Those of `list` still running after up to `ms`: a browser's crash handler
 * or a host finishing its shutdown may take a moment after their parent is
 * gone, and only what stays is left behind.
 */
export function stillRunning(list, ms = 3000) {
  let left = list;
  for (const end = Date.now() + ms; left.length > 0 && Date.now() < end; sleep(100)) {
    left = left.filter((p) => alive(p.pid));
  }
  return left.filter((p) => alive(p.pid));
}

/** Kills what `processesOfRun` found, at once: it outlived its run. */
export function killAll(list) {
  for (const p of list) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** One line per leftover process, for the run's output. */
export const describeProcesses = (list) => list.map((p) => `  pid ${p.pid}: ${p.cmd.slice(0, 160)}`).join('\n');
