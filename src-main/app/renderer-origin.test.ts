import { describe, expect, it } from 'vitest';
import { rendererOrigin } from './renderer-origin';

describe('renderer origin', () => {
  it('owns only app://renderer pages when packaged', () => {
    const o = rendererOrigin(undefined);
    expect(o.entry).toBe('app://renderer/');
    expect(o.owns('app://renderer/')).toBe(true);
    expect(o.owns('app://renderer/index.html#/items?x=1')).toBe(true);
    expect(o.owns('app://other/')).toBe(false);
    expect(o.owns('app://renderer:8080/')).toBe(false);
    expect(o.owns('app://user@renderer/')).toBe(false);
    expect(o.owns('file:///work/out/renderer/index.html')).toBe(false);
    expect(o.owns('http://renderer/')).toBe(false);
    expect(o.owns('not a url')).toBe(false);
  });

  it('owns only the dev server origin in development', () => {
    const o = rendererOrigin('http://localhost:5173');
    expect(o.entry).toBe('http://localhost:5173/');
    expect(o.owns('http://localhost:5173/#/login')).toBe(true);
    expect(o.owns('http://localhost:5174/')).toBe(false);
    expect(o.owns('app://renderer/')).toBe(false);
  });
});
