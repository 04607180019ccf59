import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreateDispatch,
  ZCreateReport,
  ZCreateResponsibilityItem,
  ZDeleteQuery,
  ZDispatch,
  ZDispatchDetail,
  ZDispatchEvent,
  ZFigures,
  ZFileParam,
  ZFulfilmentInput,
  ZGenerateQuarter,
  ZGenerateResult,
  ZIdParam,
  ZImportResult,
  ZItemParam,
  ZListDispatches,
  ZListReports,
  ZListResponsibilityItems,
  ZReport,
  ZReportDetail,
  ZReportEvent,
  ZResponsibilityItem,
  ZUpdateResponsibilityItem,
  ZSourceSummary,
  ZYearEnd,
  ZYearQuery,
} from '../../../common/responsibility.schema.js';
import { SOURCE_TYPES } from '../../../common/responsibility.js';
import { ZId, keysOf, z, zPageOf } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { badRequest } from '../../platform/errors.js';
import { readUpload, sendDocx, sendStoredFile } from '../../platform/http/files.js';
import { dispatchDocument, reportDocument } from './responsibility.documents.js';
import { catalogueExport, dispatchesExport, reportsExport } from './responsibility.export.js';
import { importCatalogue, readCatalogueFile } from './responsibility.import.js';
import { commitmentRoutes } from './responsibility.commitments.routes.js';
import * as service from './responsibility.service.js';
import { yearEndExport } from './responsibility.year-end.js';

const tags = ['明责'];
const read = { permission: 'responsibility:read' as const };
const manage = { permission: 'responsibility:manage' as const };
const ZSourceQuery = z.object({ sourceType: z.enum(keysOf(SOURCE_TYPES)), sourceId: ZId });

export async function responsibilityRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // ---- 签字承诺 (responsibility.commitments.routes.ts)
  await commitmentRoutes(fastify);
  // ---- catalogue
  app.get(
    '/api/responsibility-items',
    {
      schema: { tags, querystring: ZListResponsibilityItems, response: { 200: zPageOf(ZResponsibilityItem) } },
      config: read,
    },
    (req) => req.run((ctx) => service.listCatalogue(ctx, req.query)),
  );
  app.get(
    '/api/responsibility-items/export.xlsx',
    { schema: { tags, querystring: ZListResponsibilityItems }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, catalogueExport(ctx, req.query))),
  );
  app.post(
    '/api/responsibility-items/import',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZImportResult } }, config: manage },
    async (req) => {
      const file = await req.file();
      if (!file) throw badRequest('IMPORT_NO_FILE', '请选择要导入的 Excel 文件', 'file');
      const sheet = await readCatalogueFile(await file.toBuffer());
      return req.run((ctx) => importCatalogue(ctx, sheet));
    },
  );
  app.post(
    '/api/responsibility-items',
    { schema: { tags, body: ZCreateResponsibilityItem, response: { 201: ZResponsibilityItem } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createCatalogueItem(ctx, req.body))),
  );
  app.get(
    '/api/responsibility-items/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZResponsibilityItem } }, config: read },
    (req) => req.run((ctx) => service.getCatalogueItem(ctx, req.params.id)),
  );
  app.patch(
    '/api/responsibility-items/:id',
    {
      schema: { tags, params: ZIdParam, body: ZUpdateResponsibilityItem, response: { 200: ZResponsibilityItem } },
      config: manage,
    },
    (req) => req.run((ctx) => service.updateCatalogueItem(ctx, req.params.id, req.body)),
  );
  // ---- dispatches
  app.get(
    '/api/dispatches',
    { schema: { tags, querystring: ZListDispatches, response: { 200: zPageOf(ZDispatch) } }, config: read },
    (req) => req.run((ctx) => service.listDispatches(ctx, req.query)),
  );
  app.get(
    '/api/dispatches/export.xlsx',
    { schema: { tags, querystring: ZListDispatches }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, dispatchesExport(ctx, req.query))),
  );
  app.get(
    '/api/dispatches/source',
    { schema: { tags, querystring: ZSourceQuery, response: { 200: ZSourceSummary } }, config: manage },
    (req) => req.run((ctx) => service.readSource(ctx, req.query.sourceType, req.query.sourceId)),
  );
  app.post(
    '/api/dispatches',
    { schema: { tags, body: ZCreateDispatch, response: { 201: ZDispatchDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createDispatch(ctx, req.body))),
  );
  app.post(
    '/api/dispatches/generate',
    { schema: { tags, body: ZGenerateQuarter, response: { 200: ZGenerateResult } }, config: manage },
    (req) => req.run((ctx) => service.generateQuarter(ctx, req.body)),
  );
  app.get(
    '/api/dispatches/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZDispatchDetail } }, config: read },
    (req) => req.run((ctx) => service.getDispatch(ctx, req.params.id)),
  );
  // The dispatch sheet: a .docx body, no JSON schema to declare.
  app.get(
    '/api/dispatches/:id/documents/dispatch.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => dispatchDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );
  app.delete(
    '/api/dispatches/:id',
    { schema: { tags, params: ZIdParam, querystring: ZDeleteQuery, response: { 204: z.undefined() } }, config: read },
    async (req, reply) => {
      await req.run((ctx) => service.deleteDispatch(ctx, req.params.id, req.query.version));
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/dispatches/:id/events',
    { schema: { tags, params: ZIdParam, body: ZDispatchEvent, response: { 200: ZDispatchDetail } }, config: read },
    (req) => req.run((ctx) => service.fireDispatchEvent(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/dispatches/:id/items/:itemId/fulfilment',
    { schema: { tags, params: ZItemParam, body: ZFulfilmentInput, response: { 201: ZDispatchDetail } }, config: read },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => service.recordFulfilment(ctx, req.params.id, req.params.itemId, req.body))),
  );
  app.post(
    '/api/dispatches/:id/fulfilments/:fileId/files',
    {
      schema: {
        tags,
        params: ZFileParam,
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.string(), name: z.string(), size: z.number() }) },
      },
      config: read,
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的文件', 'file');
      const stored = await readUpload(file);
      const saved = await req.run((ctx) => service.uploadFulfilmentFile(ctx, req.params.id, req.params.fileId, stored));
      return reply.status(201).send(saved);
    },
  );
  app.get(
    '/api/dispatches/:id/files/:fileId',
    { schema: { tags, params: ZFileParam }, config: read },
    async (req, reply) => {
      const file = await req.run((ctx) => service.getFulfilmentFile(ctx, req.params.id, req.params.fileId));
      return sendStoredFile(reply, file);
    },
  );
  // ---- quarterly reports
  app.get(
    '/api/responsibility-reports',
    { schema: { tags, querystring: ZListReports, response: { 200: zPageOf(ZReport) } }, config: read },
    (req) => req.run((ctx) => service.listReports(ctx, req.query)),
  );
  app.get(
    '/api/responsibility-reports/export.xlsx',
    { schema: { tags, querystring: ZListReports }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, reportsExport(ctx, req.query))),
  );
  app.post(
    '/api/responsibility-reports',
    { schema: { tags, body: ZCreateReport, response: { 201: ZReportDetail } }, config: read },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createReport(ctx, req.body))),
  );
  app.get(
    '/api/responsibility-reports/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZReportDetail } }, config: read },
    (req) => req.run((ctx) => service.getReport(ctx, req.params.id)),
  );
  app.get(
    '/api/responsibility-reports/:id/documents/report.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => reportDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );
  app.post(
    '/api/responsibility-reports/:id/events',
    { schema: { tags, params: ZIdParam, body: ZReportEvent, response: { 200: ZReportDetail } }, config: read },
    (req) => req.run((ctx) => service.fireReportEvent(ctx, req.params.id, req.body)),
  );
  // ---- figures
  app.get(
    '/api/responsibility/figures',
    { schema: { tags, querystring: ZYearQuery, response: { 200: ZFigures } }, config: read },
    (req) => req.run((ctx) => service.responsibilityFigures(ctx, req.query.year)),
  );
  app.get(
    '/api/responsibility/year-end',
    { schema: { tags, querystring: ZYearQuery, response: { 200: ZYearEnd } }, config: read },
    (req) => req.run((ctx) => service.responsibilityYearEnd(ctx, req.query.year)),
  );
  app.get(
    '/api/responsibility/year-end.xlsx',
    { schema: { tags, querystring: ZYearQuery }, config: read },
    (req, reply) => req.run(async (ctx) => sendXlsxExport(reply, await yearEndExport(ctx, req.query.year))),
  );
}
