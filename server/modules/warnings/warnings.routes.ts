import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { sendDocx } from '../../platform/http/files.js';
import { reminderDocument } from './warnings.documents.js';
import { situationsExport, warningsExport } from './warnings.export.js';
import {
  ZCreateSituation,
  ZIdParam,
  ZListSituations,
  ZListWarnings,
  ZRulePreview,
  ZSituation,
  ZSituationPage,
  ZUpdateSituation,
  ZWarningDetail,
  ZWarningEvent,
  ZWarningFigures,
  ZWarningPage,
  ZWhatIf,
  ZWhatIfResult,
} from '../../../common/warnings.schema.js';
import * as service from './warnings.service.js';

const tags = ['模拟问责'];
const read = { permission: 'warnings:read' as const };
const manage = { permission: 'warnings:manage' as const };

export async function warningsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/situations',
    { schema: { tags, querystring: ZListSituations, response: { 200: ZSituationPage } }, config: read },
    (req) => req.run((ctx) => service.listSituations(ctx, req.query)),
  );
  app.get(
    '/api/situations/export.xlsx',
    { schema: { tags, querystring: ZListSituations }, config: read },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, situationsExport(ctx, req.query))),
  );
  app.post(
    '/api/situations',
    { schema: { tags, body: ZCreateSituation, response: { 201: ZSituation } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createSituation(ctx, req.body))),
  );
  app.post(
    '/api/situations/preview',
    { schema: { tags, body: z.object({ rule: z.unknown() }), response: { 200: ZRulePreview } }, config: manage },
    (req) => req.run((ctx) => service.previewRule(ctx, req.body.rule)),
  );
  app.get(
    '/api/situations/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZSituation } }, config: read },
    (req) => req.run((ctx) => service.getSituation(ctx, req.params.id)),
  );
  app.patch(
    '/api/situations/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateSituation, response: { 200: ZSituation } }, config: manage },
    (req) => req.run((ctx) => service.updateSituation(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/situations/:id/preview',
    { schema: { tags, params: ZIdParam, response: { 200: ZRulePreview } }, config: manage },
    (req) => req.run((ctx) => service.previewSituation(ctx, req.params.id)),
  );

  app.get(
    '/api/warnings',
    { schema: { tags, querystring: ZListWarnings, response: { 200: ZWarningPage } }, config: read },
    (req) => req.run((ctx) => service.listWarnings(ctx, req.query)),
  );
  // Downloads (.xlsx, .docx) answer a binary body: no JSON schema to declare.
  app.get(
    '/api/warnings/export.xlsx',
    { schema: { tags, querystring: ZListWarnings }, config: read },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, warningsExport(ctx, req.query))),
  );
  app.get('/api/warnings/figures', { schema: { tags, response: { 200: ZWarningFigures } }, config: manage }, (req) =>
    req.run((ctx) => service.warningFigures(ctx)),
  );
  app.get(
    '/api/warnings/what-if',
    { schema: { tags, querystring: ZWhatIf, response: { 200: ZWhatIfResult } }, config: read },
    (req) => req.run((ctx) => service.whatIf(ctx, req.query.problemId, req.query.date)),
  );
  app.get(
    '/api/warnings/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZWarningDetail } }, config: read },
    (req) => req.run((ctx) => service.getWarning(ctx, req.params.id)),
  );
  app.post(
    '/api/warnings/:id/events',
    { schema: { tags, params: ZIdParam, body: ZWarningEvent, response: { 200: ZWarningDetail } }, config: read },
    (req) => req.run((ctx) => service.fireWarningEvent(ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/warnings/:id/documents/reminder.docx',
    { schema: { tags, params: ZIdParam }, config: read },
    async (req, reply) => {
      const doc = await req.run((ctx) => reminderDocument(ctx, req.params.id));
      return sendDocx(reply, doc.name, doc.body);
    },
  );
}
