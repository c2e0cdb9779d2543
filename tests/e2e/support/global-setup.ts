import {
  describeProcesses,
  joinRun,
  killAll,
  processesOfRun,
  RUN_VAR,
  stillRunning,
} from '../../../scripts/lib/run-processes.mjs';

/**
 * The end-to-end run's own check that nothing outlives it: the run gets an
 * id in its environment (inherited by workers, hosts, socat, Chromium), and
 * at the end, or when the run is stopped by a signal, whatever still carries
 * the id is killed; at the normal end that also fails the run, naming it.
 */
export default function setup(): () => void {
  const runId = joinRun('e2e');
  const sweep = () => killAll(processesOfRun(runId));
  // On a signal the workers stop without their afterAll hooks: whatever they started goes here.
  process.once('exit', sweep);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      sweep();
      // Without other listeners, the signal's default action (ending the run) is what it was sent for.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
  return () => {
    // What is still shutting down (a browser's crash handler) gets a moment; what stays was left behind.
    const left = stillRunning(processesOfRun(runId).filter((p) => p.ppid !== process.pid));
    killAll(left);
    if (left.length > 0) {
      throw new Error(
        `the end-to-end tests left ${left.length} process(es) running (${RUN_VAR}):\n${describeProcesses(left)}`,
      );
    }
  };
}
