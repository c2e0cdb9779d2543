import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from './renderer-files';

const root = join('/srv', 'out', 'renderer');
const files = new Set([join(root, 'index.html'), join(root, 'assets', 'index-abc.js')]);
const exists = (f: string) => files.has(f);

describe('renderer files', () => {
  it('serves index.html for / and for client-side routes', () => {
    expect(resolveRendererFile(root, '/', exists)).toMatchObject({ file: join(root, 'index.html'), fallback: false });
    expect(resolveRendererFile(root, '/items/42', exists)).toMatchObject({
      file: join(root, 'index.html'),
      fallback: true,
    });
  });

  it('serves assets with their type and 404s missing ones', () => {
    expect(resolveRendererFile(root, '/assets/index-abc.js', exists)).toEqual({
      file: join(root, 'assets', 'index-abc.js'),
      type: 'text/javascript; charset=utf-8',
      fallback: false,
    });
    expect(resolveRendererFile(root, '/assets/missing.js', exists)).toEqual({ status: 404 });
  });

  it('never leaves the renderer folder', () => {
    expect(resolveRendererFile(root, '/%2e%2e/%2e%2e/package.json', exists)).toEqual({ status: 403 });
    expect(resolveRendererFile(root, '/..%2F..%2Fetc%2Fpasswd', exists)).toEqual({ status: 403 });
    expect(resolveRendererFile(root, '/%00', exists)).toEqual({ status: 403 });
    expect(resolveRendererFile(root, '/%E0%A4%A', exists)).toEqual({ status: 404 });
  });
});
