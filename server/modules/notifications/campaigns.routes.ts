import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCampaign,
  ZCampaignEvent,
  ZCampaignParam,
  ZCampaignReport,
  ZCreateCampaign,
  ZListCampaigns,
  ZUpdateCampaign,
} from '../../../common/campaigns.schema.js';
import { zPageOf } from '../../../common/zod.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { campaignsExport } from './notifications.export.js';
import * as service from './campaigns.service.js';

const tags = ['关键节点提醒'];
const manage = { permission: 'campaigns:manage' as const };

export async function campaignsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/campaigns',
    { schema: { tags, querystring: ZListCampaigns, response: { 200: zPageOf(ZCampaign) } }, config: manage },
    (req) => req.run((ctx) => service.listCampaigns(ctx, req.query)),
  );
  app.get(
    '/api/campaigns/export.xlsx',
    { schema: { tags, querystring: ZListCampaigns }, config: manage },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, campaignsExport(ctx, req.query))),
  );
  app.post(
    '/api/campaigns',
    { schema: { tags, body: ZCreateCampaign, response: { 201: ZCampaign } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createCampaign(ctx, req.body))),
  );
  app.get(
    '/api/campaigns/:id',
    { schema: { tags, params: ZCampaignParam, response: { 200: ZCampaign } }, config: manage },
    (req) => req.run((ctx) => service.getCampaign(ctx, req.params.id)),
  );
  app.patch(
    '/api/campaigns/:id',
    { schema: { tags, params: ZCampaignParam, body: ZUpdateCampaign, response: { 200: ZCampaign } }, config: manage },
    (req) => req.run((ctx) => service.updateCampaign(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/campaigns/:id/events',
    { schema: { tags, params: ZCampaignParam, body: ZCampaignEvent, response: { 200: ZCampaign } }, config: manage },
    (req) => req.run((ctx) => service.fireCampaignEvent(ctx, req.params.id, req.body.event, req.body.version)),
  );
  app.get(
    '/api/campaigns/:id/report',
    { schema: { tags, params: ZCampaignParam, response: { 200: ZCampaignReport } }, config: manage },
    (req) => req.run((ctx) => service.campaignReport(ctx, req.params.id)),
  );
}
