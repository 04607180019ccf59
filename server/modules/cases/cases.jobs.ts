import type { JobDefinition } from '../../platform/jobs/jobs.service.js';
import { endDueInfluencePeriods } from './cases.influence.js';

/** 影响期届满解除: daily at 01:10, with notice to 组织部. */
export const influencePeriodsJob: JobDefinition = {
  name: 'influence-periods',
  label: '影响期届满解除',
  cron: '10 1 * * *',
  run: (ctx) => ctx.db.transaction((tx) => endDueInfluencePeriods({ ...ctx, db: tx })),
};
