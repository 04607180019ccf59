import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZChannelConfig,
  ZChannelParam,
  ZDelivery,
  ZListDeliveries,
  ZMyChannel,
  ZSaveChannel,
  ZSetOptOut,
  ZTestChannel,
  ZTestResult,
} from '../../../common/notifications.channels.js';
import {
  ZCreateWebhook,
  ZListWebhookDeliveries,
  ZListWebhooks,
  ZUpdateWebhook,
  ZWebhook,
  ZWebhookDelivery,
  ZWebhookParam,
  ZWebhookPayload,
  ZWebhookWithSecret,
} from '../../../common/webhooks.schema.js';
import { z, zPageOf } from '../../../common/zod.js';
import { deliveriesExport, webhooksExport } from './channels.export.js';
import * as channels from './channels.service.js';
import * as webhooks from './webhooks.service.js';

const configure = { permission: 'channels:write' as const };
const deliveries = { permission: 'deliveries:read' as const };
const hooks = { permission: 'webhooks:manage' as const };
const own = { permission: 'notifications:read' as const };

/** Channel configuration, the delivery log, opt-outs and webhook subscriptions. */
export async function channelsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  let tags = ['消息通道'];
  app.get(
    '/api/admin/channels',
    { schema: { tags, response: { 200: z.array(ZChannelConfig) } }, config: configure },
    (req) => req.run((ctx) => channels.listChannels(ctx)),
  );
  app.put(
    '/api/admin/channels/:channel',
    {
      schema: { tags, params: ZChannelParam, body: ZSaveChannel, response: { 200: ZChannelConfig } },
      config: configure,
    },
    (req) => req.run((ctx) => channels.saveChannel(ctx, req.params.channel, req.body)),
  );
  app.post(
    '/api/admin/channels/:channel/test',
    { schema: { tags, params: ZChannelParam, body: ZTestChannel, response: { 200: ZTestResult } }, config: configure },
    (req) => req.run((ctx) => channels.testChannel(ctx, req.params.channel, req.body.to)),
  );
  app.get(
    '/api/notifications/deliveries',
    {
      schema: {
        tags,
        querystring: ZListDeliveries,
        response: { 200: zPageOf(ZDelivery) },
        description: '外发记录（管理员）：状态、通道、消息类型，不含消息标题与正文。',
      },
      config: deliveries,
    },
    (req) => req.run((ctx) => channels.listDeliveries(ctx, req.query)),
  );
  app.get(
    '/api/notifications/deliveries/export.xlsx',
    { schema: { tags, querystring: ZListDeliveries }, config: deliveries },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, deliveriesExport(ctx, req.query))),
  );
  app.get(
    '/api/notifications/channels',
    { schema: { tags, response: { 200: z.array(ZMyChannel) } }, config: own },
    (req) => req.run((ctx) => channels.myChannels(ctx)),
  );
  app.put(
    '/api/notifications/channels',
    { schema: { tags, body: ZSetOptOut, response: { 200: z.array(ZMyChannel) } }, config: own },
    (req) => req.run((ctx) => channels.setOptOut(ctx, req.body.channel, req.body.optOut)),
  );

  tags = ['Webhook'];
  app.get(
    '/api/webhooks',
    { schema: { tags, querystring: ZListWebhooks, response: { 200: zPageOf(ZWebhook) } }, config: hooks },
    (req) => req.run((ctx) => webhooks.listWebhooks(ctx, req.query)),
  );
  app.get('/api/webhooks/export.xlsx', { schema: { tags, querystring: ZListWebhooks }, config: hooks }, (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, webhooksExport(ctx, req.query))),
  );
  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        body: ZCreateWebhook,
        response: { 201: ZWebhookWithSecret },
        description: '新建订阅；密钥只在此返回一次。推送请求体见 WebhookPayload（callbacks）。',
        callbacks: { event: { '{$request.body#/url}': { post: { requestBody: { content: {} } } } } },
      },
      config: hooks,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => webhooks.createWebhook(ctx, req.body))),
  );
  app.patch(
    '/api/webhooks/:id',
    { schema: { tags, params: ZWebhookParam, body: ZUpdateWebhook, response: { 200: ZWebhook } }, config: hooks },
    (req) => req.run((ctx) => webhooks.updateWebhook(ctx, req.params.id, req.body)),
  );
  app.delete('/api/webhooks/:id', { schema: { tags, params: ZWebhookParam }, config: hooks }, async (req, reply) => {
    await req.run((ctx) => webhooks.deleteWebhook(ctx, req.params.id));
    return reply.status(204).send();
  });
  app.post(
    '/api/webhooks/:id/rotate-secret',
    { schema: { tags, params: ZWebhookParam, response: { 200: ZWebhookWithSecret } }, config: hooks },
    (req) => req.run((ctx) => webhooks.rotateWebhookSecret(ctx, req.params.id)),
  );
  app.post(
    '/api/webhooks/:id/test',
    { schema: { tags, params: ZWebhookParam, response: { 200: ZWebhookDelivery } }, config: hooks },
    (req) => req.run((ctx) => webhooks.testWebhook(ctx, req.params.id)),
  );
  app.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        params: ZWebhookParam,
        querystring: ZListWebhookDeliveries,
        response: { 200: zPageOf(ZWebhookDelivery) },
      },
      config: hooks,
    },
    (req) => req.run((ctx) => webhooks.listWebhookDeliveries(ctx, req.params.id, req.query)),
  );
  // The payload POSTed to subscribers, documented as a schema of the OpenAPI document.
  app.get(
    '/api/webhooks/payload-schema',
    {
      schema: { tags, response: { 200: ZWebhookPayload }, description: 'Webhook 推送请求体的示例（文档用）。' },
      config: hooks,
    },
    (req) =>
      req.run(async (ctx) => ({
        id: '00000000-0000-4000-8000-000000000000',
        event: 'webhook.test' as const,
        occurredAt: ctx.clock.now().toISOString(),
        entity: null,
        data: { message: '测试消息' },
      })),
  );
}
