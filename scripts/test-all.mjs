#!/usr/bin/env node
// The one test command (npm test): type-check, lint, unit + integration tests,
// build, end-to-end tests in Chromium. Every step runs even if an earlier one
// failed, so one run shows everything; the last line is "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const started = Date.now();
mkdirSync('.tmp', { recursive: true });
const results = [];
let passed = 0;
let failed = 0;

function step(name, cmd, args, report) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  if (report) rmSync(report, { force: true });
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = r.status === 0;
  if (report && existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
  } else if (!ok) {
    failed += 1; // a step that fails without a report (type errors, lint) counts as one failure
  }
  results.push({ name, ok, s: ((Date.now() - t0) / 1000).toFixed(1) });
  return ok;
}

const npx = 'npx';
step('typecheck', npx, ['tsc', '-b', 'tsconfig.node.json', 'tsconfig.web.json']);
step('lint', npx, ['eslint', '.', '--max-warnings', '0']);
step('format', npx, ['prettier', '--check', '.', '--log-level', 'warn']);
step(
  'unit + integration',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.tmp/unit.json'],
  '.tmp/unit.json',
);
if (step('build', npx, ['electron-vite', 'build'])) {
  step(
    'end-to-end (Chromium)',
    npx,
    [
      'vitest',
      'run',
      '-c',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=.tmp/e2e.json',
    ],
    '.tmp/e2e.json',
  );
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.s} s)`);
const seconds = Math.round((Date.now() - started) / 1000);
writeFileSync('.tmp/test-summary.json', JSON.stringify({ seconds, passed, failed, at: new Date().toISOString() }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
