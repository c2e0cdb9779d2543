/**
 * Hybrid logical clock (Kulkarni et al.): a wall-clock time in ms that never
 * goes backwards, a counter for events in the same ms, and the node that made
 * it. Stamps order the edits of records changed at both ends (repair work
 * orders): per field, the highest stamp wins, on every replica alike.
 *
 * Encoded as a fixed-width string that sorts like the stamp itself:
 * `000001733600000000-0001-<node>` (15 digits of ms, 4 hex digits of counter,
 * the node id), so replicas compare stamps as text, in SQL too.
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

/** A stamp from further ahead than this is refused: a store whose clock is a day fast must not win every edit. */
export const MAX_AHEAD_MS = 24 * 3600_000;
const MAX_COUNTER = 0xffff;

export class ClockAheadError extends Error {
  constructor(
    readonly remoteWall: number,
    readonly localWall: number,
  ) {
    super(`a clock stamp is ${Math.round((remoteWall - localWall) / 60_000)} min ahead of this clock`);
  }
}

const NODE = /^[0-9A-Za-z_-]{1,40}$/;

export function encodeHlc(h: Hlc): string {
  if (!Number.isSafeInteger(h.wall) || h.wall < 0 || h.wall > 999_999_999_999_999) throw new Error('bad HLC wall time');
  if (!Number.isInteger(h.counter) || h.counter < 0 || h.counter > MAX_COUNTER) throw new Error('bad HLC counter');
  if (!NODE.test(h.node)) throw new Error('bad HLC node');
  return `${String(h.wall).padStart(15, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

const ENCODED = /^(\d{15})-([0-9a-f]{4})-([0-9A-Za-z_-]{1,40})$/;

export function isHlc(text: string): boolean {
  return ENCODED.test(text);
}

export function decodeHlc(text: string): Hlc {
  const m = ENCODED.exec(text);
  if (!m) throw new Error(`not an HLC stamp: ${text.slice(0, 60)}`);
  return { wall: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! };
}

/**
 * One node's clock. `now()` stamps a local event; `receive()` merges a stamp
 * that arrived from another replica, so anything stamped here afterwards sorts
 * after it. The caller persists `last` (e.g. with the data it stamped) and
 * calls `receive` only for stamps of a batch it has applied: a refused batch
 * must not move the clock.
 */
export class HybridClock {
  private wall: number;
  private counter: number;

  constructor(
    readonly node: string,
    private readonly physical: () => number = Date.now,
    last?: string | null,
  ) {
    const l = last ? decodeHlc(last) : { wall: 0, counter: 0 };
    this.wall = l.wall;
    this.counter = l.counter;
    if (!NODE.test(node)) throw new Error('bad HLC node');
  }

  now(): string {
    const pt = this.physical();
    if (pt > this.wall) {
      this.wall = pt;
      this.counter = 0;
    } else this.bump();
    return this.last();
  }

  /** Checks a remote stamp against the physical clock without merging it. */
  check(remote: string): void {
    const r = decodeHlc(remote);
    const pt = this.physical();
    if (r.wall > pt + MAX_AHEAD_MS) throw new ClockAheadError(r.wall, pt);
  }

  receive(remote: string): string {
    this.check(remote);
    const r = decodeHlc(remote);
    const pt = this.physical();
    const wall = Math.max(this.wall, r.wall, pt);
    if (wall === this.wall && wall === r.wall) this.counter = Math.max(this.counter, r.counter) + 1;
    else if (wall === this.wall) this.counter += 1;
    else if (wall === r.wall) this.counter = r.counter + 1;
    else this.counter = 0;
    this.wall = wall;
    if (this.counter > MAX_COUNTER) this.overflow();
    return this.last();
  }

  last(): string {
    return encodeHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  private bump(): void {
    this.counter += 1;
    if (this.counter > MAX_COUNTER) this.overflow();
  }

  /** 65,536 stamps in one ms: borrow the next ms rather than wrap (stamps must keep rising). */
  private overflow(): void {
    this.wall += 1;
    this.counter = 0;
  }
}
