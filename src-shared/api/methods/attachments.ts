import * as z from '../lazy-zod';
import { query } from '../contract';
import { Id, IsoTime } from '../common';

/** Files attached to documents: waste photos, copies of exported transfer files. */
export const attachmentMethods = {
  /** One attachment with its content (base64). Any signed-in user: the documents themselves are visible to all. */
  'attachments.get': query({
    input: z.object({ id: Id }),
    output: z.object({
      id: Id,
      ownerType: z.string(),
      ownerId: z.string(),
      fileName: z.string(),
      mime: z.string(),
      bytes: z.number().int(),
      base64: z.string(),
      createdAt: IsoTime,
    }),
    access: 'any',
  }),
} as const;
