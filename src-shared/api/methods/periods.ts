import * as z from '../lazy-zod';
import { mutation, query } from '../contract';
import { IsoTime } from '../common';

/** A month of the store's business days, 'YYYY-MM'. */
export const MonthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'periods.v.month' });

export const PeriodRow = z.object({
  month: MonthText,
  /** 'current': the month of today, which cannot be closed yet. */
  state: z.enum(['open', 'closed', 'current']),
  /** Ledger rows dated in the month. */
  moves: z.number().int(),
  closedAt: IsoTime.nullable(),
  closedBy: z.string().nullable(),
  reopenedAt: IsoTime.nullable(),
  reopenedBy: z.string().nullable(),
  reopenReason: z.string(),
  /** Closing it (with every open month before it, oldest first) is possible now. */
  canClose: z.boolean(),
  /** It is the latest closed month, the only one that can be reopened. */
  canReopen: z.boolean(),
});
export type PeriodRow = z.output<typeof PeriodRow>;

/** Closing writes no movement, but what may be posted (and the history screens) change with it. */
const PERIOD_QUERIES = ['periods.list'] as const;

/**
 * Month-end closing of the stock ledger: once a month is closed, no movement
 * may be dated in it or before it, by anyone; corrections of closed months are
 * posted in the open month (a reversal, a count). Managers close; reopening
 * (the latest closed month only, with a reason) is for admins.
 */
export const periodMethods = {
  'periods.list': query({
    input: z.object({}),
    output: z.array(PeriodRow),
    access: ['manager', 'admin'],
  }),
  /** Closes `month` and every open month before it, oldest first. */
  'periods.close': mutation({
    input: z.object({ month: MonthText }),
    output: z.array(PeriodRow),
    access: ['manager', 'admin'],
    invalidates: PERIOD_QUERIES,
  }),
  'periods.reopen': mutation({
    input: z.object({ month: MonthText, reason: z.string().trim().min(1).max(500) }),
    output: z.array(PeriodRow),
    access: ['admin'],
    invalidates: PERIOD_QUERIES,
  }),
} as const;
