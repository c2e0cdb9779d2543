/** Types of run-processes.mjs (plain JavaScript: npm test runs it before node_modules exists). */
export interface RunProcess {
  pid: number;
  ppid: number;
  cmd: string;
}
export const RUN_VAR: 'BACKOFFICE_TEST_RUN';
export function joinRun(prefix: string, env?: NodeJS.ProcessEnv): string;
export function processesOfRun(runId: string, except?: number[]): RunProcess[];
export function stillRunning(list: RunProcess[], ms?: number): RunProcess[];
export function killAll(list: RunProcess[]): void;
export function describeProcesses(list: RunProcess[]): string;
