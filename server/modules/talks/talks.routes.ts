import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreateTalk,
  ZDeleteQuery,
  ZIdParam,
  ZListTalks,
  ZTalk,
  ZTalkDetail,
  ZTalkEvent,
  ZUpdateTalk,
} from '../../../common/talks.schema.js';
import { z, zPageOf } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { sendDocx } from '../../platform/http/files.js';
import { talkRecordDocument } from './talks.documents.js';
import { talksExport } from './talks.export.js';
import * as service from './talks.service.js';

const tags = ['谈话'];
const read = { permission: 'talks:read' as const };
const manage = { permission: 'talks:manage' as const };

export async function talksRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/talks',
    { schema: { tags, querystring: ZListTalks, response: { 200: zPageOf(ZTalk) } }, config: read },
    (req) => req.run((ctx) => service.listTalks(ctx, req.query)),
  );
  // Downloads (the ledger .xlsx, the record .docx) declare no response schema: the body is the file.
  app.get('/api/talks/export.xlsx', { schema: { tags, querystring: ZListTalks }, config: read }, async (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, talksExport(ctx, req.query))),
  );
  app.post(
    '/api/talks',
    { schema: { tags, body: ZCreateTalk, response: { 201: ZTalkDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createTalk(ctx, req.body))),
  );
  app.get(
    '/api/talks/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZTalkDetail } }, config: read },
    (req) => req.run((ctx) => service.getTalk(ctx, req.params.id)),
  );
  app.patch(
    '/api/talks/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateTalk, response: { 200: ZTalkDetail } }, config: read },
    (req) => req.run((ctx) => service.updateTalk(ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/talks/:id',
    { schema: { tags, params: ZIdParam, querystring: ZDeleteQuery, response: { 204: z.undefined() } }, config: read },
    async (req, reply) => {
      await req.run((ctx) => service.deleteTalk(ctx, req.params.id, req.query.version));
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/talks/:id/events',
    { schema: { tags, params: ZIdParam, body: ZTalkEvent, response: { 200: ZTalkDetail } }, config: read },
    (req) => req.run((ctx) => service.fireTalkEvent(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/talks/:id/documents/record.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => talkRecordDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );
}
