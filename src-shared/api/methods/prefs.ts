import { z } from 'zod';
import { mutation, query } from '../contract';
import { Ok } from '../common';

const PrefKey = z.string().regex(/^[a-z0-9._-]{1,80}$/i, { message: 'validation.prefKey' });

/**
 * Per-user UI preferences (grid column state, ...). They are not business
 * data, so they are not written to the audit log (`audit: false` below would
 * flood it with every column drag).
 */
export const prefMethods = {
  'prefs.get': query({
    input: z.object({ key: PrefKey }),
    output: z.object({ value: z.unknown().nullable() }),
    access: 'any',
  }),
  'prefs.set': mutation({
    input: z.object({ key: PrefKey, value: z.unknown() }),
    output: Ok,
    access: 'any',
    audit: false,
  }),
} as const;
