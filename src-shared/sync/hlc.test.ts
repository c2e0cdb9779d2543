import { describe, expect, it } from 'vitest';
import { ClockAheadError, decodeHlc, encodeHlc, HybridClock, MAX_AHEAD_MS } from './hlc';

describe('hybrid logical clock', () => {
  it('encodes stamps as text that sorts like the stamps', () => {
    const a = encodeHlc({ wall: 1_733_600_000_000, counter: 1, node: 'store-a' });
    const b = encodeHlc({ wall: 1_733_600_000_000, counter: 2, node: 'hq' });
    const c = encodeHlc({ wall: 1_733_600_000_001, counter: 0, node: 'a' });
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(decodeHlc(a)).toEqual({ wall: 1_733_600_000_000, counter: 1, node: 'store-a' });
    expect(() => decodeHlc('garbage')).toThrow();
  });

  it('never goes backwards, even when the wall clock does', () => {
    let t = 1000;
    const clock = new HybridClock('s1', () => t);
    const seen = [clock.now(), clock.now()];
    t = 500; // the PC's clock was set back
    seen.push(clock.now());
    t = 2000;
    seen.push(clock.now());
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('orders a local event after a remote stamp it has received', () => {
    const a = new HybridClock('a', () => 1000);
    const b = new HybridClock('b', () => 900); // b's PC is 100 ms slow
    const remote = a.now();
    b.receive(remote);
    expect(b.now() > remote).toBe(true);
  });

  it('refuses a stamp more than a day ahead and is not moved by it', () => {
    const now = 1_000_000_000_000;
    const clock = new HybridClock('a', () => now);
    const before = clock.now();
    const ahead = encodeHlc({ wall: now + MAX_AHEAD_MS + 1, counter: 0, node: 'x' });
    expect(() => clock.receive(ahead)).toThrow(ClockAheadError);
    expect(clock.last()).toBe(before);
    // an hour ahead is taken (and reported elsewhere), and later local stamps sort after it
    const hour = encodeHlc({ wall: now + 3600_000, counter: 5, node: 'x' });
    clock.receive(hour);
    expect(clock.now() > hour).toBe(true);
  });

  it('resumes from a persisted stamp', () => {
    const first = new HybridClock('a', () => 10);
    first.now();
    const last = first.now();
    const again = new HybridClock('a', () => 5, last);
    expect(again.now() > last).toBe(true);
  });
});
