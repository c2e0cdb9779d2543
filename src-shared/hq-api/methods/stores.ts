import { z } from 'zod';
import { Empty, IsoTime, Ok } from '../../api/common';
import { WireRowSchema } from '../../sync/protocol';
import { hqMutation, hqQuery, WRITERS } from '../contract';
import { RegionId } from './regions';

export const StoreId = z.string().uuid();
const StoreCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'hq.validation.storeCode' });

export const StoreHealthDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  region: z.object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  /** The store's IANA time zone (its replicated store row, else what it said at enrollment); '' until it enrolls. */
  timeZone: z.string(),
  status: z.enum(['pending', 'active', 'revoked']),
  /** Until when the last one-time code can be used (pending stores). */
  codeExpiresAt: IsoTime.nullable(),
  enrolledAt: IsoTime.nullable(),
  lastContactAt: IsoTime.nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int().nullable(),
  backlog: z.number().int(),
  refusedCount: z.number().int(),
  lastRefusal: z.object({ code: z.string(), message: z.string(), at: IsoTime }).nullable(),
  /** The store's clock minus HQ's at its last push, ms. */
  clockSkewMs: z.number().int().nullable(),
  auditMismatch: z.boolean(),
  deadLetters: z.number().int(),
  lateEntries: z.number().int(),
});
export type StoreHealthDto = z.infer<typeof StoreHealthDto>;

export const IssuedCodeDto = z.object({
  store: StoreHealthDto,
  /** Shown once: HQ keeps only its hash. */
  enrollmentCode: z.string(),
  expiresAt: IsoTime,
});

export const StoreDetailDto = z.object({
  store: StoreHealthDto,
  /** Rows HQ holds of each table this store sends. */
  tables: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  /** The newest rows of each table that has any (ids are time-ordered). */
  recent: z.array(z.object({ table: z.string(), rows: z.array(WireRowSchema) })),
  deadLetters: z.array(
    z.object({ streamId: z.string(), seq: z.number().int(), table: z.string(), reason: z.string(), at: IsoTime }),
  ),
  lateEntries: z.array(
    z.object({ seq: z.number().int(), table: z.string(), rowKey: z.string(), month: z.string(), at: IsoTime }),
  ),
  auditMismatches: z.array(
    z.object({ seq: z.number().int(), recordedHash: z.string(), presentedHash: z.string(), at: IsoTime }),
  ),
  streams: z.array(z.object({ streamId: z.string(), ackSeq: z.number().int(), updatedAt: IsoTime })),
});
export type StoreDetailDto = z.infer<typeof StoreDetailDto>;

export const hqStoreMethods = {
  'stores.list': hqQuery({ input: Empty, output: z.array(StoreHealthDto), access: 'any' }),
  'stores.detail': hqQuery({
    input: z.object({ id: StoreId }),
    output: StoreDetailDto,
    access: 'any',
    store: 'id',
  }),
  'stores.create': hqMutation({
    input: z.object({
      code: StoreCode,
      name: z.string().trim().min(1).max(200),
      regionId: RegionId.nullable().default(null),
    }),
    output: IssuedCodeDto,
    access: WRITERS.stores,
    invalidates: ['stores.list', 'regions.list'],
  }),
  /** Its name and region (the code is what the store and its documents quote: it stays). */
  'stores.update': hqMutation({
    input: z.object({ id: StoreId, name: z.string().trim().min(1).max(200), regionId: RegionId.nullable() }),
    output: StoreHealthDto,
    access: WRITERS.stores,
    store: 'id',
    invalidates: ['stores.list', 'stores.detail', 'regions.list'],
  }),
  /** A new one-time code (the first expired, or the store's PC was replaced). */
  'stores.newCode': hqMutation({
    input: z.object({ id: StoreId }),
    output: IssuedCodeDto,
    access: WRITERS.stores,
    store: 'id',
    invalidates: ['stores.list', 'stores.detail'],
  }),
  'stores.revoke': hqMutation({
    input: z.object({ id: StoreId }),
    output: Ok,
    access: WRITERS.admin,
    store: 'id',
    invalidates: ['stores.list', 'stores.detail'],
  }),
} as const;
