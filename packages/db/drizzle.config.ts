import { defineConfig } from 'drizzle-kit';

// Run from the repository root (`pnpm db:generate`); migrations are committed under db/migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './db/migrations',
  schemaFilter: ['plattform', 'akten', 'dokumente', 'aussonderung', 'protokoll'],
  entities: { roles: true },
  strict: true,
});
