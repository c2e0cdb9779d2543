import { z } from 'zod';
import { hqQuery } from '../contract';

/** HQ's screens report what they could not handle, so it can be found in HQ's logs by its reference. */
export const hqClientMethods = {
  /** Signed-in users only: the sign-in screens are too small to need it, and no stranger can write to HQ's disk. */
  'client.reportError': hqQuery({
    input: z.object({
      message: z.string().max(2000),
      stack: z.string().max(10000).nullish(),
      url: z.string().max(500).nullish(),
    }),
    output: z.object({ ref: z.string() }),
    access: 'any',
  }),
} as const;
