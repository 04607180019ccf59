import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: crash, database-restart and fuzzing tests (issue #7), one file at a time, on the
 * database DATABASE_URL names (PGlite without it). Two files are about one database whichever the run uses: the
 * data-directory lock is PGlite's and the restart test starts its own PostgreSQL cluster. Each runs in the run of
 * its own database only, so CI, which runs the suite once per database, does not run them twice.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    include: ['reliability/**/*.reliability.ts'],
    exclude: [onPostgres ? 'reliability/data-dir-lock.reliability.ts' : 'reliability/pg-restart.reliability.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    env: { TZ: 'Asia/Shanghai' },
  },
});
