import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZIdParam,
  ZListNotifications,
  ZNotification,
  ZNotificationCount,
  ZStreamQuery,
} from '../../../common/notifications.schema.js';
import { CHANGES_TOPIC, LIVE_ENTITIES, type LiveEntity } from '../../../common/live.js';
import { zPageOf } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { unauthenticated } from '../../platform/errors.js';
import { closeLiveHub, liveHub } from '../../platform/notify/live.js';
import { campaignsRoutes } from './campaigns.routes.js';
import { channelsRoutes } from './channels.routes.js';
import { setChannelLogger } from './notifications.channels.js';
import { notificationsExport } from './notifications.export.js';
import * as service from './notifications.service.js';

const tags = ['消息提醒'];
/** Comment lines keep proxies from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;

/** Every route serves the caller's own inbox: any signed-in user, nobody else's messages. */
export async function notificationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  setChannelLogger(fastify.log);
  await channelsRoutes(fastify);
  await campaignsRoutes(fastify);

  app.get(
    '/api/notifications',
    { schema: { tags, querystring: ZListNotifications, response: { 200: zPageOf(ZNotification) } } },
    (req) => req.run((ctx) => service.listNotifications(ctx, req.query)),
  );
  app.get('/api/notifications/export.xlsx', { schema: { tags, querystring: ZListNotifications } }, (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, notificationsExport(ctx, req.query))),
  );
  app.get('/api/notifications/unread-count', { schema: { tags, response: { 200: ZNotificationCount } } }, (req) =>
    req.run((ctx) => service.countUnread(ctx)),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, params: ZIdParam, response: { 200: ZNotification } } },
    (req) => req.run((ctx) => service.markNotificationRead(ctx, req.params.id)),
  );
  app.post('/api/notifications/read-all', { schema: { tags, response: { 200: ZNotificationCount } } }, (req) =>
    req.run((ctx) => service.markAllNotificationsRead(ctx)),
  );

  // Open streams end before the server closes, or `app.close()` would wait for the clients.
  const open = new Set<() => void>();
  fastify.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });
  fastify.addHook('onClose', async () => {
    await closeLiveHub(fastify.database);
  });

  /**
   * Server-Sent Events: `: connected` at once, `event: unread` (`{ count }`, read after subscribing, so the bell
   * needs no separate unread-count call and misses nothing sent while the stream opened), then
   * `event: notification` (a new message, JSON),
   * `event: read` (messages marked read elsewhere) for the caller, `event: changed` (`{ entity }`: records
   * of a kind the caller may read changed; common/live.ts) and `: heartbeat` every 25 s.
   * The stream ends when the client goes, the session ends or times out, or the server stops.
   * `?once=1` ends it right after `: connected` (for tests and health checks through inject).
   * No response schema: the body is an event stream, not JSON.
   */
  app.get(
    '/api/notifications/stream',
    {
      // Events must reach the browser as they are written, not when a compressor's buffer fills.
      compress: false,
      schema: {
        tags,
        querystring: ZStreamQuery,
        description: '消息实时推送（Server-Sent Events）。once=1 时仅返回连接确认后结束。',
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor) throw unauthenticated();
      const stream = new PassThrough();
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no');
      stream.write('retry: 5000\n: connected\n\n');
      if (req.query.once === '1') {
        stream.end();
        return reply.send(stream);
      }

      let closed = false;
      let unsubscribe = () => {};
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        stream.end();
      };
      const heartbeat = setInterval(() => {
        void service
          .sessionStillValid(fastify.database.db, actor, fastify.clock.now())
          .then((valid) => (valid ? stream.write(': heartbeat\n\n') : close()))
          .catch(() => close());
      }, HEARTBEAT_MS);
      open.add(close);
      reply.raw.on('close', close);
      const hub = liveHub(fastify.database);
      const offInbox = await hub.subscribe(service.inboxTopic(actor.userId), (payload) => {
        if (closed) return;
        const { event, data } = payload as { event: string; data: unknown };
        stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const offChanges = await hub.subscribe(CHANGES_TOPIC, (payload) => {
        const entity = (payload as { entity?: string }).entity as LiveEntity;
        if (closed || !actor.permissions.has(LIVE_ENTITIES[entity])) return;
        stream.write(`event: changed\ndata: ${JSON.stringify({ entity })}\n\n`);
      });
      unsubscribe = () => {
        offInbox();
        offChanges();
      };
      if (closed) unsubscribe();
      else {
        // Counted after subscribing: a message sent from here on is also pushed, so the count is never stale.
        const unread = await req
          .run((ctx) => service.countUnread(ctx))
          .catch((err: unknown) => {
            req.log.warn({ err }, 'unread count for the stream failed');
            return null;
          });
        if (unread && !closed) stream.write(`event: unread\ndata: ${JSON.stringify(unread)}\n\n`);
      }
      return reply.send(stream);
    },
  );
}
