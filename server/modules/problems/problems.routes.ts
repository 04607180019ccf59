import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZId, z } from '../../../common/zod.js';
import { badRequest } from '../../platform/errors.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { readUpload, sendDocx, sendStoredFile, sendXlsx } from '../../platform/http/files.js';
import { sendWithProgress, wantsProgress } from '../../platform/http/progress.js';
import { createCommonGroup, getCommonGroup, listCommonGroups } from './problems.common-groups.js';
import { circularDraft, issueCircular, issuedCircularDocument } from './problems.circulars.js';
import { problemDocument } from './problems.documents.js';
import { readEscalationSettings, updateEscalationSettings } from './problems.escalation.js';
import * as repo from './problems.repository.js';
import {
  ZCommonGroupDetail,
  ZCommonGroupPage,
  ZListCommonGroups,
  ZCreateCommonGroup,
  ZCreateProblem,
  ZDocumentParam,
  ZEscalationSettingsUpdate,
  ZIdParam,
  ZImportResult,
  ZIssueCircular,
  ZIssuedCircular,
  ZListProblems,
  ZProblemPage,
  ZProblemDetail,
  ZProblemEvent,
  ZProblemStats,
  ZUpdateProblem,
  ZUploadedFile,
} from '../../../common/problems.schema.js';
import {
  createProblem,
  getProblem,
  listProblems,
  loadProblem,
  problemStats,
  updateProblem,
} from './problems.service.js';
import { fireEvent, uploadEvidence } from './problems.workflow.js';
import { type ImportProgress, importProblems, importTemplate, readImportFile } from './problems.import.js';
import { commonGroupsExport, ledgerExport } from './problems.export.js';

const tags = ['问题清单与整改台账'];
const read = { permission: 'problems:read' as const };
const manage = { permission: 'problems:manage' as const };

export async function problemsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/problems',
    { schema: { tags, querystring: ZListProblems, response: { 200: ZProblemPage } }, config: read },
    (req) => req.run((ctx) => listProblems(ctx, req.query)),
  );
  app.get(
    '/api/problems/stats',
    { schema: { tags, querystring: ZListProblems, response: { 200: ZProblemStats } }, config: read },
    (req) => req.run(async (ctx) => ({ items: await problemStats(ctx, req.query) })),
  );
  app.post(
    '/api/problems',
    { schema: { tags, body: ZCreateProblem, response: { 201: ZProblemDetail } }, config: manage },
    async (req, reply) => {
      const created = await req.run(async (ctx) => {
        const p = await createProblem(ctx, req.body);
        if (!req.body.dispatch) return getProblem(ctx, p.id);
        return fireEvent(ctx, p.id, { type: 'dispatch', version: p.version, comment: '', fileIds: [] });
      });
      return reply.status(201).send(created);
    },
  );
  // Downloads (.xlsx, .docx, evidence files) answer a binary body: no JSON schema to declare.
  app.get(
    '/api/problems/export.xlsx',
    { schema: { tags, querystring: ZListProblems }, config: read },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, ledgerExport(ctx, req.query))),
  );
  app.get('/api/problems/import-template.xlsx', { schema: { tags }, config: manage }, async (_req, reply) =>
    sendXlsx(reply, '问题清单导入模板.xlsx', await importTemplate()),
  );
  app.post(
    '/api/problems/import',
    // With `Accept: application/x-ndjson` the answer is a progress stream (sent as is, not serialized).
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZImportResult } },
      config: manage,
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('IMPORT_NO_FILE', '请选择要导入的 Excel 文件', 'file');
      const buffer = await file.toBuffer();
      // The file is parsed before the transaction opens: no connection is held while reading it.
      const run = async (progress?: ImportProgress) => {
        const sheet = await readImportFile(buffer, progress);
        return req.run((ctx) => importProblems(ctx, sheet, progress));
      };
      return wantsProgress(req) ? sendWithProgress(req, reply, run) : run();
    },
  );
  app.get(
    '/api/problems/documents/circular.docx',
    { schema: { tags, querystring: ZListProblems.extend({ ids: z.string().max(20000).optional() }) }, config: manage },
    async (req, reply) => {
      const ids = req.query.ids?.split(',').filter(Boolean);
      const doc = await req.run((ctx) => circularDraft(ctx, { ...req.query, ids }));
      // A selection cut at 500 problems is said in the document and here (URI-encoded Chinese).
      if (doc.warning) reply.header('x-warning', encodeURIComponent(doc.warning));
      return sendDocx(reply, doc.name, doc.body);
    },
  );
  app.post(
    '/api/problems/circulars',
    { schema: { tags, body: ZIssueCircular, response: { 200: ZIssuedCircular } }, config: manage },
    (req) => req.run((ctx) => issueCircular(ctx, req.body)),
  );
  app.get(
    '/api/problems/circulars/:id/circular.docx',
    { schema: { tags, params: ZIdParam }, config: manage },
    async (req, reply) => {
      const doc = await req.run((ctx) => issuedCircularDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );
  app.get(
    '/api/problems/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZProblemDetail } }, config: read },
    (req) => req.run((ctx) => getProblem(ctx, req.params.id)),
  );
  app.patch(
    '/api/problems/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateProblem, response: { 200: ZProblemDetail } }, config: manage },
    (req) => req.run((ctx) => updateProblem(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/problems/:id/events',
    { schema: { tags, params: ZIdParam, body: ZProblemEvent, response: { 200: ZProblemDetail } }, config: read },
    (req) => req.run((ctx) => fireEvent(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/problems/:id/files',
    {
      schema: { tags, params: ZIdParam, consumes: ['multipart/form-data'], response: { 201: ZUploadedFile } },
      config: read,
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的文件', 'file');
      const stored = await readUpload(file);
      const saved = await req.run((ctx) => uploadEvidence(ctx, req.params.id, stored));
      return reply.status(201).send(saved);
    },
  );
  app.get(
    '/api/problems/:id/files/:fileId',
    { schema: { tags, params: ZIdParam.extend({ fileId: ZId }) }, config: read },
    async (req, reply) => {
      const file = await req.run(async (ctx) => {
        await loadProblem(ctx, req.params.id);
        return repo.getFile(ctx.db, req.params.id, req.params.fileId);
      });
      if (!file) throw badRequest('FILE_NOT_FOUND', '文件不存在', 'fileId');
      return sendStoredFile(reply, file);
    },
  );
  app.get(
    '/api/problems/:id/documents/:kind.docx',
    { schema: { tags, params: ZDocumentParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => problemDocument(ctx, req.params.id, req.params.kind));
      return sendDocx(reply, doc.name, doc.body);
    },
  );

  app.get(
    '/api/problem-groups',
    { schema: { tags, querystring: ZListCommonGroups, response: { 200: ZCommonGroupPage } }, config: read },
    (req) => req.run((ctx) => listCommonGroups(ctx, req.query)),
  );
  app.get(
    '/api/problem-groups/export.xlsx',
    { schema: { tags, querystring: ZListCommonGroups }, config: read },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, commonGroupsExport(ctx, req.query))),
  );
  app.post(
    '/api/problem-groups',
    { schema: { tags, body: ZCreateCommonGroup, response: { 201: ZCommonGroupDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createCommonGroup(ctx, req.body))),
  );
  app.get(
    '/api/problem-groups/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZCommonGroupDetail } }, config: read },
    (req) => req.run((ctx) => getCommonGroup(ctx, req.params.id)),
  );

  app.get(
    '/api/settings/escalation',
    { schema: { tags, response: { 200: ZEscalationSettingsUpdate } }, config: manage },
    (req) => req.run((ctx) => readEscalationSettings(ctx)),
  );
  app.patch(
    '/api/settings/escalation',
    { schema: { tags, body: ZEscalationSettingsUpdate, response: { 200: ZEscalationSettingsUpdate } }, config: manage },
    (req) => req.run((ctx) => updateEscalationSettings(ctx, req.body)),
  );
}
