import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendDocx } from '../../platform/http/files.js';
import { minutesDocument } from './meetings.documents.js';
import { ZCreateMeeting, ZIdParam, ZListMeetings, ZMeetingEvent } from './meetings.schema.js';
import * as service from './meetings.service.js';

const tags = ['联席会议'];
const read = { permission: 'meetings:read' as const };
const manage = { permission: 'meetings:manage' as const };

export async function meetingsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/meetings', { schema: { tags, querystring: ZListMeetings }, config: read }, (req) =>
    req.run((ctx) => service.listMeetings(ctx, req.query.page, req.query.pageSize)),
  );
  app.get('/api/meetings/agenda-candidates', { schema: { tags }, config: manage }, (req) =>
    req.run((ctx) => service.agendaCandidates(ctx)),
  );
  app.post('/api/meetings', { schema: { tags, body: ZCreateMeeting }, config: manage }, async (req, reply) =>
    reply.status(201).send(await req.run((ctx) => service.createMeeting(ctx, req.body))),
  );
  app.get('/api/meetings/:id', { schema: { tags, params: ZIdParam }, config: read }, (req) =>
    req.run((ctx) => service.getMeeting(ctx, req.params.id)),
  );
  app.post(
    '/api/meetings/:id/events',
    { schema: { tags, params: ZIdParam, body: ZMeetingEvent }, config: read },
    (req) => req.run((ctx) => service.fireMeetingEvent(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/meetings/:id/documents/minutes.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => minutesDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );
}
