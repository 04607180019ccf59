import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: crash, database-restart and fuzzing tests (issue #7), one file at a time. */
export default defineConfig({
  test: {
    include: ['reliability/**/*.reliability.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    env: { TZ: 'Asia/Shanghai' },
  },
});
