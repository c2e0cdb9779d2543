#!/usr/bin/env node
// The one test command (npm test): checks and installs what the tests need
// (lib/preflight.mjs), then type-check, lint, format, unit + integration
// tests, build, end-to-end tests in Chromium. Every step runs even if an
// earlier one failed, so one run shows everything. After each step nothing
// the step started may still run, and at the end no tracked file may have
// changed. The last line is "N passed, N failed".
//
//   npm test                              everything
//   npm test -- --steps unit,e2e [files]  some steps; files filter the vitest steps
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preflight } from './lib/preflight.mjs';
import { describeProcesses, joinRun, killAll, processesOfRun, stillRunning } from './lib/run-processes.mjs';
import { treeChanges, treeSnapshot } from './lib/tree-check.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const STEPS = ['typecheck', 'lint', 'format', 'unit', 'build', 'e2e'];
const args = process.argv.slice(2);
const stepsArg = args.indexOf('--steps');
const chosen = stepsArg >= 0 ? args[stepsArg + 1].split(',') : STEPS;
const files = args.filter((a, i) => !a.startsWith('--') && (stepsArg < 0 || i !== stepsArg + 1));
const unknown = chosen.filter((s) => !STEPS.includes(s));
if (unknown.length) {
  console.error(`unknown step ${unknown.join(', ')}: the steps are ${STEPS.join(', ')}`);
  process.exit(2);
}

const ready = preflight({ root: ROOT });
if (!ready.ok) {
  console.error(ready.line);
  process.exit(2);
}

const started = Date.now();
const runId = joinRun('test');
const reports = join(ROOT, '.tmp', `reports-${process.pid}`);
mkdirSync(reports, { recursive: true });
const treeBefore = treeSnapshot(ROOT);
const results = [];
let passed = 0;
let failed = 0;
let current = null;
let interrupted = null;

/**
 * Runs one step in a process group of its own, so that an interrupted run
 * (Ctrl-C, SIGTERM from CI) can stop the step and all it started. Resolves
 * with the exit code.
 */
function runStep(cmd, argv) {
  return new Promise((done) => {
    const child = spawn(cmd, argv, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, FORCE_COLOR: '0' },
      detached: true,
    });
    current = child;
    child.on('error', (e) => {
      console.error(`${cmd}: ${e.message}`);
      done(1);
    });
    child.on('close', (code, signal) => {
      current = null;
      done(code ?? (signal ? 1 : 0));
    });
  });
}

/** Whatever a step left running is killed and counts as a failure of that step. */
function leftovers(name) {
  const left = stillRunning(processesOfRun(runId));
  if (left.length === 0) return true;
  console.error(`\n${name} left ${left.length} process(es) running (killed now):\n${describeProcesses(left)}`);
  killAll(left);
  return false;
}

async function step(name, cmd, argv, report) {
  if (interrupted) return false;
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${argv.join(' ')}`);
  if (report) rmSync(report, { force: true });
  const code = await runStep(cmd, argv);
  let ok = code === 0 && !interrupted;
  if (report && existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
  } else if (!ok) {
    failed += 1; // a step that fails without a report (type errors, lint) counts as one failure
  }
  if (!interrupted && !leftovers(name)) {
    if (ok) failed += 1;
    ok = false;
  }
  results.push({ name, ok, s: ((Date.now() - t0) / 1000).toFixed(1) });
  return ok;
}

function onSignal(signal) {
  if (interrupted) return;
  interrupted = signal;
  console.error(`\n${signal}: stopping the current step and everything it started`);
  if (current?.pid) {
    try {
      process.kill(-current.pid, 'SIGTERM');
    } catch {
      // The step has just ended.
    }
    const pid = current.pid;
    setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Ended in time.
      }
    }, 5000).unref();
  }
}
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, onSignal);

const vitest = (config, report) => [
  'vitest',
  'run',
  ...(config ? ['-c', config] : []),
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
  ...files,
];
const has = (s) => chosen.includes(s);
if (has('typecheck')) await step('typecheck', 'npx', ['tsc', '-b', 'tsconfig.node.json', 'tsconfig.web.json']);
if (has('lint')) await step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
if (has('format')) await step('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
if (has('unit')) {
  const report = join(reports, 'unit.json');
  await step('unit + integration', 'npx', vitest(null, report), report);
}
const built = has('build') ? await step('build', 'npm', ['run', 'build']) : true;
if (has('e2e') && built) {
  const report = join(reports, 'e2e.json');
  await step('end-to-end (Chromium)', 'npx', vitest('vitest.e2e.config.ts', report), report);
}
rmSync(reports, { recursive: true, force: true });

if (interrupted) {
  const left = processesOfRun(runId);
  killAll(left);
  console.error(
    `interrupted (${interrupted})${left.length ? `; killed what was left:\n${describeProcesses(left)}` : ''}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(interrupted === 'SIGINT' ? 130 : 143);
}

const treeAfter = treeSnapshot(ROOT);
if (treeBefore && treeAfter) {
  const changed = treeChanges(treeBefore, treeAfter);
  const ok = changed.length === 0;
  if (!ok) {
    failed += 1;
    console.error(
      `\nThe tests changed files of the checkout (tests write under test-results/ or .tmp/ only):\n${changed.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  results.push({ name: 'checkout unchanged', ok, s: '0.0' });
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.s} s)`);
const seconds = Math.round((Date.now() - started) / 1000);
if (chosen.length === STEPS.length && files.length === 0) {
  writeFileSync('.tmp/test-summary.json', JSON.stringify({ seconds, passed, failed, at: new Date().toISOString() }));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
