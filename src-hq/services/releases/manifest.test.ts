import { describe, expect, it } from 'vitest';
import { parseManifest, writeManifest, type ManifestProblem } from './manifest';

const SHA = `${'A'.repeat(85)}w==`;
/** As electron-builder 26 writes it for NSIS, release notes included. */
const BUILT = `version: 1.4.2
files:
  - url: Store Backoffice Setup 1.4.2.exe
    sha512: ${SHA}
    size: 81234567
path: Store Backoffice Setup 1.4.2.exe
sha512: ${SHA}
releaseNotes: |
  Faster receiving.
  url: http://evil.example/x.exe
releaseDate: '2026-03-01T08:00:00.000Z'
stagingPercentage: 10
`;

function problem(text: string): ManifestProblem | null {
  try {
    parseManifest(text);
    return null;
  } catch (err) {
    return (err as { problem: ManifestProblem }).problem;
  }
}

describe('latest.yml as HQ reads it', () => {
  it('reads what electron-builder writes and serves only what it checked, under the version folder', () => {
    const m = parseManifest(BUILT);
    expect(m).toEqual({
      version: '1.4.2',
      files: [{ url: 'Store Backoffice Setup 1.4.2.exe', sha512: SHA, size: 81234567 }],
      path: 'Store Backoffice Setup 1.4.2.exe',
      sha512: SHA,
      releaseDate: '2026-03-01T08:00:00.000Z',
    });
    const served = writeManifest(m, '1.4.2/');
    expect(served).toContain("  - url: '1.4.2/Store Backoffice Setup 1.4.2.exe'");
    expect(served).not.toMatch(/stagingPercentage|releaseNotes|evil/);
    expect(parseManifest(served.replaceAll('1.4.2/', ''))).toEqual(m);
  });

  it('refuses file names with folders, addresses or odd characters', () => {
    for (const name of [
      '../x.exe',
      'a/b.exe',
      'http://evil.example/x.exe',
      '.hidden',
      'x;rm.exe',
      'C:\\x.exe',
      'x..exe',
    ]) {
      expect(problem(BUILT.replaceAll('Store Backoffice Setup 1.4.2.exe', name))?.reason).toBe('badFileName');
    }
  });

  it('refuses a bad version, checksum, size, or a path that is not among the files', () => {
    expect(problem(BUILT.replace('version: 1.4.2', 'version: 1.4'))?.reason).toBe('badVersion');
    expect(problem(BUILT.replace(`    sha512: ${SHA}`, '    sha512: abc'))?.reason).toBe('badChecksum');
    expect(problem(BUILT.replace('size: 81234567', 'size: -1'))?.reason).toBe('badSize');
    expect(problem(BUILT.replace('path: Store', 'path: Other'))?.reason).toBe('pathNotInFiles');
    expect(problem(BUILT.replace(/^version.*\n/, ''))).toEqual({ reason: 'missing', key: 'version' });
    expect(problem('version: [1, 2]')?.reason).toBe('badVersion');
    expect(problem('version: 1.0.0\n  - what')?.reason).toBe('unreadable');
    expect(problem('{"version": "1.0.0"}')?.reason).toBe('unreadable');
  });
});
