import type { JobDefinition } from '../../platform/jobs/jobs.service.js';
import { processDeliveries } from './notifications.channels.js';
import { sendDailyDigests } from './notifications.digest.js';

/** Every minute: send queued SMS/e-mail copies, retrying failures with backoff. */
export const deliveriesJob: JobDefinition = {
  name: 'notification-deliveries',
  label: '短信/邮件外发与重试',
  cron: '* * * * *',
  run: (ctx) => processDeliveries(ctx),
};

/** 08:00 Asia/Shanghai: one digest per person with today's items, nothing when there is nothing. */
export const dailyDigestJob: JobDefinition = {
  name: 'daily-digest',
  label: '每日待办提醒',
  cron: '0 8 * * *',
  run: (ctx) => sendDailyDigests(ctx),
};

export const notificationJobs = [deliveriesJob, dailyDigestJob];
