import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { treeChanges, treeSnapshot } from '../../../scripts/lib/tree-check.mjs';

const dir = mkdtempSync(join(tmpdir(), 'bo-tree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });

describe('the checkout is the same after the tests', () => {
  it('names a tracked file a run changed, a file it added, and nothing in ignored folders', () => {
    git('init', '-q');
    writeFileSync(join(dir, '.gitignore'), 'test-results/\n');
    writeFileSync(join(dir, 'shot.png'), 'old');
    writeFileSync(join(dir, 'edited.txt'), 'mine, not committed');
    git('add', '.gitignore', 'shot.png');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'start');
    const before = treeSnapshot(dir)!;
    expect([...before.keys()]).toEqual(['edited.txt']); // a change of one's own is not the run's

    execFileSync('mkdir', ['-p', join(dir, 'test-results')]);
    writeFileSync(join(dir, 'test-results/shot.png'), 'new');
    expect(treeChanges(before, treeSnapshot(dir)!)).toEqual([]);

    writeFileSync(join(dir, 'shot.png'), 'new');
    writeFileSync(join(dir, 'edited.txt'), 'changed again by a test');
    writeFileSync(join(dir, 'stray.json'), '{}');
    expect(treeChanges(before, treeSnapshot(dir)!)).toEqual(['edited.txt', 'shot.png', 'stray.json']);
  });

  it('has nothing to compare outside a git checkout', () => {
    const plain = mkdtempSync(join(tmpdir(), 'bo-plain-'));
    try {
      expect(treeSnapshot(plain)).toBeNull();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
