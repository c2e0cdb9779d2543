import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_SHEET_LIMITS, SheetRefusal, type SheetLimits } from './limits';
import type { SheetKind, SheetResult } from './parse';

/** Two cores on a store PC: at most two files read at once, a few more wait their turn, the rest are told to retry. */
const MAX_RUNNING = 2;
const MAX_WAITING = 6;

/** The built app's worker bundle (electron.vite.config.ts builds it as an input of out/main). */
export const WORKER_BUNDLE = 'spreadsheet-worker.js';

let running = 0;
const waiting: (() => void)[] = [];

/**
 * How to start the worker from where this module runs. Built (out/main, or a
 * chunk under it): the bundled entry beside the other entries. From the TS
 * sources (vitest): the worker's TS file, loaded through tsx, which the
 * toolchain already has (vite and drizzle-kit depend on it).
 */
function workerEntry(): URL {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const boot = `const { register } = await import(${JSON.stringify(tsxEsmApi())}); register(); await import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)});`;
    return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
  }
  for (let dir = dirname(here), up = 0; up < 3; dir = dirname(dir), up++) {
    const file = join(dir, WORKER_BUNDLE);
    if (existsSync(file)) return pathToFileURL(unpacked(file));
  }
  throw new Error(`${WORKER_BUNDLE} is missing beside ${here}: rebuild the app (npm run build).`);
}

/** In an installed app the worker is run from app.asar.unpacked (electron-builder.yml), where Node's loader reads it as a plain file. */
function unpacked(file: string): string {
  const outside = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return outside !== file && existsSync(outside) ? outside : file;
}

/** tsx's ESM entry, by its package's export map (a data: URL cannot resolve a bare name itself). */
function tsxEsmApi(): string {
  const pkgFile = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
}

async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) throw new SheetRefusal('busy', {});
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * Reads a spreadsheet in a worker thread with a heap limit and a time limit:
 * the request path only waits. Refusals (limits, timeout, out of memory,
 * unreadable) reject with a SheetRefusal; the worker is always ended.
 */
export async function readSheetInWorker(
  kind: SheetKind,
  bytes: Uint8Array,
  overrides: Partial<SheetLimits> = {},
): Promise<string[][]> {
  const limits: SheetLimits = { ...DEFAULT_SHEET_LIMITS, ...overrides };
  const release = await slot();
  try {
    return await new Promise<string[][]>((resolve, reject) => {
      // A copy the worker owns: the caller's buffer may be a view into Node's shared pool.
      const own = new Uint8Array(bytes);
      const worker = new Worker(workerEntry(), {
        workerData: { kind, bytes: own, limits },
        transferList: [own.buffer],
        resourceLimits: {
          maxOldGenerationSizeMb: limits.maxHeapMb,
          maxYoungGenerationSizeMb: 32,
          stackSizeMb: 4,
        },
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        fn();
      };
      const timer = setTimeout(
        () => settle(() => reject(new SheetRefusal('timeout', { seconds: Math.ceil(limits.timeoutMs / 1000) }))),
        limits.timeoutMs,
      );
      worker.once('message', (r: SheetResult) =>
        settle(() => (r.ok ? resolve(r.rows) : reject(new SheetRefusal(r.reason, r.params)))),
      );
      worker.once('error', (err: Error & { code?: string }) =>
        settle(() =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new SheetRefusal('outOfMemory', { mb: limits.maxHeapMb })
              : new SheetRefusal('unreadable', { reason: err.message.slice(0, 120) }),
          ),
        ),
      );
      worker.once('exit', (code) =>
        settle(() => reject(new SheetRefusal('unreadable', { reason: `reader stopped (${code})` }))),
      );
    });
  } finally {
    release();
  }
}
