import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/**
 * One build for both hosts: `out/main` holds the Electron main process
 * (electron.js), the Node host (serve.js) and the launcher (start.js), which
 * share the backend chunks; `out/preload` the sandboxed preload (CommonJS, all
 * deps bundled: a sandboxed preload cannot require node_modules);
 * `out/renderer` the UI that both the window and the browser load. The
 * developer tools (generator, benchmarks, simulators) are not part of it:
 * electron.vite.tools.config.ts builds them into out/tools, which is not shipped.
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
        input: {
          electron: resolve(__dirname, 'src-main/app/main.ts'),
          serve: resolve(__dirname, 'src-main/host/serve.ts'),
          start: resolve(__dirname, 'src-main/host/start.ts'),
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
