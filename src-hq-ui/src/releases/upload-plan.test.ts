import { describe, expect, it } from 'vitest';
import { findManifest, planUpload, topLevel, type Picked } from './upload-plan';

const f = (name: string, webkitRelativePath?: string): Picked => ({ name, size: 10, webkitRelativePath });
const declared = [{ name: 'Setup-1.2.0.exe' }];

describe('choosing the files of a release', () => {
  it('needs exactly one latest*.yml', () => {
    expect(findManifest([f('Setup-1.2.0.exe')])).toEqual({ problem: { key: 'hq.releases.upload.noManifest' } });
    expect(findManifest([f('latest.yml'), f('latest-linux.yml')])).toEqual({
      problem: { key: 'hq.releases.upload.twoManifests', params: { files: 'latest.yml, latest-linux.yml' } },
    });
    const yml = f('latest-linux.yml');
    expect(findManifest([f('Setup.AppImage'), yml])).toEqual({ manifest: yml });
  });

  it('sends the declared files with their blockmaps, and names a declared file that was not chosen', () => {
    const yml = f('latest.yml');
    const exe = f('Setup-1.2.0.exe');
    const map = f('Setup-1.2.0.exe.blockmap');
    expect(planUpload(declared, [yml, map, exe], yml, false)).toEqual({ send: [exe, map], leftOut: 0 });
    expect(planUpload(declared, [yml, exe], yml, false)).toEqual({ send: [exe], leftOut: 0 });
    expect(planUpload(declared, [yml, map], yml, false)).toEqual({
      problem: { key: 'hq.releases.upload.missing', params: { file: 'Setup-1.2.0.exe' } },
    });
  });

  it('refuses a hand-picked file latest.yml does not name, but leaves a folder’s other files out', () => {
    const yml = f('latest.yml');
    const exe = f('Setup-1.2.0.exe');
    const other = f('Setup-1.1.0.exe');
    expect(planUpload(declared, [yml, exe, other], yml, false)).toEqual({
      problem: { key: 'hq.releases.upload.extra', params: { file: 'Setup-1.1.0.exe' } },
    });
    expect(planUpload(declared, [yml, exe, other], yml, true)).toEqual({ send: [exe], leftOut: 1 });
  });

  it("takes only the files directly in a chosen folder, not electron-builder's unpacked app", () => {
    const files = [f('latest.yml', 'dist/latest.yml'), f('app.exe', 'dist/win-unpacked/app.exe')];
    expect(topLevel(files).map((x) => x.name)).toEqual(['latest.yml']);
  });
});
