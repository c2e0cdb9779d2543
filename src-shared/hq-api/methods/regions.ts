import { z } from 'zod';
import { Empty, Ok } from '../../api/common';
import { hqMutation, hqQuery, WRITERS } from '../contract';

export const RegionId = z.string().min(1).max(80);

export const RegionDto = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Stores in it. */
  stores: z.number().int(),
});
export type RegionDto = z.infer<typeof RegionDto>;

const Name = z.string().trim().min(1).max(60);

/** The chain's regions, managed by administrators and operations (with the whole chain in scope). */
export const hqRegionMethods = {
  'regions.list': hqQuery({ input: Empty, output: z.array(RegionDto), access: 'any' }),
  /** id omitted: a new region. */
  'regions.save': hqMutation({
    input: z.object({
      id: RegionId.optional(),
      code: z.string().trim().min(1).max(40),
      nameZh: Name,
      nameEn: Name,
    }),
    output: RegionDto,
    access: WRITERS.stores,
    invalidates: ['regions.list', 'stores.list', 'stores.detail'],
  }),
  /** Only a region no store and no user's scope refers to. */
  'regions.delete': hqMutation({
    input: z.object({ id: RegionId }),
    output: Ok,
    access: WRITERS.stores,
    invalidates: ['regions.list'],
  }),
} as const;
