import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/api';
import type { ApiErrorData } from '../../src-shared/errors';
import type { Locale } from '../../src-shared/i18n';
import { startBackend, type Backend, type BackendOptions } from '../../src-main/backend';

export const MIGRATIONS = resolve(__dirname, '../../drizzle');

export function tempDir(prefix = 'bo-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestBackend {
  backend: Backend;
  dir: string;
  /** Calls as a browser would: the session token is kept between calls like a cookie. */
  call<M extends MethodName>(method: M, input?: MethodInput<M>, opts?: CallOpts): Promise<MethodOutput<M>>;
  /** Same, but expects a failure and returns the error data. */
  fail(method: string, input?: unknown, opts?: CallOpts): Promise<ApiErrorData>;
  token: string | null;
  close(): void;
}

interface CallOpts {
  locale?: Locale;
  loopback?: boolean;
  token?: string | null;
}

export async function openTestBackend(opts: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const dir = opts.dataDir ?? tempDir();
  const backend = await startBackend({
    dataDir: dir,
    kind: 'node',
    version: '0.0.0-test',
    lan: false,
    migrationsFolder: MIGRATIONS,
    ...opts,
  });
  const t: TestBackend = {
    backend,
    dir,
    token: null,
    async call(method, input, o = {}) {
      const out = await raw(method, input, o);
      if (!out.ok) throw new Error(`${method} failed: ${out.error.code} ${out.error.message}`);
      return out.value as never;
    },
    async fail(method, input, o = {}) {
      const out = await raw(method, input, o);
      if (out.ok) throw new Error(`${method} unexpectedly succeeded`);
      return out.error;
    },
    close() {
      backend.close();
      if (!opts.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  async function raw(method: string, input: unknown, o: CallOpts) {
    const outcome = await backend.dispatch(method, input ?? {}, {
      token: o.token !== undefined ? o.token : t.token,
      locale: o.locale ?? 'en',
      caller: { loopback: o.loopback ?? true, client: 'vitest' },
    });
    if (outcome.session !== undefined && o.token === undefined) t.token = outcome.session?.token ?? null;
    return outcome.result;
  }
  return t;
}

export const STORE = {
  code: 'SH-001',
  name: '测试门店',
  address: '上海市',
  timezone: 'Asia/Shanghai',
  currency: 'CNY',
};

/** A set-up store signed in as its admin (PIN 1234). */
export async function openSetUpBackend(opts: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const t = await openTestBackend(opts);
  await t.call('setup.initialize', {
    store: STORE,
    admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
  });
  return t;
}
