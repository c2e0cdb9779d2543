import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * HQ's server build: out/hq/hq.js, a Node program apart from the store app's
 * out/ (HQ never ships in a store's installer). drizzle-orm and zod are
 * bundled like the store's main build does; PGlite (which loads its wasm
 * beside its own files) and pg stay in node_modules.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/hq',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      input: { hq: resolve(import.meta.dirname, 'src-hq/host/main.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: ['drizzle-orm', 'zod'] },
});
