/** /api/spot-checks (定期抽查制) and the verdicts on one report. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreateSpotCheck,
  ZListSpotChecks,
  ZReportVerdicts,
  ZSpotCheck,
  ZSpotCheckDeleteQuery,
  ZSpotCheckDetail,
  ZSpotCheckEvent,
  ZSpotCheckParam,
  ZSpotCheckVerdict,
  ZVerdictInput,
  ZVerdictParam,
  ZVerdictProblem,
} from '../../../common/responsibility.spot-checks.schema.js';
import { z, zPageOf } from '../../../common/zod.js';
import type { Ctx } from '../../platform/context.js';
import { type XlsxColumn, type XlsxExport, listExport, sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { convertVerdict, reportVerdicts } from './responsibility.spot-checks.problems.js';
import * as service from './responsibility.spot-checks.js';

const tags = ['明责'];
const read = { permission: 'responsibility:read' as const };
const manage = { permission: 'responsibility:manage' as const };

type Row = Awaited<ReturnType<typeof service.listSpotChecks>>['items'][number];
const COLUMNS: XlsxColumn<Row>[] = [
  { header: '编号', width: 14, value: (x) => x.code },
  { header: '期间', width: 16, value: (x) => x.periodLabel },
  { header: '标题', width: 36, value: (x) => x.title },
  { header: '可抽报告（份）', width: 10, value: (x) => x.populationSize },
  { header: '抽中报告（份）', width: 10, value: (x) => x.sampledReports },
  { header: '抽查事项（项）', width: 10, value: (x) => x.items },
  { header: '已核查（项）', width: 10, value: (x) => x.recorded },
  { header: '不实或不到位（项）', width: 12, value: (x) => x.negative },
  { header: '随机种子', width: 12, value: (x) => x.seed },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
  { header: '完成时间', width: 18, value: (x) => x.concludedAt, kind: 'datetime' },
  { header: '抽查结论', width: 40, value: (x) => x.conclusion },
];

/** 主体责任抽查 list with its filters (year, quarter, state). */
const spotChecksExport = (ctx: Ctx, f: z.infer<typeof ZListSpotChecks>): XlsxExport<Row> =>
  listExport('主体责任抽查', COLUMNS, (q) => service.listSpotChecks(ctx, q), f);

export async function spotCheckRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/spot-checks',
    { schema: { tags, querystring: ZListSpotChecks, response: { 200: zPageOf(ZSpotCheck) } }, config: read },
    (req) => req.run((ctx) => service.listSpotChecks(ctx, req.query)),
  );
  app.get(
    '/api/spot-checks/export.xlsx',
    { schema: { tags, querystring: ZListSpotChecks }, config: read },
    (req, reply) => req.run((ctx) => sendXlsxExport(reply, spotChecksExport(ctx, req.query))),
  );
  app.post(
    '/api/spot-checks',
    { schema: { tags, body: ZCreateSpotCheck, response: { 201: ZSpotCheckDetail } }, config: manage },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createSpotCheck(ctx, req.body))),
  );
  app.get(
    '/api/spot-checks/:id',
    { schema: { tags, params: ZSpotCheckParam, response: { 200: ZSpotCheckDetail } }, config: read },
    (req) => req.run((ctx) => service.getSpotCheck(ctx, req.params.id)),
  );
  app.delete(
    '/api/spot-checks/:id',
    {
      schema: { tags, params: ZSpotCheckParam, querystring: ZSpotCheckDeleteQuery, response: { 204: z.undefined() } },
      config: manage,
    },
    async (req, reply) => {
      await req.run((ctx) => service.deleteSpotCheck(ctx, req.params.id, req.query.version));
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/spot-checks/:id/events',
    {
      schema: { tags, params: ZSpotCheckParam, body: ZSpotCheckEvent, response: { 200: ZSpotCheckDetail } },
      config: manage,
    },
    (req) => req.run((ctx) => service.fireSpotCheckEvent(ctx, req.params.id, req.body)),
  );
  app.put(
    '/api/spot-checks/:id/verdicts/:verdictId',
    {
      schema: { tags, params: ZVerdictParam, body: ZVerdictInput, response: { 200: ZSpotCheckVerdict } },
      config: manage,
    },
    (req) => req.run((ctx) => service.recordVerdict(ctx, req.params.id, req.params.verdictId, req.body)),
  );
  app.post(
    '/api/spot-checks/:id/verdicts/:verdictId/problem',
    {
      schema: { tags, params: ZVerdictParam, body: ZVerdictProblem, response: { 201: ZSpotCheckVerdict } },
      config: manage,
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => convertVerdict(ctx, req.params.id, req.params.verdictId, req.body))),
  );
  app.get(
    '/api/responsibility-reports/:id/verdicts',
    { schema: { tags, params: ZSpotCheckParam, response: { 200: ZReportVerdicts } }, config: read },
    (req) => req.run((ctx) => reportVerdicts(ctx, req.params.id)),
  );
}
