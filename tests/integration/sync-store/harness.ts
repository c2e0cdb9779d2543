import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { mirrorSpec } from '../../../src-hq/db/columns';
import { readWire } from '../../../src-hq/services/sync/wire';
import { writeMaster } from '../../../src-hq/services/master/write';
import { nodeTransport, NetworkError, type Transport } from '../../../src-main/sync/http';
import type { Timing } from '../../../src-main/sync/worker';
import { openSetUpBackend, type TestBackend } from '../../helpers/backend';
import type { TestHq } from '../../helpers/hq';

/**
 * A real store backend (its own database and sync worker) against a real test
 * HQ over HTTP. The worker runs only when asked ("sync now") unless a test
 * shortens its timer; a transport in between can lose answers or cut the line.
 */
export const QUIET: Partial<Timing> = {
  idleMs: 3_600_000,
  debounceMs: 3_600_000,
  minBackoffMs: 3_600_000,
  maxBackoffMs: 3_600_000,
};

export class Line {
  /** Requests to these paths fail before reaching HQ. */
  down = false;
  /** The next answer of a request whose path ends with this is lost after HQ handled it. */
  loseAnswerOf: string | null = null;
  readonly calls: string[] = [];

  readonly transport: Transport = async (url, body, opts) => {
    const path = url.pathname.replace(/^.*\/sync\/v1\//, '');
    this.calls.push(path);
    if (this.down) throw new NetworkError('network', 'connect ECONNREFUSED (test: line down)');
    const answer = await nodeTransport(url, body, opts);
    if (this.loseAnswerOf && path === this.loseAnswerOf) {
      this.loseAnswerOf = null;
      throw new NetworkError('network', 'socket hang up (test: answer lost)');
    }
    return answer;
  };
}

export async function openStore(line: Line, timing: Partial<Timing> = QUIET): Promise<TestBackend> {
  const t = await openSetUpBackend({ sync: { transport: line.transport, timing } });
  // SYNC_ECHO=1: the store's warnings and errors with their details, to see why a test failed.
  if (process.env.SYNC_ECHO) {
    const close = t.close;
    t.close = () => {
      const lines = readFileSync(t.backend.log.file, 'utf8').split('\n');
      for (const l of lines) if (/"level":"(warn|error)"/.test(l)) process.stderr.write(`${l}\n`);
      close();
    };
  }
  return t;
}

/** HQ's mirror of one store table for this store. */
export function mirror(hq: TestHq, table: string, storeId: string) {
  return readWire(hq.hq.ctx.db, mirrorSpec(table)!, sql`store_id = ${storeId}`);
}

export async function hqMaster(hq: TestHq, table: string, row: Record<string, unknown>) {
  await hq.hq.ctx.db.transaction((tx) => writeMaster(tx, table, row, Date.now()));
}

/** Enrolls the store with a fresh HQ store: preview, then confirm the previewed plan. */
export async function enroll(t: TestBackend, hq: TestHq, code?: string) {
  const { enrollmentCode, storeId } = await hq.createStore(code);
  const input = { hqUrl: hq.url, code: enrollmentCode };
  const plan = await t.call('sync.enrollPreview', input);
  const status = await t.call('sync.enrollConfirm', { ...input, planHash: plan.planHash });
  return { plan, status, hqStoreId: storeId, enrollmentCode };
}

export const row = (t: TestBackend, text: string, ...params: unknown[]) =>
  t.backend.database.sqlite.prepare(text).get(...params) as Record<string, unknown> | undefined;
export const rows = (t: TestBackend, text: string, ...params: unknown[]) =>
  t.backend.database.sqlite.prepare(text).all(...params) as Record<string, unknown>[];
