import type { Linter } from 'eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { importZones, type Zone } from './scripts/lint/import-zones';

const ELECTRON = ['electron', 'electron-updater', 'electron/*'];

/** Imports a layer may not make, enforced here and (for DOM/node types) by the two tsconfigs. */
function forbid(patterns: string[], message: string): Linter.RulesRecord {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

const SHARED = 'src-shared';
const M = (dir: string) => `src-main/${dir}`;
const R = (dir: string) => `src-renderer/src/${dir}`;

/**
 * The layers of src-main, each with what it may import (relative imports;
 * packages such as electron are the no-restricted-imports rules below).
 * Tests may reach anywhere and are not listed.
 */
const MAIN_ZONES: Zone[] = [
  { path: M('lib'), may: [], why: 'lib is plain helpers and imports nothing of the app.' },
  { path: M('db'), may: [M('lib')], why: 'db (schema, connection, backups) builds on lib only.' },
  {
    path: M('devices'),
    may: [M('lib'), SHARED],
    why: 'device drivers know protocols and ports, not services, the database or the API.',
  },
  {
    path: M('services'),
    may: [M('db'), M('devices'), M('lib'), SHARED],
    why: 'services never import the API, the hosts, the Electron app or the tools.',
  },
  {
    path: M('sync'),
    may: [M('db'), M('lib'), SHARED],
    why: 'the store side of replication works on the database and talks to HQ; services never reach it.',
  },
  {
    path: M('api'),
    may: [M('services'), M('sync'), M('db'), M('devices'), M('lib'), SHARED],
    why: 'dispatch and handlers sit on services; the hosts and the app sit on them.',
  },
  {
    path: M('backend.ts'),
    may: [M('api'), M('services'), M('sync'), M('db'), M('lib'), SHARED],
    why: 'the composition root wires api, services and db, and knows no host.',
  },
  {
    path: M('host'),
    may: [M('backend.ts'), M('api'), M('db'), M('lib'), SHARED],
    why: 'the Node host serves the backend; it never imports the Electron app or the tools.',
  },
  {
    path: M('app'),
    may: [M('backend.ts'), M('host'), M('api'), M('services'), M('db'), M('lib'), SHARED],
    why: 'the Electron glue may use the whole backend but not the tools.',
  },
  {
    path: M('tools'),
    // The API too: a benchmark times dispatch itself on a data set it opens without the backend's start-up work.
    may: [M('backend.ts'), M('api'), M('services'), M('db'), M('devices'), M('lib'), SHARED],
    why: 'benchmarks, the data generator and the simulators drive the backend, never the hosts or the app.',
  },
];

/** The renderer: features share code through components/ and lib/, never through each other. */
const RENDERER_ZONES: Zone[] = [
  {
    path: R('features/*'),
    may: [R('components'), R('lib'), R('app'), SHARED],
    why: 'a feature does not reach into another feature; what several use belongs in components/ or lib/.',
  },
  { path: R('components'), may: [R('lib'), SHARED], why: 'components are shared by features and know none of them.' },
  { path: R('lib'), may: [SHARED], why: 'lib (API client, formatting, hooks) knows no component or feature.' },
];

/** HQ's screens: a second renderer entry built on the store's shared pieces, not on its app or features. */
const HQ_UI_ZONES: Zone[] = [
  {
    path: 'src-hq-ui',
    may: [R('components'), R('lib'), SHARED],
    why: "HQ's screens reuse the store's components/ and lib/ (and src-shared), never the store's app or features.",
  },
];

const zones = (list: Zone[]): Linter.RulesRecord => ({ 'local/import-zones': ['error', { zones: list }] });

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
  { plugins: { local: { rules: { 'import-zones': importZones } } } },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: zones(MAIN_ZONES),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: zones(RENDERER_ZONES),
  },
  {
    files: ['src-hq-ui/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: zones(HQ_UI_ZONES),
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'src-hq-ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...forbid(
        [
          '**/src-main/**',
          '**/src-preload/**',
          '**/src-hq/**',
          '**/src-hq-ui/**',
          ...ELECTRON,
          'node:*',
          'better-sqlite3',
          'drizzle-orm',
          'drizzle-orm/*',
          'serialport',
        ],
        'A UI talks to its backend only through its typed API (src-renderer/src/lib/api.ts, src-hq-ui/src/lib/api.ts), and the store app and HQ UI do not import each other.',
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
      [...ELECTRON, '**/src-renderer/**', '**/src-hq-ui/**'],
      'Services, db, devices, sync and the Node host must run without Electron; only src-main/app imports it.',
    ),
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: forbid(['**/src-main/**', '**/src-renderer/**', 'node:*'], 'The preload exposes call/subscribe only.'),
  },
);
