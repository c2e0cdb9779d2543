#!/usr/bin/env node
// Item grid bar (issue 3): the item master grid with 20,000 items renders in under 1 s and
// scrolls smoothly. Baseline in the same run: a plain 20,000-row HTML <table> from a bare
// node:http server, in the same browser. Run by `npm run bench` after the build.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, median, pct, startHost, stop } from './bench-support.mjs';

const N = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function prepare() {
  const dir = mkdtempSync(join(tmpdir(), 'bo-grid-'));
  const { child, url } = await startHost(dir);
  const res = await fetch(`${url}/api/setup.initialize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      store: { code: 'SH-001', name: '基准门店', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'admin', displayName: 'A', authKind: 'pin', secret: '1234' },
    }),
  });
  if (!res.ok) throw new Error(await res.text());
  await stop(child);
  // 20,000 items written straight into the store file (the import path is tested elsewhere).
  const db = new Database(join(dir, 'store.sqlite'));
  const now = Date.now();
  const ins = db.prepare(
    `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, par_level, reorder_point, shelf_life_days, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const cats = ['meat', 'seafood', 'vegetables', 'dry goods', 'beverages'];
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const code = `BENCH-${String(i).padStart(5, '0')}`;
      ins.run(
        randomUUID().replace(/^(.{14})./, '$17'),
        code,
        `测试物料${i}号`,
        `Bench item ${i}`,
        cats[i % 5],
        ['g', 'ml', 'pc'][i % 3],
        i,
        5_000_000,
        2_000_000,
        7,
        now,
        now,
      );
    }
  })();
  db.close();
  return dir;
}

/** Scrolls a scroller element frame by frame and returns the frame intervals (ms). */
async function scrollFrames(page, selector, step = 400) {
  return page.evaluate(
    async ([sel, step]) => {
      // The element that really scrolls vertically (ag-grid's body viewport, or the table's box).
      const root = document.querySelector(sel);
      const el = [root, ...root.querySelectorAll('*')].find(
        (e) => e.scrollHeight > e.clientHeight + 1000 && getComputedStyle(e).overflowY !== 'hidden',
      );
      const gaps = [];
      let last = performance.now();
      for (let i = 0; i < 240; i++) {
        el.scrollTop += step;
        await new Promise((r) => requestAnimationFrame(r));
        const t = performance.now();
        gaps.push(t - last);
        last = t;
      }
      return gaps;
    },
    [selector, step],
  );
}

const browser = await launchChromium();
const dir = await prepare();
const { child, url } = await startHost(dir);
try {
  // Baseline: the same 20,000 rows as a plain table.
  const rows = Array.from(
    { length: N },
    (_, i) => `<tr><td>BENCH-${i}</td><td>测试物料${i}号</td><td>Bench item ${i}</td><td>meat</td><td>g</td></tr>`,
  ).join('');
  const html = `<!doctype html><meta charset="utf-8"><div id="s" style="height:600px;overflow:auto"><table>${rows}</table></div>`;
  const server = createServer((q, s) => s.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = [];
  let baseFrames = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    const t0 = performance.now();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.getByText(`BENCH-${N - 1}`, { exact: true }).waitFor({ state: 'attached' });
    base.push(performance.now() - t0);
    if (i === 0) baseFrames = await scrollFrames(page, '#s');
    await ctx.close();
  }
  server.close();

  const times = [];
  const apiTimes = [];
  let frames = [];
  let wheelFrames = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(url);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-secret').fill('1234');
    await page.getByTestId('login-secret').press('Enter');
    await page.getByTestId('home-title').waitFor();
    // Measured: click on Items -> the list of 20,000 items fetched and the first rows drawn.
    const t0 = performance.now();
    const listed = page
      .waitForResponse((r) => r.url().endsWith('/api/items.page'))
      .then(async (r) => {
        await r.finished();
        return performance.now() - t0;
      });
    await page.getByTestId('nav').getByText('Items', { exact: true }).click();
    await page.getByTestId('items-count').getByText(`${N} rows`).waitFor();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    times.push(performance.now() - t0);
    apiTimes.push(await listed);
    if (i === 0) {
      frames = await scrollFrames(page, '[data-testid="items-grid"]');
      // A fast mouse wheel: 40 px per frame is 2,400 px (70 rows) a second at 60 Hz.
      wheelFrames = await scrollFrames(page, '[data-testid="items-grid"]', 40);
    }
    await ctx.close();
  }
  const fps = (g) => (1000 / median(g)).toFixed(0);
  console.log(
    `item grid, ${N} items: open median ${median(times).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)}) | baseline plain table ${median(base).toFixed(0)} ms | ratio ${(median(times) / median(base)).toFixed(2)}x | bar 1000 ms ${median(times) < 1000 ? 'MET' : 'MISSED'} | of which the first items.page block received: ${median(apiTimes).toFixed(0)} ms`,
  );
  console.log(
    `item grid scrolling (240 frames x 400 px): median frame ${median(frames).toFixed(1)} ms (${fps(frames)} fps), p95 ${pct(frames, 95).toFixed(1)} ms | baseline plain table median ${median(baseFrames).toFixed(1)} ms, p95 ${pct(baseFrames, 95).toFixed(1)} ms`,
  );
  console.log(
    `item grid scrolling (240 frames x 40 px, a fast wheel): median frame ${median(wheelFrames).toFixed(1)} ms (${fps(wheelFrames)} fps), p95 ${pct(wheelFrames, 95).toFixed(1)} ms | baseline plain table (400 px) median ${median(baseFrames).toFixed(1)} ms`,
  );
} finally {
  await stop(child);
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
