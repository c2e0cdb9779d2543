import { z } from 'zod';
import { mutation, query } from '../contract';
import { Empty, StoreDto } from '../common';
import { StoreInput } from './setup';

export const StoreSettingsDto = z.object({
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** Failed sign-ins in a row before the account is locked. */
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  backupKeep: z.number().int().min(1).max(365),
  /** Stock may not go below zero ('block'), or may, flagged in the on-hand list ('allow'). */
  negativeStock: z.enum(['block', 'allow']),
  /** Lots expiring within this many days are listed as alerts. */
  expiryAlertDays: z.number().int().min(0).max(365),
  /** Count lines whose variance passes either limit (percent of book, or whole currency units) are flagged for recount. */
  recountPercent: z.number().int().min(0).max(1000),
  recountValue: z.number().int().min(0).max(1_000_000),
  /** Generic update feed (served by HQ); empty means updates are off. */
  updateFeedUrl: z.union([z.literal(''), z.url({ message: 'validation.url' })]),
});
export type StoreSettingsDto = z.infer<typeof StoreSettingsDto>;

export const storeMethods = {
  'store.get': query({
    input: Empty,
    output: z.object({ store: StoreDto, settings: StoreSettingsDto }),
    access: 'any',
  }),
  'store.update': mutation({
    input: z.object({ store: StoreInput.omit({ code: true }), settings: StoreSettingsDto }),
    output: z.object({ store: StoreDto, settings: StoreSettingsDto }),
    access: ['admin'],
    invalidates: ['store.get', 'session.current'],
  }),
} as const;
