import { describe, expect, it } from 'vitest';
import { FRESH_TRIES, SignInGuard } from './sign-in-guard';

const policy = { threshold: 5, lockoutMs: 15 * 60_000 };

describe('sign-in guard', () => {
  it('keeps its memory bounded under a flood of names and addresses', () => {
    const g = new SignInGuard();
    for (let i = 0; i < 25_000; i++) g.failed(`name${i}`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 1_000, policy);
    const sizes = g as unknown as { sources: Map<string, unknown>; accounts: Map<string, unknown> };
    expect(sizes.sources.size).toBeLessThanOrEqual(10_000);
    expect(sizes.accounts.size).toBeLessThanOrEqual(10_000);
    // the newest entries are the ones kept
    expect(g.view('name24999', 1_000, policy).failures).toBe(1);
  });

  it('lets a locked account be tried from a fresh source only FRESH_TRIES times, and a served lock starts afresh', () => {
    const g = new SignInGuard();
    for (let i = 0; i < 5; i++) g.failed('li', `a${i}`, 0, policy);
    expect(g.view('li', 0, policy).lockedUntil).toBe(policy.lockoutMs);
    for (let i = 0; i < FRESH_TRIES; i++) {
      expect(g.check('li', 'fresh', 1, policy).allowed).toBe(true);
      g.failed('li', 'fresh', 1, policy);
    }
    expect(g.check('li', 'fresh', 1, policy)).toEqual({ allowed: false, reason: 'account', until: policy.lockoutMs });
    expect(g.check('li', 'fresh', policy.lockoutMs, policy).allowed).toBe(true);
    expect(g.view('li', policy.lockoutMs, policy)).toEqual({ failures: 0, lockedUntil: null });
  });
});
