/**
 * Kinds of stock movement. `sign` is the direction of the quantity (count
 * adjustments and transfer variances carry their own sign); `valued` says where
 * the value of an inbound movement comes from ('document': in both directions,
 * from the document, e.g. a transfer's own unit cost); `group` is the column of
 * the period summary.
 */
export const MOVE_KINDS = {
  receipt: { sign: 1, valued: 'input', group: 'receipts' },
  transfer_in: { sign: 1, valued: 'input', group: 'transfers' },
  /** What a transfer in lacked (or had over) against what was sent, at the transfer's own cost: a loss, like waste. */
  transfer_variance: { sign: 0, valued: 'document', group: 'waste' },
  area_in: { sign: 1, valued: 'internal', group: 'internal' },
  issue: { sign: -1, valued: 'average', group: 'usage' },
  sale: { sign: -1, valued: 'average', group: 'usage' },
  maintenance: { sign: -1, valued: 'average', group: 'usage' },
  waste: { sign: -1, valued: 'average', group: 'waste' },
  transfer_out: { sign: -1, valued: 'average', group: 'transfers' },
  area_out: { sign: -1, valued: 'average', group: 'internal' },
  return_supplier: { sign: -1, valued: 'average', group: 'receipts' },
  count_adjust: { sign: 0, valued: 'average', group: 'adjustments' },
} as const;

export type MoveKind = keyof typeof MOVE_KINDS;
export const MOVE_KIND_NAMES = Object.keys(MOVE_KINDS) as MoveKind[];
export type SummaryGroup = (typeof MOVE_KINDS)[MoveKind]['group'];

export function isMoveKind(v: unknown): v is MoveKind {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(MOVE_KINDS, v);
}
