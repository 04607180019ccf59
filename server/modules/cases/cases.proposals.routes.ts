import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZIdParam,
  ZListProposals,
  ZProposal,
  ZProposalDetail,
  ZProposalEvent,
} from '../../../common/proposals.schema.js';
import { zPageOf } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { fireProposalEvent, getProposal, listProposals } from './cases.proposals.js';
import { proposalsExport } from './cases.proposals.export.js';

const tags = ['问责建议'];

/**
 * The 问责建议 queue (issue #17). Who reads is decided per row (the intake, or the source's office for
 * its own proposals), so the routes name no single permission; the service refuses everyone else.
 */
export async function proposalsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/accountability-proposals',
    { schema: { tags, querystring: ZListProposals, response: { 200: zPageOf(ZProposal) } } },
    (req) => req.run((ctx) => listProposals(ctx, req.query)),
  );
  app.get(
    '/api/accountability-proposals/export.xlsx',
    { schema: { tags, querystring: ZListProposals } },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, proposalsExport(ctx, req.query))),
  );
  app.get(
    '/api/accountability-proposals/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZProposalDetail } } },
    (req) => req.run((ctx) => getProposal(ctx, req.params.id)),
  );
  app.post(
    '/api/accountability-proposals/:id/events',
    { schema: { tags, params: ZIdParam, body: ZProposalEvent, response: { 200: ZProposalDetail } } },
    (req) => req.run((ctx) => fireProposalEvent(ctx, req.params.id, req.body)),
  );
}
