import * as z from '../lazy-zod';
import { MOVE_KIND_NAMES } from '../../stock-kinds';
import { mutation, query } from '../contract';
import { CalendarDay, Id, IsoTime } from '../common';

export const MoveKindSchema = z.enum(MOVE_KIND_NAMES as [string, ...string[]]);
/** Thousandths of the base unit; money in ten-thousandths of the currency (see src-shared/quantity.ts). */
export const Qty = z.number().int();
export const Money = z.number().int();
export const DayText = CalendarDay;

/**
 * The queries that read balances or the ledger. Every mutation that posts or
 * reverses movements lists all of them in `invalidates`, so open screens
 * (stock on hand, movement history, FEFO hints, expiry, reorder) refresh.
 */
export const STOCK_QUERIES = ['stock.onHand', 'stock.moves', 'ops.fefo', 'ops.expiring', 'ops.reorder'] as const;

export const OnHandRow = z.object({
  itemId: Id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  baseUnit: z.string(),
  areaId: Id,
  areaCode: z.string(),
  lot: z.string(),
  expiry: z.string().nullable(),
  qty: Qty,
  /** qty at the item's current moving average. */
  value: Money,
  negative: z.boolean(),
});

export const MoveRow = z.object({
  seq: z.number().int(),
  itemId: Id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  baseUnit: z.string(),
  areaCode: z.string(),
  kind: MoveKindSchema,
  qty: Qty,
  value: Money,
  lot: z.string(),
  expiry: z.string().nullable(),
  occurredAt: IsoTime,
  username: z.string().nullable(),
  reason: z.string(),
  /** The reason code's names (inactive codes too), '' when the reason is free text or none. */
  reasonZh: z.string(),
  reasonEn: z.string(),
  docType: z.string(),
  docId: z.string(),
  reversesSeq: z.number().int().nullable(),
  reversed: z.boolean(),
  note: z.string(),
  /** The photo attached to the movement's document (waste), for attachments.get. */
  photoId: Id.nullable(),
});

const PostedDto = z.object({ seq: z.number().int(), id: Id, itemId: Id, kind: MoveKindSchema, qty: Qty, value: Money });

/**
 * No method posts arbitrary movements: stock moves only through the documents
 * that explain it (receiving, issue, waste, area moves, transfers, counts,
 * spare parts), each with its own role rule, and through reversals.
 */
export const stockMethods = {
  'stock.onHand': query({
    input: z.object({
      areaId: Id.nullish(),
      itemId: Id.nullish(),
      category: z.string().max(60).nullish(),
      includeZero: z.boolean().default(false),
    }),
    output: z.array(OnHandRow),
    access: 'any',
  }),
  'stock.reverse': mutation({
    input: z.object({ seq: z.number().int().positive(), note: z.string().trim().min(1).max(500) }),
    output: PostedDto,
    access: ['manager', 'admin'],
    invalidates: STOCK_QUERIES,
  }),
  /** Movement history, newest first, filtered and paged in SQL (keyset on time and seq). */
  'stock.moves': query({
    input: z.object({
      itemId: Id.nullish(),
      areaId: Id.nullish(),
      kind: MoveKindSchema.nullish(),
      from: DayText.nullish(),
      to: DayText.nullish(),
      docType: z.string().max(40).nullish(),
      docId: z.string().max(80).nullish(),
      limit: z.number().int().min(1).max(500).default(100),
      /** The last row of the previous page: its time and seq. */
      after: z.object({ occurredAt: IsoTime, seq: z.number().int() }).nullish(),
      /** Only movements posted after this one (seq is the posting order): the "new movements" check. */
      sinceSeq: z.number().int().min(0).nullish(),
    }),
    output: z.object({
      rows: z.array(MoveRow),
      next: z.object({ occurredAt: IsoTime, seq: z.number().int() }).nullable(),
      /** The newest movement in the store when the page was read (any filter): pass it as sinceSeq later. */
      latestSeq: z.number().int(),
    }),
    access: 'any',
  }),
} as const;
