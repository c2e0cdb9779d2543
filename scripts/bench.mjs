#!/usr/bin/env node
// npm run bench: the foundation's performance bars, each against a baseline
// measured in the same run on the same machine (see docs/benchmarks.md).
//   1. Node host cold start -> first rendered screen in Chromium  (bar < 1.5 s)
//      baseline: a bare node:http server serving one static page, same browser
//   2. HTTP API round trip of a trivial call on loopback, p50      (bar < 2 ms)
//      baseline: a bare node:http server answering the same JSON
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { launchChromium, median, pct, ROOT, startHost, stop } from './bench-support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CALLS = Number(process.env.BENCH_CALLS ?? 3000);

const ms = (n) => `${n.toFixed(2)} ms`;

/** A store that is set up (so the first screen is the sign-in screen, as on every later start). */
async function preparedDataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'bo-bench-'));
  const { child, url } = await startHost(dir);
  const res = await fetch(`${url}/api/setup.initialize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      store: { code: 'SH-001', name: '基准门店', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'admin', displayName: 'A', authKind: 'pin', secret: '1234' },
    }),
  });
  if (!res.ok) throw new Error(`setup failed: ${await res.text()}`);
  await stop(child);
  return dir;
}

async function coldStart(browser, dir) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'zh-CN' }); // fresh profile: no HTTP cache
    const page = await context.newPage();
    const { child, url, t0 } = await startHost(dir);
    await page.goto(url);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    samples.push(performance.now() - t0);
    await context.close();
    await stop(child);
  }
  return samples;
}

async function baselineColdStart(browser) {
  const html = '<!doctype html><html><body><h1>登录</h1></body></html>';
  const script = `require('node:http').createServer((q,s)=>{s.writeHead(200,{'Content-Type':'text/html; charset=utf-8'});s.end(${JSON.stringify(html)})}).listen(0,'127.0.0.1',function(){console.log('running at http://127.0.0.1:'+this.address().port)})`;
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise((ok) => child.stdout.on('data', (d) => ok(/running at (\S+)/.exec(String(d))[1])));
    await page.goto(url);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    samples.push(performance.now() - t0);
    await context.close();
    await stop(child);
  }
  return samples;
}

function post(agent, port, path, body) {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => ok(performance.now() - t0));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

async function roundTrips(port) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < 300; i++) await post(agent, port, '/api/system.ping', '{}'); // warm-up
  const samples = [];
  for (let i = 0; i < CALLS; i++) samples.push(await post(agent, port, '/api/system.ping', '{}'));
  agent.destroy();
  return samples;
}

async function baselineRoundTrips() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = JSON.stringify({ ok: true, value: { now: new Date().toISOString() } });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const samples = await roundTrips(server.address().port);
  server.close();
  return samples;
}

const browser = await launchChromium();
const dir = await preparedDataDir();
try {
  console.log(`machine: ${cpus().length} x ${cpus()[0].model}, node ${process.version}`);
  const base = await baselineColdStart(browser);
  const cold = await coldStart(browser, dir);
  console.log(
    `cold start to first screen (n=${RUNS}): median ${ms(median(cold))}, max ${ms(Math.max(...cold))}` +
      ` | baseline static page ${ms(median(base))} | ratio ${(median(cold) / median(base)).toFixed(2)}x | bar 1500 ms ${median(cold) < 1500 ? 'MET' : 'MISSED'}`,
  );

  const { child, url } = await startHost(dir);
  const rt = await roundTrips(Number(new URL(url).port));
  await stop(child);
  const brt = await baselineRoundTrips();
  console.log(
    `API round trip system.ping (n=${CALLS}): p50 ${ms(median(rt))}, p99 ${ms(pct(rt, 99))}` +
      ` | baseline bare http ${ms(median(brt))} | ratio ${(median(rt) / median(brt)).toFixed(2)}x | bar 2 ms ${median(rt) < 2 ? 'MET' : 'MISSED'}`,
  );

  const summary = join(ROOT, '.tmp/test-summary.json');
  if (existsSync(summary)) {
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    console.log(
      `last npm test: ${s.seconds} s (${s.passed} passed, ${s.failed} failed) | bar 600 s ${s.seconds < 600 ? 'MET' : 'MISSED'}`,
    );
  } else {
    console.log('last npm test: not run yet on this checkout (run npm test, then npm run bench)');
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
