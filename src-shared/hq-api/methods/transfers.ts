import { z } from 'zod';
import { IsoTime } from '../../api/common';
import { hqQuery } from '../contract';

export const TRANSFER_STATES = ['in_transit', 'received', 'unrouted'] as const;

/** One transfer out of a store, as HQ's mirrors hold it at both ends. Money in ten-thousandths, as at the stores. */
export const ChainTransferDto = z.object({
  id: z.string(),
  number: z.string(),
  fromStoreId: z.string(),
  fromStore: z.string(),
  fromName: z.string(),
  /** The code the sender typed; the store's name when HQ knows it. */
  toStore: z.string(),
  toName: z.string(),
  sentAt: IsoTime,
  status: z.enum(TRANSFER_STATES),
  /** Why HQ did not route it ('' when it did): unknownStore, notEnrolled. */
  problem: z.string(),
  lines: z.number().int(),
  valueSent: z.number().int(),
  /** What the receiving store's stock gained (transfer in plus variance); null until received. */
  valueReceived: z.number().int().nullable(),
  /** The transfer variance the receiving store posted (negative: short); null until received. */
  variance: z.number().int().nullable(),
  receivedAt: IsoTime.nullable(),
});
export type ChainTransferDto = z.infer<typeof ChainTransferDto>;

export const hqTransferMethods = {
  /** Transfers between the chain's stores, newest first (500), with the totals of everything in transit and received. */
  'transfers.list': hqQuery({
    input: z.object({ status: z.enum(TRANSFER_STATES).nullish() }),
    output: z.object({
      rows: z.array(ChainTransferDto),
      totals: z.object({
        inTransitCount: z.number().int(),
        inTransitValue: z.number().int(),
        receivedCount: z.number().int(),
        receivedSent: z.number().int(),
        receivedValue: z.number().int(),
        variance: z.number().int(),
      }),
    }),
    access: 'any',
  }),
} as const;
