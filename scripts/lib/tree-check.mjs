// Tests must not change the checkout: every file git sees as changed or new
// is fingerprinted before and after the run, and any difference is named.
// (Outputs belong in ignored folders: test-results/, .tmp/, out/.)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

function fingerprint(root, path) {
  const full = join(root, path);
  let st;
  try {
    st = lstatSync(full);
  } catch {
    return 'deleted';
  }
  if (st.isSymbolicLink()) return `link:${readlinkSync(full)}`;
  if (st.isDirectory()) return 'dir';
  return createHash('sha1').update(readFileSync(full)).digest('hex');
}

/**
 * Path -> fingerprint of every changed, deleted or untracked (not ignored)
 * file, from `git status`; null outside a git checkout (a tarball has
 * nothing to compare against).
 */
export function treeSnapshot(root) {
  const r = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  const snap = new Map();
  const fields = r.stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i];
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    const path = entry.slice(3);
    snap.set(path, `${status}:${fingerprint(root, path)}`);
    if (status[0] === 'R' || status[0] === 'C') i++; // the next field is the rename's source
  }
  return snap;
}

/** Paths whose state differs between two snapshots, sorted. */
export function treeChanges(before, after) {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}
