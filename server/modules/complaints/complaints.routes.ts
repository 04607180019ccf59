import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZChallenge,
  ZComplaint,
  ZComplaintDetail,
  ZComplaintEvent,
  ZComplaintFileParam,
  ZComplaintFigures,
  ZComplaintFiguresResult,
  ZComplaintHandlers,
  ZComplaintIdParam,
  ZComplaintPublicStatus,
  ZComplaintQuarter,
  ZComplaintReceipt,
  ZComplaintStatusQuery,
  ZCreateComplaint,
  ZListComplaints,
  ZPublicComplaint,
} from '../../../common/complaints.schema.js';
import { z, zPageOf } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { sendStoredFile } from '../../platform/http/files.js';
import { complaintFeedbackExport, complaintsExport } from './complaints.export.js';
import { complaintFigures } from './complaints.figures.js';
import { newChallenge } from './complaints.human.js';
import { filePublicComplaint, publicStatus } from './complaints.public.js';
import * as service from './complaints.service.js';
import { readComplaintForm } from './complaints.upload.js';
import { complaintHandlers, fireComplaintEvent } from './complaints.workflow.js';

const tags = ['信访举报'];
const read = { permission: 'complaints:read' as const };
const manage = { permission: 'complaints:manage' as const };
const multipart = ['multipart/form-data'];

export interface ComplaintsRouteOptions {
  /** Public status look-ups per address per 15 minutes; filings per address per hour. */
  statusRateLimit?: number;
  fileRateLimit?: number;
}

export async function complaintsRoutes(fastify: FastifyInstance, opts: ComplaintsRouteOptions = {}) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // ---------- public: no account (auth: 'public'), limited per address
  app.get(
    '/api/public/complaints/challenge',
    {
      schema: { tags, response: { 200: ZChallenge } },
      config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    () => newChallenge(),
  );
  app.post(
    '/api/public/complaints',
    {
      schema: { tags, consumes: multipart, response: { 201: ZComplaintReceipt } },
      config: { auth: 'public', rateLimit: { max: opts.fileRateLimit ?? 10, timeWindow: '1 hour' } },
    },
    async (req, reply) => {
      const { data, files } = await readComplaintForm(req, ZPublicComplaint);
      return reply.status(201).send(await req.run((ctx) => filePublicComplaint(ctx, data, files)));
    },
  );
  app.post(
    '/api/public/complaints/status',
    {
      schema: { tags, body: ZComplaintStatusQuery, response: { 200: ZComplaintPublicStatus } },
      config: { auth: 'public', rateLimit: { max: opts.statusRateLimit ?? 10, timeWindow: '15 minutes' } },
    },
    (req) => req.run((ctx) => publicStatus(ctx, req.body)),
  );

  // ---------- staff
  app.get(
    '/api/complaints',
    { schema: { tags, querystring: ZListComplaints, response: { 200: zPageOf(ZComplaint) } }, config: read },
    (req) => req.run((ctx) => service.listComplaints(ctx, req.query)),
  );
  app.get(
    '/api/complaints/export.xlsx',
    { schema: { tags, querystring: ZListComplaints }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, complaintsExport(ctx, req.query))),
  );
  app.get(
    '/api/complaints/feedback.xlsx',
    { schema: { tags, querystring: ZComplaintQuarter }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, complaintFeedbackExport(ctx, req.query))),
  );
  app.get(
    '/api/complaints/figures',
    { schema: { tags, querystring: ZComplaintFigures, response: { 200: ZComplaintFiguresResult } }, config: read },
    (req) => req.run((ctx) => complaintFigures(ctx, req.query)),
  );
  app.get(
    '/api/complaints/handlers',
    { schema: { tags, response: { 200: ZComplaintHandlers } }, config: manage },
    (req) => req.run((ctx) => complaintHandlers(ctx)),
  );
  app.post(
    '/api/complaints',
    {
      schema: {
        tags,
        consumes: multipart,
        response: { 201: z.object({ id: z.string(), code: z.string(), escalated: z.boolean() }) },
      },
      config: manage,
    },
    async (req, reply) => {
      const { data, files } = await readComplaintForm(req, ZCreateComplaint);
      return reply.status(201).send(await req.run((ctx) => service.createComplaint(ctx, data, files)));
    },
  );
  app.get(
    '/api/complaints/:id',
    { schema: { tags, params: ZComplaintIdParam, response: { 200: ZComplaintDetail } }, config: read },
    (req) => req.run((ctx) => service.getComplaint(ctx, req.params.id)),
  );
  app.post(
    '/api/complaints/:id/events',
    {
      schema: {
        tags,
        params: ZComplaintIdParam,
        body: ZComplaintEvent,
        response: { 200: ZComplaintDetail.nullable() },
      },
      config: read,
    },
    (req) => req.run((ctx) => fireComplaintEvent(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/complaints/:id/files/:fileId',
    { schema: { tags, params: ZComplaintFileParam }, config: read },
    async (req, reply) =>
      sendStoredFile(reply, await req.run((ctx) => service.getComplaintFile(ctx, req.params.id, req.params.fileId))),
  );
}
