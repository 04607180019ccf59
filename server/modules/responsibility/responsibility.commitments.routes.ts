/** 签字承诺 routes (/api/commitments): scope is decided in responsibility.commitments.ts (404 outside it). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCommitmentOverview,
  ZCommitmentText,
  ZCommitmentYear,
  ZListSigners,
  ZMyCommitment,
  ZPublishCommitment,
  ZRemindResult,
  ZRemindSigners,
  ZSignature,
  ZSignerPage,
} from '../../../common/responsibility.commitments.schema.js';
import { ZId, z } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import * as service from './responsibility.commitments.js';

const tags = ['明责'];
const manage = { permission: 'responsibility:manage' as const };
const ZIdParam = z.object({ id: ZId });

export async function commitmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/commitments',
    { schema: { tags, querystring: ZCommitmentYear, response: { 200: ZCommitmentOverview } } },
    (req) => req.run((ctx) => service.commitmentOverview(ctx, req.query.year)),
  );
  app.post(
    '/api/commitments',
    { schema: { tags, body: ZPublishCommitment, response: { 201: ZCommitmentText } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.publishCommitment(ctx, req.body))),
  );
  app.get(
    '/api/commitments/mine',
    { schema: { tags, querystring: ZCommitmentYear, response: { 200: ZMyCommitment } } },
    (req) => req.run((ctx) => service.myCommitment(ctx, req.query.year)),
  );
  app.post(
    '/api/commitments/:id/sign',
    { schema: { tags, params: ZIdParam, response: { 201: ZSignature } } },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.signCommitment(ctx, req.params.id))),
  );
  app.get(
    '/api/commitments/signers',
    { schema: { tags, querystring: ZListSigners, response: { 200: ZSignerPage } } },
    (req) => req.run((ctx) => service.listSigners(ctx, req.query)),
  );
  app.get('/api/commitments/signers/export.xlsx', { schema: { tags, querystring: ZListSigners } }, (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, service.signersExport(ctx, req.query))),
  );
  app.post(
    '/api/commitments/reminders',
    { schema: { tags, body: ZRemindSigners, response: { 200: ZRemindResult } }, config: manage },
    (req) => req.run((ctx) => service.remindSigners(ctx, req.body)),
  );
  app.get(
    '/api/commitments/signatures/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZSignature } } },
    (req) => req.run((ctx) => service.getSignature(ctx, req.params.id)),
  );
}
