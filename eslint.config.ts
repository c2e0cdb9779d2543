import type { Linter } from 'eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ELECTRON = ['electron', 'electron-updater', 'electron/*'];

/** Imports a layer may not make, enforced here and (for DOM/node types) by the two tsconfigs. */
function forbid(patterns: string[], message: string): Linter.RulesRecord {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'drizzle/**',
      'drizzle-hq/**',
      'coverage/**',
      'test-results/**',
      '.tmp/**',
      'bench-data/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...forbid(
        [
          '**/src-main/**',
          '**/src-preload/**',
          ...ELECTRON,
          'node:*',
          'better-sqlite3',
          'drizzle-orm',
          'drizzle-orm/*',
          'serialport',
        ],
        'The renderer talks to the backend only through the typed API (src-renderer/src/lib/api.ts).',
      ),
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: forbid(
      [
        '**/src-main/**',
        '**/src-renderer/**',
        '**/src-preload/**',
        ...ELECTRON,
        'node:*',
        'react',
        'react-dom',
        'better-sqlite3',
      ],
      'src-shared is pure TypeScript used by both sides: no electron, node, DOM or backend imports.',
    ),
  },
  {
    // Only the thin Electron glue (src-main/app) may import electron.
    files: ['src-main/**/*.ts', 'src-hq/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src-main/app/**'],
    rules: forbid(
      [...ELECTRON, '**/src-renderer/**'],
      'Services, db, devices, sync and the Node host must run without Electron; only src-main/app imports it.',
    ),
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: forbid(['**/src-main/**', '**/src-renderer/**', 'node:*'], 'The preload exposes call/subscribe only.'),
  },
);
