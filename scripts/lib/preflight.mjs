// What `npm test` needs before its first step: Node.js itself, the system
// packages of system-deps.mjs (installed when this user may: root, or sudo
// without a password; otherwise one line with the command to run, at once),
// and node_modules matching package-lock.json (npm ci, as start.sh does).
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CHROMIUM, onPath, SYSTEM_PACKAGES } from './system-deps.mjs';

const MIN_NODE = [20, 19];

/**
 * Whether node_modules holds what package-lock.json asks for. npm keeps the
 * installed tree in node_modules/.package-lock.json; every package the lock
 * requires must be there at the locked version. Optional packages for other
 * platforms are never installed, so only a wrong version of one counts.
 * (Modification times cannot tell: a fresh checkout is newer than any install.)
 */
export function nodeModulesState(root) {
  const dir = join(root, 'node_modules');
  if (!existsSync(dir)) return { state: 'missing', linked: false };
  const linked = lstatSync(dir).isSymbolicLink();
  const hidden = join(dir, '.package-lock.json');
  if (!existsSync(hidden)) return { state: 'stale', linked, detail: 'node_modules/.package-lock.json is missing' };
  const wanted = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(hidden, 'utf8')).packages ?? {};
  for (const [path, meta] of Object.entries(wanted)) {
    if (path === '' || meta.link) continue;
    const have = installed[path];
    if (!have && meta.optional) continue;
    if (!have) return { state: 'stale', linked, detail: `${path} is not installed` };
    if (have.version !== meta.version) {
      return { state: 'stale', linked, detail: `${path} is ${have.version}, the lock wants ${meta.version}` };
    }
  }
  return { state: 'ok', linked };
}

/** The one command a user without root runs to get the missing packages. */
export const aptCommand = (pkgs) =>
  `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;

/**
 * What to do about missing system packages: nothing, install them (as root,
 * or through sudo when it asks for no password), or stop with one line.
 */
export function planSystemPackages({ missing, isRoot, passwordlessSudo, hasAptGet }) {
  if (missing.length === 0) return { kind: 'ready' };
  const names = missing.join(', ');
  if (!hasAptGet) {
    return {
      kind: 'stop',
      line: `npm test needs ${names} and cannot install them here (no apt-get): install them, then run npm test again.`,
    };
  }
  if (isRoot || passwordlessSudo) {
    const prefix = isRoot ? [] : ['sudo', '-n'];
    const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...missing];
    return {
      kind: 'install',
      commands: [
        [...prefix, 'apt-get', 'update'],
        [...prefix, ...install],
      ],
    };
  }
  return { kind: 'stop', line: `npm test needs ${names}: run   ${aptCommand(missing)}   then npm test again.` };
}

const defaultProbe = {
  isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
  passwordlessSudo: () => onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  hasAptGet: () => onPath('apt-get'),
};

function defaultRun(argv, env) {
  return spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env }).status === 0;
}

/**
 * Checks and, where it can, installs; returns { ok: true } or { ok: false,
 * line } where `line` is all the user needs to read. `probe`, `run` and
 * `packages` are parameters so the decisions can be tested without root.
 */
export function preflight({
  root,
  env = process.env,
  log = (s) => console.log(s),
  probe = defaultProbe,
  run = defaultRun,
  packages = SYSTEM_PACKAGES,
  nodeVersion = process.versions.node,
}) {
  const [major, minor] = nodeVersion.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    return { ok: false, line: `Node.js ${nodeVersion} is too old: 20.19 or newer is needed (nodejs.org or nvm).` };
  }

  // System packages first: a missing one stops the run before a minutes-long npm ci.
  const chromium = packages.find((p) => p.apt === 'chromium');
  if (env.CHROMIUM_PATH && env.CHROMIUM_PATH !== DEFAULT_CHROMIUM && chromium && !chromium.present(env)) {
    return {
      ok: false,
      line: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable: point it at a Chromium, or unset it to use ${DEFAULT_CHROMIUM}.`,
    };
  }
  const missing = () => packages.filter((p) => !p.present(env)).map((p) => p.apt);
  const plan = planSystemPackages({
    missing: missing(),
    isRoot: probe.isRoot(),
    passwordlessSudo: probe.passwordlessSudo(),
    hasAptGet: probe.hasAptGet(),
  });
  if (plan.kind === 'stop') return { ok: false, line: plan.line };
  if (plan.kind === 'install') {
    for (const p of packages.filter((x) => !x.present(env))) log(`installing ${p.apt}: ${p.why}`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const argv of plan.commands) {
      log(`$ ${argv.join(' ')}`);
      if (!run(argv, aptEnv))
        return { ok: false, line: `${argv.join(' ')} failed (see above); fix it, then run npm test again.` };
    }
    const still = missing();
    if (still.length > 0) return { ok: false, line: `still missing after apt-get: ${still.join(', ')}.` };
  }

  const deps = nodeModulesState(root);
  if (deps.state !== 'ok') {
    if (deps.linked) {
      // A linked node_modules is shared with another checkout: reinstalling it here would pull it from under that one.
      return {
        ok: false,
        line: `node_modules is a link and does not match package-lock.json (${deps.detail}): run npm ci where it points.`,
      };
    }
    log(`installing node dependencies (${deps.detail ?? 'node_modules is missing'}): npm ci`);
    // The Electron binary is not needed to test (the tests drive the Node host) and cannot always be downloaded.
    const npmEnv = { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    if (!run(['npm', 'ci', '--no-audit', '--no-fund'], npmEnv)) {
      return { ok: false, line: 'npm ci failed (see above); fix it, then run npm test again.' };
    }
    const after = nodeModulesState(root);
    if (after.state !== 'ok')
      return { ok: false, line: `node_modules still does not match the lock: ${after.detail}.` };
  }
  return { ok: true };
}
