import type { Q } from '../../../src-hq/db/client';
import type { DbKind } from '../../helpers/hq-db';
import { HqApiClient, startTestHq, type TestHq } from '../../helpers/hq';

/**
 * HQ as the fault tests and the soak drive it, whichever way it runs: in
 * this process (fast, for faults on the wire) or as a real child process
 * (processes.ts: for SIGKILL, outages and its memory). Admin actions go
 * through HQ's web API, as HQ's screens make them; reads for the convergence
 * check go to its database.
 */
export interface HqUnderTest {
  readonly kind: DbKind;
  /** HQ's own address (the proxy forwards to it). */
  readonly url: string;
  readonly port: number;
  /** A store created at HQ (stores.create): its one-time enrollment code. */
  createStore(code: string): Promise<{ enrollmentCode: string }>;
  /** periods.close: entries dated in `month` arriving later are kept and flagged late. */
  closePeriod(month: string, storeId?: string): Promise<void>;
  /** items.save: a master row every store should receive. */
  saveItem(item: { code: string; nameZh: string; nameEn: string }): Promise<{ id: string }>;
  /** Runs reads against HQ's database (for PGlite in a child process: while HQ is stopped). */
  read<T>(fn: (q: Q) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** An admin session on HQ's web API: the first administrator is created from HQ's own machine. */
export async function adminClient(url: string): Promise<HqApiClient> {
  const api = new HqApiClient(url);
  const s = await api.call<{ needsSetup: boolean }>('session.current');
  if (s.needsSetup) {
    await api.call('setup.createAdmin', { username: 'soak', displayName: 'Soak', password: 'soak-password-1' });
  } else {
    await api.call('session.login', { username: 'soak', password: 'soak-password-1' });
  }
  return api;
}

export function adminActions(api: () => HqApiClient) {
  return {
    async createStore(code: string) {
      const r = await api().call<{ enrollmentCode: string }>('stores.create', { code, name: `Store ${code}` });
      return { enrollmentCode: r.enrollmentCode };
    },
    async closePeriod(month: string, storeId?: string) {
      await api().call('periods.close', { month, ...(storeId ? { storeId } : {}) });
    },
    async saveItem(item: { code: string; nameZh: string; nameEn: string }) {
      return api().call<{ id: string }>('items.save', { ...item, category: 'dry', baseUnit: 'g' });
    },
  };
}

/** HQ in this process (tests/helpers/hq.ts), its database open beside it. */
export async function inProcessHq(kind: DbKind): Promise<HqUnderTest & { test: TestHq }> {
  const test = await startTestHq({ kind });
  const api = await adminClient(test.url);
  return {
    kind,
    test,
    url: test.url,
    port: test.hq.port,
    ...adminActions(() => api),
    read: (fn) => fn(test.hq.ctx.db),
    close: () => test.close(),
  };
}
