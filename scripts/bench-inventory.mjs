#!/usr/bin/env node
// Inventory benchmarks (issue 3): bundles src-main/tools/bench-inventory.ts with esbuild and runs it
// on a data set made by the generator (src-main/tools/gen.ts). See docs/benchmarks.md.
//   node scripts/bench-inventory.mjs [--gen] --data-dir bench-data [--runs 7]
// --gen first generates the data set (3,000 items, 730 days, ~5M movements) when DIR holds none.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, '.tmp/tools');
mkdirSync(OUT, { recursive: true });
const args = process.argv.slice(2);
const i = args.indexOf('--data-dir');
const dataDir = i >= 0 ? args[i + 1] : join(ROOT, 'bench-data');

for (const tool of ['gen', 'bench-inventory']) {
  await build({
    entryPoints: [join(ROOT, `src-main/tools/${tool}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: join(OUT, `${tool}.mjs`),
    logLevel: 'warning',
  });
}
const run = (tool, extra) => {
  const r = spawnSync(process.execPath, [join(OUT, `${tool}.mjs`), ...extra], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (args.includes('--gen') && !existsSync(join(dataDir, 'store.sqlite'))) {
  run('gen', ['--items', '3000', '--days', '730', '--data-dir', dataDir]);
}
run('bench-inventory', args.filter((a) => a !== '--gen').concat(i >= 0 ? [] : ['--data-dir', dataDir]));
