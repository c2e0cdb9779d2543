import { createHash } from 'node:crypto';
import { VERSION_RE } from './manifest';

export interface RolloutRelease {
  version: string;
  /** 0-100. */
  rollout: number;
}

function parts(version: string): { nums: number[]; pre: string[] | null } {
  const m = VERSION_RE.exec(version);
  if (!m) throw new RangeError(`not a release version: ${version}`);
  return { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : null };
}

function compareIdentifier(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semantic version order (semver 2.0 precedence), the order electron-updater itself uses. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) if (pa.nums[i] !== pb.nums[i]) return pa.nums[i]! - pb.nums[i]!;
  if (!pa.pre || !pb.pre) return pa.pre ? -1 : pb.pre ? 1 : 0;
  for (let i = 0; i < Math.min(pa.pre.length, pb.pre.length); i++) {
    const c = compareIdentifier(pa.pre[i]!, pb.pre[i]!);
    if (c !== 0) return c;
  }
  return pa.pre.length - pb.pre.length;
}

/**
 * The store's place in every rollout, 0-99: a hash of its id alone, so it never
 * changes, and raising a release's percentage from p to q adds exactly the
 * stores in [p, q) and takes none away.
 */
export function rolloutBucket(storeId: string): number {
  return createHash('sha256').update(`rollout:${storeId}`).digest().readUInt32BE(0) % 100;
}

/**
 * The version a store is offered: its pinned version if it has one (even an
 * older one: pinning is how HQ holds a store back); otherwise the newest
 * release whose rollout includes it (a release at 100 % includes every store,
 * so a store outside a partial rollout gets the newest release fully rolled
 * out); null when there is none.
 */
export function chooseVersion<R extends RolloutRelease>(
  storeId: string,
  releases: readonly R[],
  pinned: string | null,
): R | null {
  if (pinned !== null) return releases.find((r) => r.version === pinned) ?? null;
  const bucket = rolloutBucket(storeId);
  let best: R | null = null;
  for (const r of releases) {
    if (bucket >= r.rollout) continue;
    if (!best || compareVersions(r.version, best.version) > 0) best = r;
  }
  return best;
}
