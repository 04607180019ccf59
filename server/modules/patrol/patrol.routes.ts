import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZId, z } from '../../../common/zod.js';
import { badRequest } from '../../platform/errors.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { readUpload, sendDocx, sendStoredFile } from '../../platform/http/files.js';
import {
  circularsExport,
  findingsExport,
  inspectionsExport,
  tasksExport,
  typicalCasesExport,
} from './patrol.export.js';
import {
  createCircular,
  createTypicalCase,
  fireCircularEvent,
  fireTypicalCaseEvent,
  getCircular,
  getTypicalCase,
  listCirculars,
  listTypicalCases,
} from './patrol.bulletins.js';
import { assignmentDocument, circularDocument } from './patrol.documents.js';
import { createFinding, fireFindingEvent, getFinding, listFindings } from './patrol.findings.js';
import {
  createInspection,
  getInspection,
  inspectionFile,
  listInspections,
  uploadInspectionFile,
} from './patrol.inspections.js';
import { groupPerformance, listReviews, patrolFigures, saveReview } from './patrol.performance.js';
import {
  ZCreateTypicalCase,
  ZCreateCircular,
  ZCreateFinding,
  ZCreateInspection,
  ZCreateReview,
  ZCreateTask,
  ZFileParam,
  ZFindingEvent,
  ZIdParam,
  ZListFindings,
  ZListInspections,
  ZListPaged,
  ZListTasks,
  ZSimpleEvent,
  ZTaskEvent,
  ZUpdateTask,
  ZYear,
} from '../../../common/patrol.schema.js';
import { createTask, fireTaskEvent, getTask, listTasks, updateTask } from './patrol.service.js';
import {
  ZCircularDetail,
  ZCircularPage,
  ZFindingDetail,
  ZFindingPage,
  ZGroupPerformance,
  ZInspectionDetail,
  ZInspectionFile,
  ZInspectionPage,
  ZPatrolFigures,
  ZReviewPage,
  ZReviewRow,
  ZTaskDetail,
  ZTaskPage,
  ZTypicalCase,
  ZTypicalCasePage,
} from '../../../common/patrol.responses.js';

const tags = ['督导巡查'];
const read = { permission: 'patrol:read' as const };
const record = { permission: 'patrol:record' as const };
const manage = { permission: 'patrol:manage' as const };

export async function patrolRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // 交办单
  app.get(
    '/api/tasks',
    { schema: { tags, querystring: ZListTasks, response: { 200: ZTaskPage } }, config: read },
    (req) => req.run((ctx) => listTasks(ctx, req.query)),
  );
  app.get('/api/tasks/export.xlsx', { schema: { tags, querystring: ZListTasks }, config: read }, async (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, tasksExport(ctx, req.query))),
  );
  app.post(
    '/api/tasks',
    { schema: { tags, body: ZCreateTask, response: { 201: ZTaskDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createTask(ctx, req.body))),
  );
  app.get(
    '/api/tasks/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZTaskDetail } }, config: read },
    (req) => req.run((ctx) => getTask(ctx, req.params.id)),
  );
  app.patch(
    '/api/tasks/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateTask, response: { 200: ZTaskDetail } }, config: manage },
    (req) => req.run((ctx) => updateTask(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/tasks/:id/events',
    { schema: { tags, params: ZIdParam, body: ZTaskEvent, response: { 200: ZTaskDetail } }, config: read },
    (req) => req.run((ctx) => fireTaskEvent(ctx, req.params.id, req.body)),
  );
  // Downloads (.docx, .xlsx, inspection files) answer a binary body: no JSON schema to declare.
  app.get(
    '/api/tasks/:id/documents/assignment.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => assignmentDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );

  // 督导记录
  app.get(
    '/api/inspections',
    { schema: { tags, querystring: ZListInspections, response: { 200: ZInspectionPage } }, config: read },
    (req) => req.run((ctx) => listInspections(ctx, req.query)),
  );
  app.get(
    '/api/inspections/export.xlsx',
    { schema: { tags, querystring: ZListInspections }, config: read },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, inspectionsExport(ctx, req.query))),
  );
  app.post(
    '/api/inspections',
    { schema: { tags, body: ZCreateInspection, response: { 201: ZInspectionDetail } }, config: record },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createInspection(ctx, req.body))),
  );
  app.get(
    '/api/inspections/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZInspectionDetail } }, config: read },
    (req) => req.run((ctx) => getInspection(ctx, req.params.id)),
  );
  app.post(
    '/api/inspections/:id/files',
    {
      schema: { tags, params: ZIdParam, consumes: ['multipart/form-data'], response: { 201: ZInspectionFile } },
      config: record,
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请选择要上传的文件', 'file');
      const stored = await readUpload(file);
      const saved = await req.run((ctx) => uploadInspectionFile(ctx, req.params.id, stored));
      return reply.status(201).send(saved);
    },
  );
  app.get(
    '/api/inspections/:id/files/:fileId',
    { schema: { tags, params: ZFileParam }, config: read },
    async (req, reply) => {
      const file = await req.run((ctx) => inspectionFile(ctx, req.params.id, req.params.fileId));
      return sendStoredFile(reply, file);
    },
  );

  // 督导发现
  app.get(
    '/api/findings',
    { schema: { tags, querystring: ZListFindings, response: { 200: ZFindingPage } }, config: read },
    (req) => req.run((ctx) => listFindings(ctx, req.query)),
  );
  app.get(
    '/api/findings/export.xlsx',
    { schema: { tags, querystring: ZListFindings }, config: read },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, findingsExport(ctx, req.query))),
  );
  app.post(
    '/api/findings',
    { schema: { tags, body: ZCreateFinding, response: { 201: ZFindingDetail } }, config: record },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createFinding(ctx, req.body))),
  );
  app.get(
    '/api/findings/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZFindingDetail } }, config: read },
    (req) => req.run((ctx) => getFinding(ctx, req.params.id)),
  );
  app.post(
    '/api/findings/:id/events',
    { schema: { tags, params: ZIdParam, body: ZFindingEvent, response: { 200: ZFindingDetail } }, config: read },
    (req) => req.run((ctx) => fireFindingEvent(ctx, req.params.id, req.body)),
  );

  // 督导巡查通报、约谈建议书
  app.get(
    '/api/circulars',
    { schema: { tags, querystring: ZListPaged, response: { 200: ZCircularPage } }, config: read },
    (req) => req.run((ctx) => listCirculars(ctx, req.query)),
  );
  app.get('/api/circulars/export.xlsx', { schema: { tags }, config: read }, async (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, circularsExport(ctx))),
  );
  app.post(
    '/api/circulars',
    { schema: { tags, body: ZCreateCircular, response: { 201: ZCircularDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createCircular(ctx, req.body))),
  );
  app.get(
    '/api/circulars/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZCircularDetail } }, config: read },
    (req) => req.run((ctx) => getCircular(ctx, req.params.id)),
  );
  app.post(
    '/api/circulars/:id/events',
    { schema: { tags, params: ZIdParam, body: ZSimpleEvent, response: { 200: ZCircularDetail } }, config: manage },
    (req) => req.run((ctx) => fireCircularEvent(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/circulars/:id/documents/circular.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => circularDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );

  // 典型案例
  app.get(
    '/api/typical-cases',
    { schema: { tags, querystring: ZListPaged, response: { 200: ZTypicalCasePage } }, config: read },
    (req) => req.run((ctx) => listTypicalCases(ctx, req.query)),
  );
  app.get('/api/typical-cases/export.xlsx', { schema: { tags }, config: read }, async (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, typicalCasesExport(ctx))),
  );
  app.post(
    '/api/typical-cases',
    { schema: { tags, body: ZCreateTypicalCase, response: { 201: ZTypicalCase } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createTypicalCase(ctx, req.body))),
  );
  app.get(
    '/api/typical-cases/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZTypicalCase } }, config: read },
    (req) => req.run((ctx) => getTypicalCase(ctx, req.params.id)),
  );
  app.post(
    '/api/typical-cases/:id/events',
    { schema: { tags, params: ZIdParam, body: ZSimpleEvent, response: { 200: ZTypicalCase } }, config: manage },
    (req) => req.run((ctx) => fireTypicalCaseEvent(ctx, req.params.id, req.body)),
  );

  // 督导巡查组绩效与评议
  app.get(
    '/api/patrol/performance',
    { schema: { tags, querystring: ZYear, response: { 200: ZGroupPerformance } }, config: read },
    (req) => req.run((ctx) => groupPerformance(ctx, req.query.year)),
  );
  app.get(
    '/api/patrol/figures',
    { schema: { tags, querystring: ZYear, response: { 200: ZPatrolFigures } }, config: manage },
    (req) => req.run((ctx) => patrolFigures(ctx, req.query.year)),
  );
  app.get(
    '/api/group-reviews',
    {
      schema: { tags, querystring: z.object({ groupId: ZId.optional() }), response: { 200: ZReviewPage } },
      config: read,
    },
    (req) => req.run((ctx) => listReviews(ctx, req.query.groupId)),
  );
  app.post(
    '/api/group-reviews',
    { schema: { tags, body: ZCreateReview, response: { 201: ZReviewRow } }, config: read },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => saveReview(ctx, req.body))),
  );
}
