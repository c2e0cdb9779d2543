import * as z from '../lazy-zod';
import { mutation, query } from '../contract';
import { Ok } from '../common';
import { valueTooDeep } from '../limits';

const PrefKey = z.string().regex(/^[a-z0-9._-]{1,80}$/i, { message: 'validation.prefKey' });

/** A grid's column state is a few KB, three levels deep; these bounds leave room and stop abuse. */
export const MAX_PREF_CHARS = 64 * 1024;
export const MAX_PREF_DEPTH = 16;

/** Any JSON value within the bounds above (checked depth first: stringifying 5,000 levels overflows the stack). */
const PrefValue = z.unknown().superRefine((value, ctx) => {
  if (valueTooDeep(value, MAX_PREF_DEPTH)) {
    ctx.addIssue({ code: 'custom', message: 'security.v.prefDepth', params: { max: MAX_PREF_DEPTH } });
    return;
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value ?? null);
  } catch {
    json = undefined; // a BigInt, which only a crafted IPC message can carry
  }
  if (json === undefined) ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
  else if (json.length > MAX_PREF_CHARS) ctx.addIssue({ code: 'custom', message: 'security.v.prefSize' });
});

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
    input: z.object({ key: PrefKey, value: PrefValue }),
    output: Ok,
    access: 'any',
    audit: false,
  }),
} as const;
