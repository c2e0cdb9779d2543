import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isVisibleOn, loadWindowState, saveWindowState } from './window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('window state', () => {
  it('round-trips and ignores missing or damaged files', () => {
    dir = mkdtempSync(join(tmpdir(), 'bo-winstate-'));
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    const state = { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    writeFileSync(file, '{"bounds":{"x":1,"y":2,"width":-5,"height":3}}');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{not json');
    expect(loadWindowState(file)).toBeNull();
  });

  it('restores bounds only when the title bar is on a screen', () => {
    expect(isVisibleOn({ x: 100, y: 100, width: 1200, height: 800 }, [screen])).toBe(true);
    expect(isVisibleOn({ x: -8, y: -8, width: 1936, height: 1056 }, [screen])).toBe(true);
    // The second monitor it was on is gone.
    expect(isVisibleOn({ x: 2000, y: 100, width: 1200, height: 800 }, [screen])).toBe(false);
    expect(isVisibleOn({ x: 2000, y: 100, width: 1200, height: 800 }, [screen, { ...screen, x: 1920 }])).toBe(true);
    // Title bar above the top of the screen, or only a sliver showing.
    expect(isVisibleOn({ x: 100, y: -300, width: 1200, height: 800 }, [screen])).toBe(false);
    expect(isVisibleOn({ x: 1900, y: 100, width: 1200, height: 800 }, [screen])).toBe(false);
  });
});
