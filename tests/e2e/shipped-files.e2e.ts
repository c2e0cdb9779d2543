import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import toolsConfig from '../../electron.vite.tools.config';

/**
 * What the installer ships, read from electron-builder.yml's `files` globs
 * applied to the build this run made (npm run test:e2e builds the app first):
 * the app's bundles, and none of the developer tools (generator, benchmarks,
 * simulators), nor playwright-core, which only the benchmarks use.
 */
const ROOT = join(__dirname, '../..');
const TOOLS = ['gen', 'sim', 'bench-inventory', 'bench-receiving', 'bench-repairs'];

/** The `files:` list of electron-builder.yml, in order (a leading `!` excludes). */
function builderFiles(): string[] {
  const lines = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === 'files:');
  expect(start).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+-\s+'?([^']+?)'?\s*$/.exec(line);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}

/** electron-builder's glob rules as far as this file uses them: `**` any depth, `*` within one folder. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function ships(file: string, globs: string[]): boolean {
  let included = false;
  for (const g of globs) {
    if (g.startsWith('!')) {
      if (globToRegExp(g.slice(1)).test(file)) included = false;
    } else if (globToRegExp(g).test(file)) {
      included = true;
    }
  }
  return included;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [relative(ROOT, join(dir, e.name)).split(sep).join('/')],
  );
}

describe('the installer', () => {
  const globs = builderFiles();
  const built = walk(join(ROOT, 'out'));
  const shipped = built.filter((f) => ships(f, globs));

  it('ships the app the build made', () => {
    expect(shipped).toEqual(
      expect.arrayContaining([
        'out/main/electron.js',
        'out/main/serve.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
      ]),
    );
    expect(shipped.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it('ships no tool entry and no code that imports playwright-core', () => {
    const names = shipped.map((f) => f.split('/').pop()!.replace(/\.js$/, ''));
    expect(names.filter((n) => TOOLS.includes(n))).toEqual([]);
    const playwright = shipped.filter(
      (f) => /\.(c|m)?js$/.test(f) && readFileSync(join(ROOT, f), 'utf8').includes('playwright-core'),
    );
    expect(playwright).toEqual([]);
  });

  it('leaves out the folder the tools are built into', () => {
    const outDir = toolsConfig.main?.build?.outDir;
    expect(outDir).toBe('out/tools');
    for (const tool of TOOLS) expect(ships(`${outDir}/${tool}.js`, globs)).toBe(false);
    expect(ships(`${outDir}/chunks/scale-sim.js`, globs)).toBe(false);
    // Whatever a developer's `npm run build:tools` left there stays out too.
    expect(walk(join(ROOT, 'out/tools')).filter((f) => ships(f, globs))).toEqual([]);
  });

  it('reads the globs the way electron-builder does', () => {
    expect(ships('out/main/chunks/x.js', ['out/**'])).toBe(true);
    expect(ships('out/main/x.js.map', ['out/**', '!out/**/*.map'])).toBe(false);
    expect(ships('out/tools/gen.js', ['out/main/**'])).toBe(false);
  });
});
