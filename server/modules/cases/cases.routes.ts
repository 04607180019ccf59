import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZId, ZPage, z } from '../../../common/zod.js';
import { badRequest } from '../../platform/errors.js';
import { sendDocx } from '../../platform/http/files.js';
import { decisionDocument } from './cases.documents.js';
import {
  ZCaseEvent,
  ZCreateCase,
  ZFileParam,
  ZIdParam,
  ZListCases,
  ZListEvaluations,
  ZSample,
  ZScoreEvaluation,
} from './cases.schema.js';
import * as service from './cases.service.js';

const tags = ['问责案件'];
const read = { permission: 'cases:read' as const };
const manage = { permission: 'cases:manage' as const };
const influence = { permission: 'influence:read' as const };
/** A case file is confidential (SPEC 1): whoever is not on it gets 404, whatever their role. */
const onTheCase = {};

export async function casesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/cases', { schema: { tags, querystring: ZListCases }, config: read }, (req) =>
    req.run((ctx) => service.listCases(ctx, req.query)),
  );
  app.post('/api/cases', { schema: { tags, body: ZCreateCase }, config: manage }, async (req, reply) =>
    reply.status(201).send(await req.run((ctx) => service.createCase(ctx, req.body))),
  );
  app.get('/api/cases/figures', { schema: { tags }, config: manage }, (req) =>
    req.run((ctx) => service.caseFigures(ctx)),
  );
  app.get('/api/cases/:id', { schema: { tags, params: ZIdParam }, config: onTheCase }, (req) =>
    req.run((ctx) => service.getCase(ctx, req.params.id)),
  );
  app.post(
    '/api/cases/:id/events',
    { schema: { tags, params: ZIdParam, body: ZCaseEvent }, config: onTheCase },
    (req) => req.run((ctx) => service.fireCaseEvent(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/cases/:id/consistency',
    {
      schema: {
        tags,
        params: ZIdParam,
        body: z.object({ subjectId: ZId, forms: ZCaseEvent.shape.forms.unwrap() }),
      },
      config: onTheCase,
    },
    (req) =>
      req.run((ctx) => service.consistencyPreview(ctx, req.params.id, req.body.subjectId, req.body.forms as never)),
  );
  app.post(
    '/api/cases/:id/files',
    { schema: { tags, params: ZIdParam, consumes: ['multipart/form-data'] }, config: onTheCase },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的文件', 'file');
      const content = await file.toBuffer();
      const fact = (file.fields.fact as { value?: string } | undefined)?.value ?? '';
      const saved = await req.run((ctx) =>
        service.uploadCaseFile(ctx, req.params.id, fact, { name: file.filename, mime: file.mimetype, content }),
      );
      return reply.status(201).send(saved);
    },
  );
  app.get(
    '/api/cases/:id/files/:fileId',
    { schema: { tags, params: ZFileParam }, config: onTheCase },
    async (req, reply) => {
      const file = await req.run((ctx) => service.getCaseFile(ctx, req.params.id, req.params.fileId));
      return reply
        .header('content-type', file.mime || 'application/octet-stream')
        .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.content);
    },
  );
  app.get(
    '/api/cases/:id/documents/decision.docx',
    { schema: { tags, params: ZIdParam }, config: onTheCase },
    async (req, reply) => {
      const doc = await req.run((ctx) => decisionDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );

  app.get('/api/influence-periods', { schema: { tags, querystring: z.object(ZPage) }, config: influence }, (req) =>
    req.run((ctx) => service.currentInfluencePeriods(ctx, req.query.page, req.query.pageSize)),
  );
  app.get('/api/people/:id/influence-periods', { schema: { tags, params: ZIdParam }, config: influence }, (req) =>
    req.run((ctx) => service.personInfluencePeriods(ctx, req.params.id)),
  );

  app.get('/api/case-evaluations', { schema: { tags, querystring: ZListEvaluations }, config: manage }, (req) =>
    req.run((ctx) => service.listEvaluations(ctx, req.query.period, req.query.page, req.query.pageSize)),
  );
  app.post('/api/case-evaluations/sample', { schema: { tags, body: ZSample }, config: manage }, async (req, reply) =>
    reply.status(201).send(await req.run((ctx) => service.sampleEvaluations(ctx, req.body.period, req.body.size))),
  );
  app.post(
    '/api/case-evaluations/:id/score',
    { schema: { tags, params: ZIdParam, body: ZScoreEvaluation }, config: manage },
    (req) => req.run((ctx) => service.scoreEvaluation(ctx, req.params.id, req.body)),
  );
}
