import { randomBytes } from 'node:crypto';
import { HybridClock } from '../../src-shared/sync/hlc';
import type { Conn } from '../db/sql';
import { setSyncState, syncStateOf } from './state';

/** This database's HLC node: made at enrollment, kept for good (its stamps must stay its own). */
export function newHlcNode(): string {
  return `st-${randomBytes(6).toString('hex')}`;
}

/** The store's hybrid logical clock, continuing from the last stamp it handed out. */
export function loadClock(conn: Conn, physical: () => number): HybridClock {
  const s = syncStateOf(conn);
  return new HybridClock(s.hlcNode ?? newHlcNode(), physical, s.hlcLast);
}

export function saveClock(conn: Conn, clock: HybridClock): void {
  setSyncState(conn, { hlcNode: clock.node, hlcLast: clock.last() });
}
