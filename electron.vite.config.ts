import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/**
 * One build for both hosts: `out/main` holds the Electron main process
 * (electron.js), the Node host (serve.js), the launcher (start.js) and the
 * benchmark tools (gen.js, bench-inventory.js), which
 * share the backend chunks; `out/preload` the sandboxed preload (CommonJS, all
 * deps bundled: a sandboxed preload cannot require node_modules);
 * `out/renderer` the UI that both the window and the browser load.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundled rather than loaded from node_modules: resolving their hundreds of
      // ESM files costs ~200 ms of every cold start. Native and Electron modules
      // stay external.
      externalizeDeps: { exclude: ['drizzle-orm', 'zod'] },
      rolldownOptions: {
        // Only the benchmark tools use it; it is a devDependency and must stay a plain import.
        external: ['playwright-core'],
        input: {
          electron: resolve(__dirname, 'src-main/app/main.ts'),
          serve: resolve(__dirname, 'src-main/host/serve.ts'),
          start: resolve(__dirname, 'src-main/host/start.ts'),
          // Tools for the benchmarks (npm run gen, npm run bench); they share the backend chunks.
          gen: resolve(__dirname, 'src-main/tools/gen.ts'),
          'bench-inventory': resolve(__dirname, 'src-main/tools/bench-inventory.ts'),
          // Device simulators (npm run sim): real code paths of the drivers' counterparts.
          sim: resolve(__dirname, 'src-main/tools/sim.ts'),
          'bench-receiving': resolve(__dirname, 'src-main/tools/bench-receiving.ts'),
          'bench-repairs': resolve(__dirname, 'src-main/tools/bench-repairs.ts'),
          // Uploaded spreadsheets are read in this worker thread (src-main/lib/spreadsheet/run.ts finds it here).
          'spreadsheet-worker': resolve(__dirname, 'src-main/lib/spreadsheet/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the browser parses every byte at cold start.
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
      chunkSizeWarningLimit: 4000,
    },
  },
});
