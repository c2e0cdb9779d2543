import { z } from 'zod';
import { IsoTime, Ok } from '../../api/common';
import { hqMutation, hqQuery, WRITERS } from '../contract';
import { StoreId } from './stores';

/** The feed file's name decides which platform's stores read it (electron-updater asks for latest.yml on Windows). */
export const ChannelFile = z
  .string()
  .regex(/^latest(?:-[a-z0-9]+){0,2}\.yml$/, { message: 'hq.releases.v.channelFile' });
const Version = z
  .string()
  .max(60)
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: 'hq.releases.v.version' });
const StageId = z.string().uuid();

export const ReleaseDto = z.object({
  version: z.string(),
  channelFile: z.string(),
  path: z.string(),
  releaseDate: z.string(),
  rollout: z.number().int().min(0).max(100),
  files: z.array(z.object({ name: z.string(), size: z.number().int() })),
  uploadedAt: IsoTime,
  uploadedBy: z.string(),
  /** Stores pinned to this version. */
  pinned: z.number().int(),
  /** Stores (not revoked) offered this version now: pinned to it, or inside its rollout with no newer one including them. */
  reach: z.number().int(),
});
export type ReleaseDto = z.infer<typeof ReleaseDto>;

/** A store as the Releases page shows it: its pin, and what each feed file offers it now. */
export const ReleaseStoreDto = z.object({
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  pin: z.object({ version: z.string(), pinnedAt: IsoTime, pinnedBy: z.string() }).nullable(),
  /** The versions its updater is offered, one per feed file that has a release for it (usually one). */
  offered: z.array(z.string()),
});
export type ReleaseStoreDto = z.infer<typeof ReleaseStoreDto>;

export const StageDto = z.object({
  stageId: StageId,
  version: z.string(),
  /** What to upload next (PUT /upload/releases/<stageId>/<name>): the files latest.yml names. */
  files: z.array(z.object({ name: z.string(), size: z.number().int() })),
});
export type StageDto = z.infer<typeof StageDto>;

export const hqReleaseMethods = {
  'releases.list': hqQuery({
    input: z.object({}).strict(),
    output: z.object({ releases: z.array(ReleaseDto), stores: z.array(ReleaseStoreDto) }),
    // Which store runs which version is the admins' business, as is every write here.
    access: WRITERS.admin,
  }),
  /** Step 1 of an upload: HQ reads latest.yml and says which files to send. */
  'releases.stage': hqMutation({
    input: z.object({
      channelFile: ChannelFile,
      manifest: z
        .string()
        .min(1)
        .max(64 * 1024),
    }),
    output: StageDto,
    access: WRITERS.admin,
  }),
  /** Step 3: every file arrived and matched latest.yml; the release is listed at 0 % (only pinned stores get it). */
  'releases.publish': hqMutation({
    input: z.object({ stageId: StageId }),
    output: ReleaseDto,
    access: WRITERS.admin,
    invalidates: ['releases.list'],
  }),
  'releases.discard': hqMutation({
    input: z.object({ stageId: StageId }),
    output: Ok,
    access: WRITERS.admin,
  }),
  /** A published release no store is pinned to: no store is offered it any more; its files go at the next sweep. */
  'releases.remove': hqMutation({
    input: z.object({ version: Version }),
    output: Ok,
    access: WRITERS.admin,
    invalidates: ['releases.list'],
  }),
  'releases.setRollout': hqMutation({
    input: z.object({ version: Version, rollout: z.number().int().min(0).max(100) }),
    output: Ok,
    access: WRITERS.admin,
    invalidates: ['releases.list'],
  }),
  /** `version` null: the store follows the rollouts again. */
  'releases.pin': hqMutation({
    input: z.object({ storeId: StoreId, version: Version.nullable() }),
    output: Ok,
    access: WRITERS.admin,
    store: 'storeId',
    invalidates: ['releases.list'],
  }),
} as const;
