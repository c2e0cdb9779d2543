import { describe, expect, it } from 'vitest';
import { chooseVersion, compareVersions, rolloutBucket } from './choose';

const ids = Array.from({ length: 400 }, (_, i) => `0190${String(i).padStart(4, '0')}-aaaa-7bbb-8ccc-dddddddddddd`);

describe('which version a store gets', () => {
  it('orders versions as semver does', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-beta.2', '1.2.0-beta.10', '1.2.0-alpha', '0.9.9'].sort(compareVersions);
    expect(sorted).toEqual(['0.9.9', '1.2.0-alpha', '1.2.0-beta.2', '1.2.0-beta.10', '1.2.0', '1.10.0']);
  });

  it('gives a pinned store its pinned version, older or not, whatever the rollouts', () => {
    const releases = [
      { version: '1.0.0', rollout: 0 },
      { version: '1.1.0', rollout: 100 },
    ];
    expect(chooseVersion(ids[0]!, releases, '1.0.0')?.version).toBe('1.0.0');
    expect(chooseVersion(ids[0]!, releases, null)?.version).toBe('1.1.0');
    expect(chooseVersion(ids[0]!, releases, '2.0.0')).toBeNull();
  });

  it('offers a partial rollout to about its share, the rest the newest fully rolled-out release', () => {
    const releases = [
      { version: '1.0.0', rollout: 100 },
      { version: '1.1.0', rollout: 25 },
    ];
    const got = ids.map((id) => chooseVersion(id, releases, null)!.version);
    const share = got.filter((v) => v === '1.1.0').length / ids.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    expect(new Set(got)).toEqual(new Set(['1.0.0', '1.1.0']));
    expect(chooseVersion(ids[0]!, [{ version: '1.1.0', rollout: 0 }], null)).toBeNull();
  });

  it('only adds stores when a rollout is raised', () => {
    let before = new Set<string>();
    for (let p = 0; p <= 100; p += 5) {
      const included = new Set(ids.filter((id) => chooseVersion(id, [{ version: '2.0.0', rollout: p }], null)));
      for (const id of before) expect(included.has(id)).toBe(true);
      before = included;
    }
    expect(before.size).toBe(ids.length);
    expect(rolloutBucket(ids[5]!)).toBe(rolloutBucket(ids[5]!));
  });
});
