import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAgendaCandidates,
  ZCreateMeeting,
  ZIdParam,
  ZListMeetings,
  ZMeeting,
  ZMeetingDetail,
  ZMeetingEvent,
} from '../../../common/meetings.schema.js';
import { zPageOf } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { sendDocx } from '../../platform/http/files.js';
import { minutesDocument } from './meetings.documents.js';
import { meetingsExport } from './meetings.export.js';
import * as service from './meetings.service.js';

const tags = ['联席会议'];
const read = { permission: 'meetings:read' as const };
const manage = { permission: 'meetings:manage' as const };

export async function meetingsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/meetings',
    { schema: { tags, querystring: ZListMeetings, response: { 200: zPageOf(ZMeeting) } }, config: read },
    (req) => req.run((ctx) => service.listMeetings(ctx, req.query)),
  );
  // The ledger .xlsx declares no response schema: the body is the file.
  app.get(
    '/api/meetings/export.xlsx',
    { schema: { tags, querystring: ZListMeetings }, config: read },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, meetingsExport(ctx, req.query))),
  );
  app.get(
    '/api/meetings/agenda-candidates',
    { schema: { tags, response: { 200: ZAgendaCandidates } }, config: manage },
    (req) => req.run((ctx) => service.agendaCandidates(ctx)),
  );
  app.post(
    '/api/meetings',
    { schema: { tags, body: ZCreateMeeting, response: { 201: ZMeetingDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createMeeting(ctx, req.body))),
  );
  app.get(
    '/api/meetings/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZMeetingDetail } }, config: read },
    (req) => req.run((ctx) => service.getMeeting(ctx, req.params.id)),
  );
  app.post(
    '/api/meetings/:id/events',
    { schema: { tags, params: ZIdParam, body: ZMeetingEvent, response: { 200: ZMeetingDetail } }, config: read },
    (req) => req.run((ctx) => service.fireMeetingEvent(ctx, req.params.id, req.body)),
  );
  // The minutes download declares no response schema: the body is the .docx file.
  app.get(
    '/api/meetings/:id/documents/minutes.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => minutesDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );
}
