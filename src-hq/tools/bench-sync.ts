/**
 * Replication benchmarks (issue 11), each against a baseline measured in the
 * same run (docs/benchmarks.md, "Replication"):
 *   bench-sync [--parts catchup,ingest,master,outbox] [--entries 200000]
 *              [--stores 100] [--batches 5] [--batch 1000]
 *              [--big-stores 1000] [--big-batch 500] [--items 20000]
 *              [--kinds pglite,postgres] [--json FILE]
 * Run from the project root (it reads drizzle/ and drizzle-hq/). PostgreSQL
 * parts start a private cluster (tests/helpers/postgres.ts; as root its
 * programs run as the postgres user).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { HqDbKind } from '../db/client';
import { catchUp } from './bench-sync-catchup';
import { ingest } from './bench-sync-ingest';
import { machine, stopPostgres } from './bench-sync-lib';
import { masterDownload } from './bench-sync-master';
import { outboxCost } from './bench-sync-outbox';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const num = (name: string, fallback: number) => Number(arg(name, String(fallback)));

const parts = new Set(arg('parts', 'catchup,ingest,master,outbox').split(','));
const kinds = arg('kinds', 'pglite,postgres').split(',') as HqDbKind[];
const log = (s: string) => console.log(s);

async function main(): Promise<void> {
  const m = machine();
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: m,
    loadAtStart: loadavg().map((n) => Math.round(n * 10) / 10),
  };
  log(`bench-sync: ${m.nproc} CPU (${m.cpu}), Node ${m.node}, load ${results.loadAtStart as number[]}`);
  if (parts.has('catchup')) {
    log('Catch-up after a week offline (bar: < 20 s; sync within 3x of a plain bulk insert)');
    const out = [];
    for (const kind of kinds) out.push(await catchUp(kind, num('entries', 200_000), log));
    results.catchUp = out;
  }
  if (parts.has('ingest')) {
    log('HQ ingest, stores pushing at once into PostgreSQL (bar: >= 20,000 entries/s)');
    results.ingest = await ingest(
      { stores: num('stores', 100), batches: num('batches', 5), batch: num('batch', 1_000) },
      log,
    );
    if (num('big-stores', 1_000) > 0) {
      results.ingestBig = await ingest(
        { stores: num('big-stores', 1_000), batches: 1, batch: num('big-batch', 500) },
        log,
      );
    }
  }
  if (parts.has('master')) {
    log('First master-data download into a freshly enrolled store (bar: < 10 s)');
    const out = [];
    for (const kind of kinds) out.push(await masterDownload(kind, num('items', 20_000), log));
    results.master = out;
  }
  if (parts.has('outbox')) {
    log("The outbox's cost on the store's write path (enrolled: triggers fire; not enrolled: they do not)");
    results.outbox = await outboxCost(num('rounds', 9), log);
  }
  results.loadAtEnd = loadavg().map((n) => Math.round(n * 10) / 10);
  const json = arg('json', '');
  if (json) writeFileSync(json, JSON.stringify(results, null, 2));
  log(JSON.stringify(results, null, 2));
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(stopPostgres);
