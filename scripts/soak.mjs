#!/usr/bin/env node
// npm run soak -- --minutes N [--seed S] [--db pglite|postgres]: the randomized
// sync soak (tests/sync/harness/soak.ts). The harness is TypeScript written for
// vitest (it uses __dirname), so it is bundled here with esbuild, packages left
// in node_modules, and run with node; the bundle goes under .tmp/ and is removed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(ROOT, '.tmp', `soak-${process.pid}`);
mkdirSync(dir, { recursive: true });
const out = join(dir, 'soak.mjs');
const built = spawnSync(
  join(ROOT, 'node_modules/.bin/esbuild'),
  [
    'tests/sync/harness/soak-cli.ts',
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--packages=external',
    '--target=node20',
    `--outfile=${out}`,
    '--log-level=warning',
    // The helpers find drizzle-hq/ and .tmp/ from their own folder.
    `--define:__dirname=${JSON.stringify(join(ROOT, 'tests/helpers'))}`,
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
if (built.status !== 0) {
  rmSync(dir, { recursive: true, force: true });
  process.exit(built.status ?? 1);
}
const child = spawn(process.execPath, [out, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
child.on('exit', (code, signal) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
