import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  aptCommand,
  nodeModulesState,
  planSystemPackages,
  preflight,
  type SystemPackage,
} from '../../../scripts/lib/preflight.mjs';
import { SYSTEM_PACKAGES } from '../../../scripts/lib/system-deps.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A checkout whose lock asks for `lock` and whose node_modules holds `installed` (undefined: no node_modules). */
function checkout(lock: Record<string, object>, installed?: Record<string, object>): string {
  const root = mkdtempSync(join(tmpdir(), 'bo-preflight-'));
  dirs.push(root);
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages: { '': {}, ...lock } }));
  if (installed) {
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules/.package-lock.json'), JSON.stringify({ packages: installed }));
  }
  return root;
}

const LOCK = {
  'node_modules/zod': { version: '4.6.0' },
  'node_modules/@esbuild/win32-x64': { version: '0.25.0', optional: true },
};
const ready = () => checkout(LOCK, { 'node_modules/zod': { version: '4.6.0' } });

/** Packages that are there unless listed in `missing` (read live: a fake apt-get empties it). */
function fakePackages(missing: string[]): SystemPackage[] {
  return ['chromium', 'fonts-wqy-microhei', 'socat'].map((apt) => ({
    apt,
    why: `${apt} for the tests`,
    present: () => !missing.includes(apt),
  }));
}

const user = { isRoot: () => false, passwordlessSudo: () => false, hasAptGet: () => true };
const root = { ...user, isRoot: () => true };

describe('what npm test needs from the system', () => {
  it('lists chromium, the Chinese font, socat and PostgreSQL in one place, Chromium where CHROMIUM_PATH points', () => {
    expect(SYSTEM_PACKAGES.map((p) => p.apt)).toEqual(['chromium', 'fonts-wqy-microhei', 'socat', 'postgresql']);
    const chromium = SYSTEM_PACKAGES[0]!;
    expect(chromium.present({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBe(false);
    expect(chromium.present({ CHROMIUM_PATH: process.execPath })).toBe(true);
    expect(SYSTEM_PACKAGES[2]!.present({ PATH: '/nonexistent' })).toBe(false);
    expect(SYSTEM_PACKAGES[3]!.present({ PG_BIN: '/nonexistent' })).toBe(false);
  });

  it('installs as root or with sudo without a password; otherwise one line with the command', () => {
    const i = { missing: ['chromium', 'socat'], isRoot: false, passwordlessSudo: false, hasAptGet: true };
    expect(planSystemPackages({ ...i, missing: [] })).toEqual({ kind: 'ready' });
    expect(planSystemPackages({ ...i, isRoot: true })).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'socat'],
      ],
    });
    expect(planSystemPackages({ ...i, passwordlessSudo: true })).toMatchObject({
      kind: 'install',
      commands: [['sudo', '-n', 'apt-get', 'update'], expect.arrayContaining(['sudo', '-n', 'chromium', 'socat'])],
    });
    const stop = planSystemPackages(i);
    expect(stop).toEqual({
      kind: 'stop',
      line: `npm test needs chromium, socat: run   ${aptCommand(['chromium', 'socat'])}   then npm test again.`,
    });
    expect(aptCommand(['socat'])).toBe('sudo apt-get update && sudo apt-get install -y --no-install-recommends socat');
    expect(planSystemPackages({ ...i, hasAptGet: false })).toMatchObject({ kind: 'stop' });
  });

  it('stops at once, installing nothing, when a package is missing and this user may not install', () => {
    const ran: string[][] = [];
    const out = preflight({
      root: ready(),
      probe: user,
      packages: fakePackages(['socat']),
      run: (argv) => (ran.push(argv), true),
      log: () => undefined,
    });
    expect(out).toEqual({ ok: false, line: expect.stringContaining(aptCommand(['socat'])) });
    expect(ran).toEqual([]);
  });

  it('installs what is missing as root, non-interactively, then goes on', () => {
    const missing = ['chromium', 'fonts-wqy-microhei'];
    const packages = fakePackages(missing);
    const runs: { argv: string[]; frontend?: string }[] = [];
    const out = preflight({
      root: ready(),
      probe: root,
      packages,
      run: (argv, env) => {
        runs.push({ argv, frontend: env.DEBIAN_FRONTEND });
        if (argv.includes('install')) missing.splice(0); // apt-get did its job
        return true;
      },
      log: () => undefined,
    });
    expect(out).toEqual({ ok: true });
    expect(runs).toEqual([
      { argv: ['apt-get', 'update'], frontend: 'noninteractive' },
      {
        argv: ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'],
        frontend: 'noninteractive',
      },
    ]);
  });

  it('says so when apt-get ran but the package is still not there', () => {
    const out = preflight({
      root: ready(),
      probe: root,
      packages: fakePackages(['socat']),
      run: () => true,
      log: () => undefined,
    });
    expect(out).toEqual({ ok: false, line: 'still missing after apt-get: socat.' });
  });

  it('names a CHROMIUM_PATH that is not there instead of installing a Chromium it would not use', () => {
    const out = preflight({ root: ready(), env: { CHROMIUM_PATH: '/nonexistent' }, probe: root, run: () => true });
    expect(out).toEqual({
      ok: false,
      line: expect.stringMatching(/^CHROMIUM_PATH=\/nonexistent is not an executable/),
    });
  });

  it('refuses a Node.js older than 20.19', () => {
    const out = preflight({ root: ready(), nodeVersion: '20.18.1', packages: fakePackages([]) });
    expect(out).toEqual({ ok: false, line: expect.stringContaining('20.19 or newer') });
  });
});

describe('node_modules against package-lock.json', () => {
  it('is ready when every required package is installed at its locked version (a platform-only optional may be absent)', () => {
    expect(nodeModulesState(ready())).toEqual({ state: 'ok', linked: false });
  });

  it('is missing or stale otherwise, whatever the files’ times say', () => {
    expect(nodeModulesState(checkout(LOCK))).toEqual({ state: 'missing', linked: false });
    expect(nodeModulesState(checkout(LOCK, {}))).toMatchObject({
      state: 'stale',
      detail: 'node_modules/zod is not installed',
    });
    expect(nodeModulesState(checkout(LOCK, { 'node_modules/zod': { version: '4.5.0' } }))).toMatchObject({
      state: 'stale',
      detail: 'node_modules/zod is 4.5.0, the lock wants 4.6.0',
    });
    const badOptional = {
      'node_modules/zod': { version: '4.6.0' },
      'node_modules/@esbuild/win32-x64': { version: '0.1.0' },
    };
    expect(nodeModulesState(checkout(LOCK, badOptional)).state).toBe('stale');
  });

  it('runs npm ci without the Electron download when node_modules is missing', () => {
    const dir = checkout(LOCK);
    const runs: { argv: string[]; skip?: string }[] = [];
    const out = preflight({
      root: dir,
      packages: fakePackages([]),
      run: (argv, env) => {
        runs.push({ argv, skip: env.ELECTRON_SKIP_BINARY_DOWNLOAD });
        mkdirSync(join(dir, 'node_modules'));
        writeFileSync(join(dir, 'node_modules/.package-lock.json'), JSON.stringify({ packages: LOCK }));
        return true;
      },
      log: () => undefined,
    });
    expect(runs).toEqual([{ argv: ['npm', 'ci', '--no-audit', '--no-fund'], skip: '1' }]);
    expect(out).toEqual({ ok: true });
  });

  it('never reinstalls a linked node_modules (it belongs to another checkout)', () => {
    const shared = checkout(LOCK, {});
    const dir = checkout(LOCK);
    symlinkSync(join(shared, 'node_modules'), join(dir, 'node_modules'));
    const ran: string[][] = [];
    const out = preflight({ root: dir, packages: fakePackages([]), run: (argv) => (ran.push(argv), true) });
    expect(out).toMatchObject({ ok: false, line: expect.stringContaining('node_modules is a link') });
    expect(ran).toEqual([]);
  });
});
