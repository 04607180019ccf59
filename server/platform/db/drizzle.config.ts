import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './server/platform/db/platform.tables.ts',
    './server/platform/auth/auth.tables.ts',
    './server/modules/*/*.tables.ts',
  ],
  out: './server/db/migrations',
});
