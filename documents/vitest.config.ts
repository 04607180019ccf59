import { defineConfig } from 'vitest/config';

/**
 * `npm run test:documents`: every document kind rendered, converted to PDF by LibreOffice and measured against
 * GB/T 9704-2012 (needs `soffice`, `pdftotext` and `pdftoppm`; .ci/run installs them).
 */
export default defineConfig({
  test: {
    include: ['documents/**/*.documents.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    env: { TZ: 'Asia/Shanghai' },
  },
});
