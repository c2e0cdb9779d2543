import { z } from 'zod';
import { IsoTime, Ok } from '../../api/common';
import { hqMutation, hqQuery, WRITERS } from '../contract';
import { StoreId } from './stores';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'hq.validation.month' });

export const hqOpsMethods = {
  'periods.list': hqQuery({
    input: z.object({}).strict(),
    output: z.array(z.object({ scope: z.string(), month: z.string(), closedAt: IsoTime })),
    access: 'any',
  }),
  /** Entries a store sends later dated in this month are kept and flagged late. `storeId` omitted: every store. */
  'periods.close': hqMutation({
    input: z.object({ month: Month, storeId: StoreId.optional() }),
    output: Ok,
    access: WRITERS.master,
    store: 'storeId',
    invalidates: ['periods.list'],
  }),
  /** HQ's maintenance team sets fields of a store's work order (merged by clock with the store's edits). */
  'workOrders.edit': hqMutation({
    input: z.object({
      storeId: StoreId,
      workOrderId: z.string().min(1).max(80),
      fields: z
        .object({
          priority: z.enum(['urgent', 'high', 'normal', 'low']),
          assignee_user_id: z.string().max(80).nullable(),
          vendor_id: z.string().max(80).nullable(),
          description: z.string().max(4000),
          fault_code: z.string().max(80),
          resolution: z.string().max(4000),
          resolution_code: z.string().max(80),
          root_cause_code: z.string().max(80),
        })
        .partial()
        .refine((f) => Object.keys(f).length > 0, { message: 'hq.validation.noFields' }),
      note: z.string().max(2000).default(''),
    }),
    output: Ok,
    access: WRITERS.maintenance,
    store: 'storeId',
    invalidates: ['stores.detail'],
  }),
} as const;
