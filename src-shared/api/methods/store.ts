import * as z from '../lazy-zod';
import { mutation, query } from '../contract';
import { Empty, StoreDto } from '../common';
import { StoreInput } from './setup';
import { RepairSettings } from '../../repairs/settings';

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
  /**
   * How many days back each role may date a stock movement (0 = today only, in the store's time zone).
   * Absent in older databases: the defaults (services/store/settings.ts).
   */
  backdateDays: z
    .object({
      clerk: z.number().int().min(0).max(366),
      technician: z.number().int().min(0).max(366),
      manager: z.number().int().min(0).max(366),
      admin: z.number().int().min(0).max(366),
    })
    .optional(),
  /** Lots expiring within this many days are listed as alerts. */
  expiryAlertDays: z.number().int().min(0).max(365),
  /** Count lines whose variance passes either limit (percent of book, or whole currency units) are flagged for recount. */
  recountPercent: z.number().int().min(0).max(1000),
  recountValue: z.number().int().min(0).max(1_000_000),
  /** Receiving: a delivery off the open order quantity by more than this (percent) is flagged; more needs a confirmation. */
  receiveTolerancePercent: z.number().int().min(0).max(100),
  /** Receiving: highest accepted core temperature (whole °C) of chilled and of frozen goods. */
  chilledMaxTemp: z.number().int().min(-10).max(20),
  frozenMaxTemp: z.number().int().min(-40).max(0),
  /** Item categories (keys) delivered chilled or frozen: their receipt lines need a temperature reading. */
  chilledCategories: z.array(z.string().trim().min(1).max(60)).max(100),
  frozenCategories: z.array(z.string().trim().min(1).max(60)).max(100),
  /** Repairs and maintenance: auto-confirm and reopen windows, SLA targets per priority (absent in older databases: defaults). */
  repairs: RepairSettings.optional(),
  /** Variable-measure EAN-13 layouts the chain prints (prefix, item digits, weight or price digits). */
  variableLayouts: z
    .array(
      z.object({
        prefix: z.string().regex(/^\d{1,3}$/),
        itemDigits: z.number().int().min(1).max(10),
        valueKind: z.enum(['weight', 'price']),
        valueDigits: z.number().int().min(1).max(10),
        decimals: z.number().int().min(0).max(4),
        name: z.string().max(40).optional(),
      }),
    )
    .max(20),
  /** A character the store's scanners send instead of GS between GS1 fields ('' = GS only). */
  scanSeparator: z.string().max(1),
  /** Containers weighed with the goods (crate 1.2 kg): grams taken off a weighed line. */
  tarePresets: z
    .array(z.object({ name: z.string().trim().min(1).max(30), grams: z.number().int().min(1).max(100_000) }))
    .max(30),
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
