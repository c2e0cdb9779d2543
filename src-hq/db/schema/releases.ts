import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ms } from './columns';
import { stores } from './stores';

/** One file a release names (installer, blockmap), as its latest.yml declares it and HQ verified it. */
export interface ReleaseFileRow {
  name: string;
  size: number;
  /** base64, as electron-builder writes it. */
  sha512: string;
}

/**
 * App releases HQ serves to the stores (the electron-updater generic feed).
 * The files live in HQ's data directory under releases/<version>/; a row
 * exists only once every file was checked against the manifest.
 */
export const hqReleases = pgTable('hq_releases', {
  version: text('version').primaryKey(),
  /** The feed file electron-updater asks for on the stores' platform: latest.yml (Windows), latest-linux.yml, ... */
  channelFile: text('channel_file').notNull(),
  /** The installer (latest.yml's `path`). */
  path: text('path').notNull(),
  sha512: text('sha512').notNull(),
  releaseDate: text('release_date').notNull(),
  files: jsonb('files').$type<ReleaseFileRow[]>().notNull(),
  /** Per cent of the unpinned stores offered this release (0 = only pinned stores). */
  rollout: integer('rollout').notNull().default(0),
  uploadedAt: ms('uploaded_at').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** A store held at one version whatever the rollouts say (a store that must not move, or a canary). */
export const hqReleasePins = pgTable(
  'hq_release_pins',
  {
    storeId: text('store_id')
      .primaryKey()
      .references(() => stores.id, { onUpdate: 'cascade', onDelete: 'cascade' }),
    version: text('version')
      .notNull()
      .references(() => hqReleases.version),
    pinnedAt: ms('pinned_at').notNull(),
    pinnedBy: text('pinned_by').notNull(),
  },
  (t) => [index('hq_release_pins_version_idx').on(t.version)],
);
