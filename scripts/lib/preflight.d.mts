/** Types of preflight.mjs (plain JavaScript: npm test runs it before node_modules exists). */
export interface SystemPackage {
  apt: string;
  why: string;
  present(env?: NodeJS.ProcessEnv): boolean;
}
export type NodeModulesState = { state: 'ok' | 'missing' | 'stale'; linked: boolean; detail?: string };
export function nodeModulesState(root: string): NodeModulesState;
export function aptCommand(pkgs: string[]): string;
export type SystemPlan = { kind: 'ready' } | { kind: 'install'; commands: string[][] } | { kind: 'stop'; line: string };
export function planSystemPackages(i: {
  missing: string[];
  isRoot: boolean;
  passwordlessSudo: boolean;
  hasAptGet: boolean;
}): SystemPlan;
export function preflight(i: {
  root: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  probe?: { isRoot(): boolean; passwordlessSudo(): boolean; hasAptGet(): boolean };
  run?: (argv: string[], env: NodeJS.ProcessEnv) => boolean;
  packages?: SystemPackage[];
  nodeVersion?: string;
}): { ok: true } | { ok: false; line: string };
