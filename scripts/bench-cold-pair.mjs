#!/usr/bin/env node
// The cold start of two builds compared on a busy machine (docs/benchmarks.md, issue 10 rerun): their
// samples alternate one by one so both see the same load, with a static-page baseline sample per pair.
// Usage: node scripts/bench-cold-pair.mjs ROOT_A ROOT_B [pairs]   (each root a checkout with its own build)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
const [A, B] = process.argv.slice(2, 4);
const PAIRS = Number(process.argv[4] ?? 15);
const sa = await import(join(A, 'scripts/bench-support.mjs'));
const sb = await import(join(B, 'scripts/bench-support.mjs'));
const { launchChromium, median } = sa;
async function prepared(support) {
  const dir = mkdtempSync(join(tmpdir(), 'bo-pair-'));
  const { child, url } = await support.startHost(dir);
  const res = await fetch(`${url}/api/setup.initialize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      store: { code: 'SH-001', name: '基准门店', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'admin', displayName: 'A', authKind: 'pin', secret: '1234' },
    }),
  });
  if (!res.ok) throw new Error(await res.text());
  await support.stop(child);
  return dir;
}
const da = await prepared(sa),
  db = await prepared(sb);
const browser = await launchChromium();
async function one(support, dir) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const { child, url, t0 } = await support.startHost(dir);
  const ready = performance.now() - t0;
  await page.goto(url);
  await page.getByRole('heading', { name: '登录' }).waitFor();
  const total = performance.now() - t0;
  await context.close();
  await support.stop(child);
  return { ready, total };
}
const html = '<!doctype html><html><body><h1>登录</h1></body></html>';
const script = `require('node:http').createServer((q,s)=>{s.writeHead(200,{'Content-Type':'text/html; charset=utf-8'});s.end(${JSON.stringify(html)})}).listen(0,'127.0.0.1',function(){console.log('running at http://127.0.0.1:'+this.address().port)})`;
async function base() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok) => child.stdout.on('data', (d) => ok(/running at (\S+)/.exec(String(d))[1])));
  await page.goto(url);
  await page.getByRole('heading', { name: '登录' }).waitFor();
  const t = performance.now() - t0;
  await context.close();
  await sa.stop(child);
  return t;
}
await one(sa, da);
await one(sb, db); // warm the OS file cache for both builds
const ra = [],
  rb = [],
  rbase = [];
for (let i = 0; i < PAIRS; i++) {
  if (i % 2) {
    rb.push(await one(sb, db));
    ra.push(await one(sa, da));
  } else {
    ra.push(await one(sa, da));
    rb.push(await one(sb, db));
  }
  rbase.push(await base());
}
await browser.close();
rmSync(da, { recursive: true, force: true });
rmSync(db, { recursive: true, force: true });
const f = (x) => Math.round(x);
const q = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return `median ${f(median(s))} (p25 ${f(s[Math.floor(s.length / 4)])}, p75 ${f(s[Math.floor((s.length * 3) / 4)])}, min ${f(s[0])}, max ${f(s.at(-1))})`;
};
console.log(`pairs ${PAIRS}`);
console.log(`branch total ${q(ra.map((r) => r.total))}; host ready ${q(ra.map((r) => r.ready))}`);
console.log(`main   total ${q(rb.map((r) => r.total))}; host ready ${q(rb.map((r) => r.ready))}`);
console.log(`baseline static page ${q(rbase)}`);
console.log(`branch/main per pair: ${q(ra.map((r, i) => (r.total / rb[i].total) * 1000))} (x1000)`);
console.log(
  `ratio vs baseline: branch ${(median(ra.map((r) => r.total)) / median(rbase)).toFixed(2)}x, main ${(median(rb.map((r) => r.total)) / median(rbase)).toFixed(2)}x`,
);
