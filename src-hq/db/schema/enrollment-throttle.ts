import { bigserial, index, pgTable, text } from 'drizzle-orm/pg-core';
import { ms } from './columns';

/**
 * Wrong enrollment codes, one row each, by the address that sent them: the
 * throttle counts them in its window (src-hq/services/stores/enrollment-throttle.ts).
 * In the database, so every HQ process counts the same attempts.
 */
export const enrollmentFailures = pgTable(
  'enrollment_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ms('at').notNull(),
    source: text('source').notNull(),
  },
  (t) => [index('enrollment_failures_at_idx').on(t.at), index('enrollment_failures_source_idx').on(t.source, t.at)],
);
