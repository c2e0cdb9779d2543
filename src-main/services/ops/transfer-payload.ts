/**
 * What a transfer carries from the sending store to the receiving one, by
 * file or through HQ: no ids of the sending store's items, only codes both
 * stores share. Through HQ the lines keep the sender's line ids, so the
 * receiving store's record of the transfer is the same one HQ routed.
 */
export interface TransferPayload {
  number: string;
  fromStore: string;
  toStore: string;
  sentAt: string;
  note: string;
  lines: { id?: string; itemCode: string; lot: string; expiry: string | null; qty: number; value: number }[];
}
