#!/usr/bin/env node
// Inventory benchmarks (issue 3) on the generated data set: 3,000 items, ~5M movements over 2 years.
//   node scripts/bench-inventory.mjs [--data-dir bench-data] [--runs 7]
// Generates the data set first (out/tools/gen.js, about 8 minutes on 2 cores) when DIR holds none,
// then runs out/tools/bench-inventory.js. Both are built by `npm run build:tools` (npm run bench does it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const i = args.indexOf('--data-dir');
const dataDir = i >= 0 ? args[i + 1] : join(ROOT, 'bench-data');

const run = (tool, extra) => {
  const r = spawnSync(process.execPath, [join(ROOT, `out/tools/${tool}.js`), ...extra], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!existsSync(join(dataDir, 'store.sqlite'))) {
  console.log(`Generating the benchmark data set in ${dataDir} (once; later runs reuse it)…`);
  run('gen', ['--items', '3000', '--days', '730', '--data-dir', dataDir]);
}
run('bench-inventory', i >= 0 ? args : [...args, '--data-dir', dataDir]);
