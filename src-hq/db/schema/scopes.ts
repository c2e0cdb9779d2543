import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { HQ_SCOPE_KINDS } from '../../../src-shared/hq-api/scope';
import { ms } from './columns';
import { hqUsers } from './hq';
import { regions } from './regions';
import { stores } from './stores';

/**
 * Which stores an HQ user may see and act on. No row: the whole chain (every
 * user before scopes existed kept what they had). The lists are rows with
 * foreign keys rather than arrays so a store's id, which changes when HQ
 * adopts the store's own at enrollment, follows by cascade, and a region in
 * someone's scope cannot be deleted from under them.
 */
export const hqUserScopes = pgTable('hq_user_scopes', {
  userId: text('user_id')
    .primaryKey()
    .references(() => hqUsers.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: HQ_SCOPE_KINDS }).notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const hqUserScopeRegions = pgTable(
  'hq_user_scope_regions',
  {
    userId: text('user_id')
      .notNull()
      .references(() => hqUserScopes.userId, { onDelete: 'cascade' }),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.regionId] })],
);

export const hqUserScopeStores = pgTable(
  'hq_user_scope_stores',
  {
    userId: text('user_id')
      .notNull()
      .references(() => hqUserScopes.userId, { onDelete: 'cascade' }),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id, { onUpdate: 'cascade', onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] })],
);
