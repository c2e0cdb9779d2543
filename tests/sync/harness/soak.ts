import type { DbKind } from '../../helpers/hq-db';
import { compareReplicas, describeDivergences, type Divergence } from './converge';
import { drain } from './drain';
import { inProcessHq, type HqUnderTest } from './hq-under-test';
import { HqProcess } from './processes';
import { FAULT_KINDS, FaultProxy, type FaultPlan } from './proxy';
import { Rng } from './random';
import { SimStore } from './sim-store';
import type { StoreUnderTest } from './store-under-test';

/**
 * The randomized soak (`npm run soak`): 2-5 stores write random facts and
 * sync through the fault proxy while random combinations of faults hit the
 * link, HQ (SIGKILL and restart) and the stores (kill and restart). After
 * each round: faults off, every queue drained, every replica compared
 * (sync.md point 20). Any divergence fails the run.
 *
 * The stores come from `makeStore`, so the real store plugs in here once its
 * worker exists: give a factory that starts one (a child process on its own
 * SQLite file) and enrolls it with the code; the rest is unchanged.
 */
export interface SoakOptions {
  minutes: number;
  seed: number;
  db: DbKind;
  /** 2-5; drawn from the seed when not given. */
  stores?: number;
  /** How long faults and writes run in a round (ms). */
  roundMs?: number;
  /** Stop after this many rounds even if time is left. */
  maxRounds?: number;
  /** `process` (default): HQ as a child process, killed at random; `in-process`: no HQ kills (quick checks). */
  hq?: 'process' | 'in-process';
  makeStore?: (name: string, hqUrl: string, enrollmentCode: string) => Promise<StoreUnderTest>;
  log?: (line: string) => void;
}

export interface SoakReport {
  seed: number;
  db: DbKind;
  stores: number;
  rounds: number;
  /** Faults applied, by kind: the proxy's, plus hq-kill and store-kill. */
  faults: Record<string, number>;
  entries: number;
  /** Rows a store has that HQ lacks, or holds in an older state. */
  lost: number;
  /** Rows HQ has that the store does not (a second copy, or a deleted row brought back). */
  duplicated: number;
  /** Tables that differed after a round, in any direction. */
  divergences: number;
  firstDivergence: string | null;
  seconds: number;
  ok: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A random combination of the proxy's faults for one round. */
function drawPlan(rng: Rng): FaultPlan {
  const rates: FaultPlan['rates'] = {};
  const kinds = FAULT_KINDS.filter(() => rng.chance(0.4));
  for (const k of kinds) rates[k] = 0.03 + rng.next() * 0.12;
  return {
    rates,
    delayMs: [5, rng.int(50, 600)],
    ...(rng.chance(0.3) ? { failEveryNth: rng.int(2, 7) } : {}),
  };
}

async function defaultStore(name: string, url: string, code: string): Promise<StoreUnderTest> {
  const s = new SimStore(name, url, { batchSize: 25, requestTimeoutMs: 3000 });
  await s.enroll(code);
  return s;
}

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const planRng = new Rng(opts.seed);
  const storeCount = opts.stores ?? planRng.int(2, 5);
  const roundMs = opts.roundMs ?? 1500;
  const asProcess = (opts.hq ?? 'process') === 'process';
  const makeStore = opts.makeStore ?? defaultStore;

  let hq: HqUnderTest;
  let proc: HqProcess | null = null;
  if (asProcess) {
    proc = await HqProcess.start(opts.db);
    hq = proc;
  } else {
    hq = await inProcessHq(opts.db);
  }
  const proxy = await FaultProxy.start({ host: '127.0.0.1', port: hq.port }, opts.seed);
  const stores: StoreUnderTest[] = [];
  const report: SoakReport = {
    seed: opts.seed,
    db: opts.db,
    stores: storeCount,
    rounds: 0,
    faults: {},
    entries: 0,
    lost: 0,
    duplicated: 0,
    divergences: 0,
    firstDivergence: null,
    seconds: 0,
    ok: false,
  };
  const extra = { 'hq-kill': 0, 'store-kill': 0 };
  try {
    for (let i = 0; i < storeCount; i++) {
      const name = `SOAK-${opts.seed}-${i + 1}`;
      stores.push(await makeStore(name, proxy.url, (await hq.createStore(name)).enrollmentCode));
    }
    const workRngs = stores.map((_, i) => new Rng(opts.seed * 31 + i + 1));
    const down = new Set<StoreUnderTest>();
    const end = t0 + opts.minutes * 60_000;
    while (Date.now() < end && report.rounds < (opts.maxRounds ?? Infinity)) {
      report.rounds++;
      proxy.setPlan(drawPlan(planRng));
      const until = Date.now() + roundMs;
      const tasks: Promise<unknown>[] = stores.map(async (s, i) => {
        const rng = workRngs[i]!;
        while (Date.now() < until) {
          if (!down.has(s) && rng.chance(0.8)) {
            // A real store killed in the middle of the writes cuts them off: what it saved stays and syncs later.
            report.entries += await s.writeRandom(rng, rng.int(1, 20)).catch((err: unknown) => {
              if (down.has(s)) return 0;
              throw err;
            });
          }
          await s.syncOnce().catch(() => null);
          await sleep(rng.int(0, 80));
        }
      });
      if (proc && planRng.chance(0.35)) {
        const at = planRng.int(0, roundMs - 200);
        const downMs = planRng.int(100, 800);
        tasks.push(
          (async () => {
            await sleep(at);
            await proc.kill();
            extra['hq-kill']++;
            await sleep(downMs);
            await proc.restart();
          })(),
        );
      }
      if (planRng.chance(0.3)) {
        const victim = planRng.pick(stores);
        const at = planRng.int(0, roundMs - 200);
        const downMs = planRng.int(50, 500);
        tasks.push(
          (async () => {
            await sleep(at);
            down.add(victim);
            await victim.kill();
            extra['store-kill']++;
            await sleep(downMs);
            await victim.restart();
            down.delete(victim);
          })(),
        );
      }
      if (planRng.chance(0.25)) {
        const at = planRng.int(0, roundMs - 200);
        const outMs = planRng.int(100, 600);
        tasks.push(
          (async () => {
            await sleep(at);
            await proxy.setOutage(true);
            await sleep(outMs);
            await proxy.setOutage(false);
          })(),
        );
      }
      if (planRng.chance(0.3)) {
        const code = `SOAK-ITEM-${opts.seed}-${report.rounds}`;
        // HQ's own write, straight to HQ (not through the store's link); skipped if HQ is down just then.
        tasks.push(hq.saveItem({ code, nameZh: `测试品 ${report.rounds}`, nameEn: code }).catch(() => null));
      }
      await Promise.all(tasks);

      await proxy.heal();
      if (proc && !proc.running) await proc.restart();
      await Promise.all(stores.map((s) => drain(s, 90_000)));
      await proxy.settle();
      const found = await compareReplicas(hq, stores);
      tally(report, found);
      const faults = { ...proxy.stats.faults, ...extra };
      report.faults = Object.fromEntries(Object.entries(faults).filter(([, n]) => n > 0));
      log(
        `round ${report.rounds}: ${report.entries} entries so far, faults ${describeFaults(report.faults)}; ${found.length ? `DIVERGED\n${describeDivergences(found)}` : 'replicas equal'}`,
      );
    }
    report.ok = report.divergences === 0 && report.lost === 0 && report.duplicated === 0 && report.rounds > 0;
    return report;
  } finally {
    report.seconds = Math.round((Date.now() - t0) / 1000);
    for (const s of stores) await s.close().catch(() => null);
    await proxy.close();
    await hq.close();
  }
}

function tally(report: SoakReport, found: readonly Divergence[]): void {
  for (const d of found) {
    report.divergences++;
    if (d.direction === 'up') {
      report.lost += d.missingAtHq + d.differing;
      report.duplicated += d.extraAtHq;
    }
  }
  if (found.length && !report.firstDivergence) {
    report.firstDivergence = `round ${report.rounds}: ${describeDivergences(found)}`;
  }
}

export function describeFaults(faults: Record<string, number>): string {
  const parts = Object.entries(faults).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

export function summary(r: SoakReport): string {
  const total = Object.values(r.faults).reduce((a, b) => a + b, 0);
  return [
    `soak ${r.ok ? 'OK' : 'FAILED'}: seed ${r.seed}, ${r.db}, ${r.stores} stores, ${r.rounds} rounds in ${r.seconds} s`,
    `faults applied: ${total} (${describeFaults(r.faults)})`,
    `entries: ${r.entries}, lost=${r.lost}, duplicated=${r.duplicated}, divergent tables=${r.divergences}`,
    ...(r.firstDivergence ? [`first divergence: ${r.firstDivergence}`] : []),
  ].join('\n');
}
