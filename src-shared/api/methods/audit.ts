import * as z from '../lazy-zod';
import { query } from '../contract';
import { Empty, IsoTime } from '../common';

export const AuditRowDto = z.object({
  seq: z.number().int(),
  at: IsoTime,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  method: z.string(),
  /** JSON text: the input (secrets redacted) and the rows changed. */
  detail: z.string(),
});

export const AuditProblem = z.object({
  seq: z.number().int(),
  kind: z.enum(['edited', 'missing', 'head-mismatch']),
});

export const auditMethods = {
  'audit.list': query({
    input: z.object({
      limit: z.number().int().min(1).max(500).default(100),
      /** Rows with seq below this; omit for the newest page. */
      beforeSeq: z.number().int().positive().nullish(),
      method: z.string().max(64).nullish(),
      username: z.string().max(64).nullish(),
    }),
    output: z.object({ rows: z.array(AuditRowDto), nextBeforeSeq: z.number().int().nullable() }),
    access: ['admin', 'manager'],
  }),
  'audit.verify': query({
    input: Empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      problems: z.array(AuditProblem),
    }),
    access: ['admin'],
  }),
} as const;
