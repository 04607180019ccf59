import type { JobDefinition } from '../../platform/jobs/jobs.service.js';
import { runWarningScan } from './warnings.service.js';

/** 模拟问责扫描: every active situation over all open problems, daily at 06:30. */
export const warningScanJob: JobDefinition = {
  name: 'warning-scan',
  label: '模拟问责扫描',
  cron: '30 6 * * *',
  run: (ctx) => ctx.db.transaction((tx) => runWarningScan({ ...ctx, db: tx })),
};
