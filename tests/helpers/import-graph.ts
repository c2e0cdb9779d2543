import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '../..');

export interface ImportGraph {
  /** Project-relative file -> the project files it imports (type-only and dynamic imports included). */
  files: Map<string, string[]>;
  /** Project-relative file -> the packages it imports ('electron', 'node:fs', ...). */
  packages: Map<string, string[]>;
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
};

const rel = (abs: string) => relative(ROOT, abs).split(sep).join('/');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/**
 * The import graph of some source folders, read the way the compiler reads
 * them (TypeScript's own pre-processor and module resolution), so type-only
 * imports count: an import circle through types is still a circle of ideas.
 * Tests are left out: they may reach anywhere.
 */
export function importGraph(dirs: string[]): ImportGraph {
  const files = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const pending = dirs.flatMap(sources);
  const seen = new Set(pending);
  while (pending.length) {
    const file = pending.pop()!;
    const abs = join(ROOT, file);
    const info = ts.preProcessFile(readFileSync(abs, 'utf8'), true, true);
    const deps: string[] = [];
    const pkgs: string[] = [];
    for (const { fileName: spec } of info.importedFiles) {
      if (!spec.startsWith('.')) {
        pkgs.push(spec);
        continue;
      }
      if (/\.(css|svg|png|woff2?|json)$/.test(spec)) continue; // assets: nothing imported from them
      const target = ts.resolveModuleName(spec, abs, OPTIONS, ts.sys).resolvedModule;
      if (!target || target.isExternalLibraryImport) throw new Error(`${file}: cannot resolve ${spec}`);
      const to = rel(target.resolvedFileName);
      deps.push(to);
      // Follow imports out of the listed folders too (src-shared): a path to electron may pass through them.
      if (!seen.has(to) && /\.tsx?$/.test(to) && !to.endsWith('.d.ts')) {
        seen.add(to);
        pending.push(to);
      }
    }
    files.set(file, deps);
    packages.set(file, pkgs);
  }
  return { files, packages };
}

/** Every import circle (strongly connected set of two or more files, or a file importing itself), by Tarjan's algorithm. */
export function importCircles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.files.get(v) ?? []) {
      if (!graph.files.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.files.get(v)!.includes(v)) circles.push(scc.sort());
    }
  };
  for (const v of graph.files.keys()) if (!index.has(v)) visit(v);
  return circles;
}

/** The files that reach a package matching `isPackage`, directly or through other files, each with one import path to it. */
export function reaching(graph: ImportGraph, isPackage: (spec: string) => boolean): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const [file, deps] of graph.files)
    for (const dep of deps) importers.set(dep, [...(importers.get(dep) ?? []), file]);
  // Walk backwards from the files that import the package themselves: each reached file keeps its path forward.
  const out = new Map<string, string[]>();
  const queue: string[] = [];
  for (const [file, pkgs] of graph.packages) {
    const direct = pkgs.find(isPackage);
    if (direct) {
      out.set(file, [file, direct]);
      queue.push(file);
    }
  }
  while (queue.length) {
    const file = queue.shift()!;
    for (const importer of importers.get(file) ?? []) {
      if (out.has(importer)) continue;
      out.set(importer, [importer, ...out.get(file)!]);
      queue.push(importer);
    }
  }
  return out;
}
