import type { JobDefinition } from '../../platform/jobs/jobs.service.js';
import { sendDueCampaigns } from './campaigns.service.js';
import { processDeliveries } from './notifications.channels.js';
import { sendDailyDigests } from './notifications.digest.js';
import { processWebhookDeliveries } from './webhooks.sender.js';

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

/** Every minute: POST queued webhook events, signed, retrying failures with backoff. */
export const webhookDeliveriesJob: JobDefinition = {
  name: 'webhook-deliveries',
  label: 'Webhook 推送与重试',
  cron: '* * * * *',
  run: (ctx) => processWebhookDeliveries(ctx),
};

/** 09:00 Asia/Shanghai: key-date campaigns due today, each occasion once. */
export const campaignsJob: JobDefinition = {
  name: 'campaigns',
  label: '关键节点提醒',
  cron: '0 9 * * *',
  run: (ctx) => sendDueCampaigns(ctx),
};

export const notificationJobs = [deliveriesJob, dailyDigestJob, webhookDeliveriesJob, campaignsJob];
