import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/import-graph';

/**
 * Each layer rule of eslint.config.ts, proved to fire: a snippet that breaks
 * it, linted as if it were a file of that layer, must fail; the same layer's
 * allowed import must pass (so a failure is the rule's, not a typo's).
 */
const eslint = new ESLint({ cwd: ROOT });

async function problems(filePath: string, spec: string): Promise<string[]> {
  const code = `import { thing } from '${spec}';\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'local/import-zones' || m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

/** [file of the layer, import it must not make, import it may make] */
const BROKEN: [string, string, string][] = [
  ['src-main/lib/x.ts', '../db/client', './log'],
  ['src-main/lib/x.ts', '../../src-shared/errors', './ids'],
  ['src-main/lib/x.ts', '../services/app-error', './paths'],
  ['src-main/db/x.ts', '../services/app-error', '../lib/log'],
  ['src-main/db/schema/x.ts', '../../../src-shared/errors', './core'],
  ['src-main/devices/printer/x.ts', '../../services/devices/labels', '../../lib/lazy-require'],
  ['src-main/devices/scale/x.ts', '../../db/client', '../../../src-shared/devices'],
  ['src-main/services/stock/x.ts', '../../api/dispatch', '../../db/client'],
  ['src-main/services/stock/x.ts', '../../host/server', '../../devices/printer/printer'],
  ['src-main/services/stock/x.ts', '../../app/window', '../../lib/ids'],
  ['src-main/services/stock/x.ts', '../../tools/gen-store', '../items/item-read'],
  ['src-main/services/x.ts', '../backend', './app-error'],
  ['src-main/sync/x.ts', '../services/app-error', '../db/client'],
  ['src-main/sync/x.ts', '../api/dispatch', '../../src-shared/sync/protocol'],
  ['src-main/services/x.ts', '../sync/worker', './app-error'],
  ['src-main/api/handlers/x.ts', '../../host/server', '../../services/app-error'],
  ['src-main/api/x.ts', '../app/ipc', './dispatch'],
  ['src-main/backend.ts', './host/server', './api/dispatch'],
  ['src-main/host/x.ts', '../app/ipc', '../backend'],
  ['src-main/host/x.ts', '../tools/gen', '../api/dispatch'],
  ['src-main/app/x.ts', '../tools/gen', '../host/server'],
  ['src-main/tools/x.ts', '../app/main', '../services/app-error'],
  ['src-renderer/src/features/items/x.tsx', '../stock/StockPage', '../../components/DataGrid'],
  ['src-renderer/src/features/repairs/work-orders/x.tsx', '../../stock/StockPage', '../equipment/QrLabelModal'],
  ['src-renderer/src/features/items/x.tsx', '../../features/receiving/ReceivePage', './ItemsPage'],
  ['src-renderer/src/components/x.tsx', '../features/items/ItemsPage', '../lib/api'],
  ['src-renderer/src/lib/x.ts', '../components/DataGrid', './api'],
  ['src-renderer/src/lib/x.ts', '../features/stock/StockPage', '../../../src-shared/errors'],
  // HQ's screens build on the store's shared components and lib, never on its app or features.
  ['src-hq-ui/src/x.tsx', '../../src-renderer/src/app/Shell', '../../src-renderer/src/components/DataGrid'],
  [
    'src-hq-ui/src/stores/x.tsx',
    '../../../src-renderer/src/features/items/ItemsPage',
    '../../../src-renderer/src/lib/query-client',
  ],
];

/** Packages only some layers may import. */
const PACKAGES: [string, string][] = [
  ['src-main/services/x.ts', 'electron'],
  ['src-main/lib/x.ts', 'electron'],
  ['src-main/db/x.ts', 'electron/main'],
  ['src-main/devices/x.ts', 'electron'],
  ['src-main/api/x.ts', 'electron'],
  ['src-main/sync/x.ts', 'electron'],
  ['src-main/host/x.ts', 'electron'],
  ['src-main/backend.ts', 'electron'],
  ['src-main/tools/x.ts', 'electron-updater'],
  ['src-shared/x.ts', 'node:fs'],
  ['src-shared/x.ts', 'react'],
  ['src-renderer/src/lib/x.ts', 'better-sqlite3'],
  ['src-preload/x.ts', 'node:fs'],
  ['src-hq-ui/src/x.ts', 'node:fs'],
  ['src-hq-ui/src/x.ts', 'drizzle-orm'],
];

describe('the layer rules', () => {
  it.each(BROKEN)('%s may not import %s (but may import %s)', async (file, broken, allowed) => {
    const refused = await problems(file, broken);
    expect(refused).toEqual([expect.stringContaining('local/import-zones')]);
    expect(await problems(file, allowed)).toEqual([]);
  });

  it.each(PACKAGES)('%s may not import %s', async (file, pkg) => {
    expect(await problems(file, pkg)).toEqual([expect.stringContaining('no-restricted-imports')]);
  });

  it('keeps the store app and HQ apart: neither UI imports the other, nor HQ’s server', async () => {
    expect(await problems('src-renderer/src/app/x.tsx', '../../../src-hq-ui/src/App')).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
    expect(await problems('src-hq/host/x.ts', '../../src-hq-ui/src/App')).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
    const hqServer = await problems('src-hq-ui/src/x.ts', '../../src-hq/api/dispatch');
    expect(hqServer).toContain(
      "local/import-zones: src-hq-ui may not import src-hq/api/dispatch: HQ's screens reuse the store's components/ and lib/ (and src-shared), never the store's app or features.",
    );
    expect(hqServer).toContainEqual(expect.stringContaining('no-restricted-imports'));
  });

  it('lets the Electron glue import electron', async () => {
    expect(await problems('src-main/app/x.ts', 'electron')).toEqual([]);
  });

  it('names the rooms and says why', async () => {
    expect(await problems('src-main/services/stock/x.ts', '../../api/dispatch')).toEqual([
      'local/import-zones: src-main/services may not import src-main/api/dispatch: services never import the API, the hosts, the Electron app or the tools.',
    ]);
  });
});
