import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/**
 * The developer tools, built apart from the app into `out/tools`, which the
 * installer never ships (electron-builder.yml lists only out/main, out/preload
 * and out/renderer): the data generator (npm run gen), the benchmarks (npm run
 * bench) and the device simulators (npm run sim). They drive the same backend
 * code as the app, compiled again here, and may use devDependencies such as
 * playwright-core, which stays a plain import.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/tools',
      externalizeDeps: { exclude: ['drizzle-orm', 'zod'] },
      rolldownOptions: {
        external: ['playwright-core'],
        input: {
          gen: resolve(__dirname, 'src-main/tools/gen.ts'),
          'bench-inventory': resolve(__dirname, 'src-main/tools/bench-inventory.ts'),
          'bench-receiving': resolve(__dirname, 'src-main/tools/bench-receiving.ts'),
          'bench-repairs': resolve(__dirname, 'src-main/tools/bench-repairs.ts'),
          // Replication (issue 11): a store backend and HQ in one process, so it lives beside HQ.
          'bench-sync': resolve(__dirname, 'src-hq/tools/bench-sync.ts'),
          // Chain views (issue 12): reads over every store's running totals at HQ.
          'bench-chain': resolve(__dirname, 'src-hq/tools/bench-chain.ts'),
          // Device simulators: real code paths of the drivers' counterparts.
          sim: resolve(__dirname, 'src-main/tools/sim.ts'),
        },
      },
    },
  },
});
