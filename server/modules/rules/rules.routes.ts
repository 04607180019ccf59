import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZListRuleSets,
  ZPublishRuleVersion,
  ZRuleScopeQuery,
  ZRuleSet,
  ZRuleSetParam,
  ZRuleSets,
  ZRuleVersion,
  ZRuleVersionParam,
} from '../../../common/rules.schema.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { ruleSetsExport } from './rules.export.js';
import * as service from './rules.service.js';

const tags = ['问责规则'];
const read = { permission: 'rules:read' as const };
const write = { permission: 'rules:write' as const };

/** Rules as data (SPEC 2b): read by administrators and the commission; published where the law allows. */
export async function rulesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/rules',
    { schema: { tags, querystring: ZListRuleSets, response: { 200: ZRuleSets } }, config: read },
    (req) => req.run((ctx) => service.listRuleSets(ctx, req.query)),
  );
  app.get('/api/rules/export.xlsx', { schema: { tags, querystring: ZListRuleSets }, config: read }, (req, reply) =>
    req.run((ctx) => sendXlsxExport(reply, ruleSetsExport(ctx, req.query))),
  );
  app.get(
    '/api/rules/:key',
    {
      schema: { tags, params: ZRuleSetParam, querystring: ZRuleScopeQuery, response: { 200: ZRuleSet } },
      config: read,
    },
    (req) => req.run((ctx) => service.getRuleSet(ctx, req.params.key, req.query.on)),
  );
  app.get(
    '/api/rules/:key/versions/:version',
    { schema: { tags, params: ZRuleVersionParam, response: { 200: ZRuleVersion } }, config: read },
    (req) => req.run((ctx) => service.getRuleVersion(ctx, req.params.key, req.params.version)),
  );
  app.post(
    '/api/rules/:key/versions',
    { schema: { tags, params: ZRuleSetParam, body: ZPublishRuleVersion, response: { 201: ZRuleSet } }, config: write },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.publishRuleVersion(ctx, req.params.key, req.body))),
  );
}
