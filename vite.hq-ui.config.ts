import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * HQ's web UI: the second renderer entry (src-hq-ui/), built into out/hq-ui,
 * which HQ's server serves (src-hq/host/ui-files.ts). It reuses the store's
 * shared components and lib from src-renderer/src and src-shared; it is not
 * part of the store's app build or installer. Absolute asset paths: HQ's
 * screens have real addresses (/stores/…), not hash routes.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-hq-ui'),
  base: '/',
  publicDir: resolve(import.meta.dirname, 'src-renderer/public'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/hq-ui'),
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src-hq-ui/index.html') } },
  },
});
