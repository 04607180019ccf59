import { ZCaseOfficers } from '../../../common/cases.officers.schema.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZId, z } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { badRequest } from '../../platform/errors.js';
import { readUpload, sendDocx, sendStoredFile } from '../../platform/http/files.js';
import { decisionDocument } from './cases.documents.js';
import { casesExport, evaluationsExport, influencePeriodsExport } from './cases.export.js';
import {
  ZCaseDetail,
  ZCaseEvent,
  ZCaseFigures,
  ZCasePage,
  ZConsistency,
  ZCreateCase,
  ZCurrentInfluencePeriodPage,
  ZEvaluation,
  ZEvaluationPage,
  ZPersonInfluencePeriods,
  ZSampled,
  ZUploadedCaseFile,
  ZFileParam,
  ZIdParam,
  ZListCases,
  ZListEvaluations,
  ZListInfluencePeriods,
  ZSample,
  ZScoreEvaluation,
} from '../../../common/cases.schema.js';
import { ZCaseClockRules } from '../../../common/cases.clocks.schema.js';
import { caseClockRules } from './cases.clocks.js';
import * as service from './cases.service.js';

const tags = ['问责案件'];
const read = { permission: 'cases:read' as const };
const manage = { permission: 'cases:manage' as const };
const influence = { permission: 'influence:read' as const };
/** A case file is confidential (SPEC 1): whoever is not on it gets 404, whatever their role. */
const onTheCase = {};

export async function casesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/cases',
    { schema: { tags, querystring: ZListCases, response: { 200: ZCasePage } }, config: read },
    (req) => req.run((ctx) => service.listCases(ctx, req.query)),
  );
  // Ledger downloads (.xlsx) declare no response schema: the body is the file. They read through
  // the lists' own service calls, so a case officer's ledger holds only the cases they are on.
  app.get('/api/cases/export.xlsx', { schema: { tags, querystring: ZListCases }, config: read }, async (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, casesExport(ctx, req.query))),
  );
  app.post(
    '/api/cases',
    { schema: { tags, body: ZCreateCase, response: { 201: ZCaseDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createCase(ctx, req.body))),
  );
  app.get('/api/cases/officers', { schema: { tags, response: { 200: ZCaseOfficers } }, config: manage }, (req) =>
    req.run((ctx) => service.caseOfficers(ctx)),
  );
  app.get('/api/cases/rules/clocks', { schema: { tags, response: { 200: ZCaseClockRules } }, config: read }, (req) =>
    req.run((ctx) => caseClockRules(ctx)),
  );
  app.get('/api/cases/figures', { schema: { tags, response: { 200: ZCaseFigures } }, config: manage }, (req) =>
    req.run((ctx) => service.caseFigures(ctx)),
  );
  app.get(
    '/api/cases/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZCaseDetail } }, config: onTheCase },
    (req) => req.run((ctx) => service.getCase(ctx, req.params.id)),
  );
  app.post(
    '/api/cases/:id/events',
    { schema: { tags, params: ZIdParam, body: ZCaseEvent, response: { 200: ZCaseDetail } }, config: onTheCase },
    (req) => req.run((ctx) => service.fireCaseEvent(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/cases/:id/consistency',
    {
      schema: {
        tags,
        params: ZIdParam,
        body: z.object({ subjectId: ZId, forms: ZCaseEvent.shape.forms.unwrap() }),
        response: { 200: ZConsistency },
      },
      config: onTheCase,
    },
    (req) =>
      req.run((ctx) => service.consistencyPreview(ctx, req.params.id, req.body.subjectId, req.body.forms as never)),
  );
  app.post(
    '/api/cases/:id/files',
    {
      schema: { tags, params: ZIdParam, consumes: ['multipart/form-data'], response: { 201: ZUploadedCaseFile } },
      config: onTheCase,
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的文件', 'file');
      const stored = await readUpload(file);
      const fact = (file.fields.fact as { value?: string } | undefined)?.value ?? '';
      const saved = await req.run((ctx) => service.uploadCaseFile(ctx, req.params.id, fact, stored));
      return reply.status(201).send(saved);
    },
  );
  // Downloads (evidence files, .docx) answer a binary body: no JSON schema to declare.
  app.get(
    '/api/cases/:id/files/:fileId',
    { schema: { tags, params: ZFileParam }, config: onTheCase },
    async (req, reply) => {
      const file = await req.run((ctx) => service.getCaseFile(ctx, req.params.id, req.params.fileId));
      return sendStoredFile(reply, file);
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

  app.get(
    '/api/influence-periods',
    {
      schema: { tags, querystring: ZListInfluencePeriods, response: { 200: ZCurrentInfluencePeriodPage } },
      config: influence,
    },
    (req) => req.run((ctx) => service.currentInfluencePeriods(ctx, req.query)),
  );
  app.get(
    '/api/influence-periods/export.xlsx',
    { schema: { tags, querystring: ZListInfluencePeriods }, config: influence },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, influencePeriodsExport(ctx, req.query))),
  );
  app.get(
    '/api/people/:id/influence-periods',
    { schema: { tags, params: ZIdParam, response: { 200: ZPersonInfluencePeriods } }, config: influence },
    (req) => req.run((ctx) => service.personInfluencePeriods(ctx, req.params.id)),
  );

  app.get(
    '/api/case-evaluations',
    { schema: { tags, querystring: ZListEvaluations, response: { 200: ZEvaluationPage } }, config: manage },
    (req) => req.run((ctx) => service.listEvaluations(ctx, req.query)),
  );
  app.get(
    '/api/case-evaluations/export.xlsx',
    { schema: { tags, querystring: ZListEvaluations }, config: manage },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, evaluationsExport(ctx, req.query))),
  );
  app.post(
    '/api/case-evaluations/sample',
    { schema: { tags, body: ZSample, response: { 201: ZSampled } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.sampleEvaluations(ctx, req.body))),
  );
  app.post(
    '/api/case-evaluations/:id/score',
    { schema: { tags, params: ZIdParam, body: ZScoreEvaluation, response: { 200: ZEvaluation } }, config: manage },
    (req) => req.run((ctx) => service.scoreEvaluation(ctx, req.params.id, req.body)),
  );
}
