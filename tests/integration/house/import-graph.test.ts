import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, reaching } from '../../helpers/import-graph';

const ELECTRON = (spec: string) => spec === 'electron' || spec.startsWith('electron/') || spec === 'electron-updater';

describe('the import graph', () => {
  const graph = importGraph(['src-main', 'src-shared', 'src-preload', 'src-renderer/src', 'src-hq-ui/src']);

  it('is read completely (the check below would pass vacuously on an empty graph)', () => {
    expect(graph.files.size).toBeGreaterThan(500);
    expect(graph.files.get('src-main/backend.ts')).toContain('src-main/api/dispatch.ts');
    expect(graph.packages.get('src-main/app/main.ts')).toContain('electron');
  });

  it('has no import circles, type-only imports included', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const circular = {
      files: new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', ['c.ts']],
        ['c.ts', ['a.ts']],
        ['d.ts', ['a.ts']],
      ]),
      packages: new Map<string, string[]>(),
    };
    expect(importCircles(circular)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('lets only src-main/app reach electron in the backend, directly or through other files', () => {
    // The preload is Electron's own other side (contextBridge); the renderer and src-shared are checked too.
    const outside = [...reaching(graph, ELECTRON)]
      .filter(([file]) => !file.startsWith('src-main/app/') && !file.startsWith('src-preload/'))
      .map(([, path]) => path.join(' -> '));
    expect(outside).toEqual([]);
    // The check sees through files: app's own glue reaches electron through its other modules.
    expect(reaching(graph, ELECTRON).get('src-main/app/main.ts')).toBeDefined();
  });

  it('follows a path to electron through another file', () => {
    const g = {
      files: new Map([
        ['src-main/services/x.ts', ['src-main/lib/y.ts']],
        ['src-main/lib/y.ts', []],
      ]),
      packages: new Map([
        ['src-main/services/x.ts', []],
        ['src-main/lib/y.ts', ['electron']],
      ]),
    };
    expect(reaching(g, ELECTRON).get('src-main/services/x.ts')).toEqual([
      'src-main/services/x.ts',
      'src-main/lib/y.ts',
      'electron',
    ]);
  });
});
