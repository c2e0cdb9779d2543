import { defineConfig } from 'drizzle-kit';

/** HQ's database (PostgreSQL dialect; PGlite or a real server): its own schema and migrations, beside the store's. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-hq/db/schema/index.ts',
  out: './drizzle-hq',
  schemaFilter: ['public', 'mirror'],
});
