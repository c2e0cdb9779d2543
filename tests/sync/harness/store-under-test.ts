import type { WireRow } from '../../../src-shared/sync/checksum';
import type { Rng } from './random';

/**
 * A store as the fault tests and the soak drive it. Two implementations:
 * `SimStore` (sim-store.ts: the protocol in memory, to prove the harness
 * and HQ) and, once the store's sync worker is on main, the real store (its
 * SQLite database, outbox triggers and worker in a child process it can
 * SIGKILL). The harness uses nothing but this.
 */
export interface StoreUnderTest {
  readonly name: string;
  /** The store's id at HQ (after enrollment). */
  readonly storeId: string;
  /** Creates, changes and deletes random facts at the store, each with its outbox entries; returns how many entries. */
  writeRandom(rng: Rng, count: number): Promise<number>;
  /**
   * One sync pass: push until the outbox is empty, then pull until HQ says
   * there is no more. Rejects with RetryableError (drain.ts) on a network
   * error, a 5xx or a timeout (the caller backs off and calls again), with
   * another error when the store is not running; resolves with what happened.
   */
  syncOnce(): Promise<SyncPass>;
  /** Entries in the outbox HQ has not acknowledged. */
  pending(): Promise<number>;
  /** Stops the store as SIGKILL would: in-flight requests are cut, nothing is flushed. */
  kill(): Promise<void>;
  /** Starts it again on the same database. */
  restart(): Promise<void>;
  /**
   * The store's rows of a replicated up/both table in wire form, as HQ should
   * mirror them (references in HQ's ids, omitted columns left out).
   */
  factRows(table: string): Promise<WireRow[]>;
  /** Keys (rowKey) per table whose entries HQ dead-lettered: HQ is not expected to hold them. */
  deadLettered(): Promise<Map<string, Set<string>>>;
  /** What the store holds of an HQ master table: key and HQ-owned columns, in the store's ids. */
  masterRows(table: string): Promise<WireRow[]>;
  close(): Promise<void>;
}

export interface SyncPass {
  pushed: number;
  /** Push requests whose every entry HQ already had. */
  duplicates: number;
  pulled: number;
  /** A refusal that stops syncing until someone acts (version, clock, revoked). */
  stopped?: string;
}
