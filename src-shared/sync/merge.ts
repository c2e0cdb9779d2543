import type { WireRow } from './checksum';

/**
 * Per-field last-writer-wins for records edited at both ends (work orders):
 * each field carries the HLC stamp of the edit that set it, and a value
 * replaces the current one only if its stamp is higher. The same pure
 * function runs at HQ (on pushes) and at the store (on pulls), so every
 * replica ends with the same row whatever order the edits arrive in.
 *
 * A field the incoming row sets without a stamp is taken only while the
 * current row has no stamp for it either (a plain value, e.g. a derived
 * column, never beats an edit that was stamped).
 */
export interface Stamped {
  row: WireRow;
  clocks: Record<string, string>;
}

export interface MergeOutcome extends Stamped {
  /** Stamped fields whose incoming value was taken. */
  applied: string[];
  /** Stamped fields whose incoming value lost to a newer one (kept as history, not applied). */
  superseded: string[];
}

export function mergeStamped(current: Stamped | null, incoming: Stamped, key: readonly string[]): MergeOutcome {
  if (!current) {
    return {
      row: { ...incoming.row },
      clocks: { ...incoming.clocks },
      applied: Object.keys(incoming.clocks).filter((f) => f in incoming.row),
      superseded: [],
    };
  }
  const row: WireRow = { ...current.row };
  const clocks = { ...current.clocks };
  const applied: string[] = [];
  const superseded: string[] = [];
  for (const [field, value] of Object.entries(incoming.row)) {
    if (key.includes(field)) continue;
    const mine = clocks[field];
    const theirs = incoming.clocks[field];
    if (theirs !== undefined) {
      if (mine === undefined || theirs > mine) {
        row[field] = value;
        clocks[field] = theirs;
        applied.push(field);
      } else if (theirs < mine || row[field] !== value) {
        superseded.push(field);
      }
    } else if (mine === undefined) {
      row[field] = value;
    }
  }
  return { row, clocks, applied, superseded };
}
