import { cpuUsage } from 'node:process';
import { LoadSampler, median, round, startBenchHq } from './bench-sync-lib';
import { enroll, hqItems, openBenchStore, postLedger, storeArea } from './bench-sync-store';

/**
 * What the outbox triggers add to the store's writes: the same store, truly
 * enrolled with a (PGlite) HQ, posts 1,000 movements in one transaction and
 * 200 movements one transaction each, alternately with the triggers firing
 * (enrolled) and silent (sync_state.enrolled_at cleared: exactly the
 * triggers' WHEN condition, nothing else differs), the order swapped every
 * round so drift and load fall on both alike. Wall and CPU time (the posting
 * runs on this thread, so its CPU time is what the write costs, whatever the
 * machine's load). Postings are dated as they are posted: a back-dated one
 * would revalue the item's later movements, which is another benchmark.
 */
interface Mode {
  batchWall: number[];
  batchCpu: number[];
  singleWall: number[];
  singleCpu: number[];
}

export interface OutboxFigures {
  rounds: number;
  enrolled: Record<keyof Mode, number>;
  notEnrolled: Record<keyof Mode, number>;
  /** enrolled / not enrolled, medians. */
  ratio: Record<keyof Mode, number>;
  /** min-max of the per-round figures, not enrolled: the noise. */
  spread: Record<keyof Mode, [number, number]>;
  outboxEntriesPerRound: number;
  load: { min: number; max: number; mean: number };
}

function clock(fn: () => void): { wall: number; cpu: number } {
  const c0 = cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

export async function outboxCost(rounds: number, log: (s: string) => void): Promise<OutboxFigures> {
  const hq = await startBenchHq('pglite');
  const store = await openBenchStore();
  const load = new LoadSampler();
  try {
    const items = await hqItems(hq, 200);
    const area = storeArea(store);
    await enroll(store, hq, 'OUTBOX');
    const sqlite = store.backend.database.sqlite;
    const enrolledAt = sqlite.prepare('SELECT enrolled_at AS at FROM sync_state WHERE id = 1').get() as { at: number };
    const setEnrolled = (on: boolean) =>
      sqlite.prepare('UPDATE sync_state SET enrolled_at = ? WHERE id = 1').run(on ? enrolledAt.at : null);
    const outbox = () => (sqlite.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
    let offset = 0;
    const post = (n: number, batch: number) => {
      postLedger(store, items, area, n, { batch, offset, live: true });
      offset += n;
    };
    post(5_000, 1_000); // warm: every item has stock and its statements are prepared
    const modes: Record<'on' | 'off', Mode> = {
      on: { batchWall: [], batchCpu: [], singleWall: [], singleCpu: [] },
      off: { batchWall: [], batchCpu: [], singleWall: [], singleCpu: [] },
    };
    let entries = 0;
    load.start();
    for (let r = 0; r < rounds; r++) {
      for (const mode of r % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        setEnrolled(mode === 'on');
        const before = outbox();
        const b = clock(() => post(1_000, 1_000));
        const s = clock(() => post(200, 1));
        if (mode === 'on') entries = outbox() - before;
        else if (outbox() !== before) throw new Error('the triggers fired while not enrolled');
        const m = modes[mode];
        m.batchWall.push(b.wall);
        m.batchCpu.push(b.cpu);
        m.singleWall.push(s.wall);
        m.singleCpu.push(s.cpu);
      }
    }
    setEnrolled(true);
    const l = load.stop();
    const keys = ['batchWall', 'batchCpu', 'singleWall', 'singleCpu'] as const;
    const med = (m: Mode) =>
      Object.fromEntries(keys.map((k) => [k, round(median(m[k]), 1)])) as Record<keyof Mode, number>;
    const on = med(modes.on);
    const off = med(modes.off);
    const out: OutboxFigures = {
      rounds,
      enrolled: on,
      notEnrolled: off,
      ratio: Object.fromEntries(keys.map((k) => [k, round(on[k] / off[k], 3)])) as Record<keyof Mode, number>,
      spread: Object.fromEntries(
        keys.map((k) => [k, [round(Math.min(...modes.off[k])), round(Math.max(...modes.off[k]))]]),
      ) as Record<keyof Mode, [number, number]>,
      outboxEntriesPerRound: entries,
      load: l,
    };
    log(
      `  1,000 movements in one transaction: ${on.batchWall} ms enrolled / ${off.batchWall} ms not (CPU ${on.batchCpu} / ${off.batchCpu} ms); 200 single postings: ${on.singleWall} / ${off.singleWall} ms; load ${l.min}-${l.max}`,
    );
    return out;
  } finally {
    store.close();
    await hq.close();
  }
}
