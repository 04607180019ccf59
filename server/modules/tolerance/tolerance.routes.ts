import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZToleranceLists,
  ZCreateFiling,
  ZFiling,
  ZFilingDetail,
  ZFilingEvent,
  ZIdParam,
  ZListFilings,
  ZUpdateFiling,
} from '../../../common/tolerance.schema.js';
import { zPageOf } from '../../../common/zod.js';
import { badRequest } from '../../platform/errors.js';
import { readUpload, sendStoredFile } from '../../platform/http/files.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { sendDocument } from '../../platform/http/files.js';
import { filingDocument } from './tolerance.documents.js';
import { filingsExport } from './tolerance.export.js';
import * as service from './tolerance.service.js';

const tags = ['容错免责备案'];
const read = { permission: 'tolerance:read' as const };
const file = { permission: 'tolerance:file' as const };

export async function toleranceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/tolerance-filings',
    { schema: { tags, querystring: ZListFilings, response: { 200: zPageOf(ZFiling) } }, config: read },
    (req) => req.run((ctx) => service.listFilings(ctx, req.query)),
  );
  app.get(
    '/api/tolerance-filings/lists',
    { schema: { tags, response: { 200: ZToleranceLists } }, config: read },
    (req) => req.run((ctx) => service.toleranceListsOf(ctx)),
  );
  // Downloads (the .xlsx ledger, the uploaded minutes, the .docx form) declare no response schema: the body is the file.
  app.get(
    '/api/tolerance-filings/export.xlsx',
    { schema: { tags, querystring: ZListFilings }, config: read },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, filingsExport(ctx, req.query))),
  );
  app.post(
    '/api/tolerance-filings',
    { schema: { tags, body: ZCreateFiling, response: { 201: ZFilingDetail } }, config: file },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createFiling(ctx, req.body))),
  );
  app.get(
    '/api/tolerance-filings/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZFilingDetail } }, config: read },
    (req) => req.run((ctx) => service.getFiling(ctx, req.params.id)),
  );
  app.patch(
    '/api/tolerance-filings/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateFiling, response: { 200: ZFilingDetail } }, config: file },
    (req) => req.run((ctx) => service.updateFiling(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/tolerance-filings/:id/events',
    { schema: { tags, params: ZIdParam, body: ZFilingEvent, response: { 200: ZFilingDetail } }, config: read },
    (req) => req.run((ctx) => service.fireFilingEvent(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/tolerance-filings/:id/minutes-file',
    {
      schema: { tags, params: ZIdParam, consumes: ['multipart/form-data'], response: { 200: ZFilingDetail } },
      config: file,
    },
    async (req) => {
      const upload = await req.file();
      if (!upload) throw badRequest('FILE_REQUIRED', '请选择要上传的会议纪要文件', 'file');
      const stored = await readUpload(upload);
      return req.run((ctx) => service.uploadMinutesFile(ctx, req.params.id, stored));
    },
  );
  app.get(
    '/api/tolerance-filings/:id/minutes-file',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const f = await req.run((ctx) => service.minutesFile(ctx, req.params.id));
      return sendStoredFile(reply, { name: f.name ?? '会议纪要', mime: f.mime ?? '', content: f.content });
    },
  );
  app.get(
    '/api/tolerance-filings/:id/documents/filing.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => sendDocument(reply, await req.run((ctx) => filingDocument(ctx, req.params.id))),
  );
}
