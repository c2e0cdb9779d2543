import * as z from '../lazy-zod';
import { mutation, query } from '../contract';
import { Credential, DisplayName, SessionDto, Username } from '../common';

export const StoreInput = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(16)
    .regex(/^[A-Za-z0-9-]+$/, { message: 'validation.storeCode' }),
  name: z.string().trim().min(1).max(80),
  address: z.string().trim().max(200).default(''),
  timezone: z.string().refine(isTimeZone, { message: 'validation.timezone' }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'validation.currency' })
    .default('CNY'),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export const setupMethods = {
  'setup.status': query({
    input: z.object({}).strict(),
    output: z.object({ initialized: z.boolean(), allowedHere: z.boolean() }),
    access: 'public',
  }),
  'setup.initialize': mutation({
    input: z.object({
      store: StoreInput,
      admin: z.object({ username: Username, displayName: DisplayName }).and(Credential),
      demo: z.boolean().default(false),
    }),
    output: SessionDto,
    access: 'public',
    secret: ['secret'],
    invalidates: ['*'],
  }),
} as const;
