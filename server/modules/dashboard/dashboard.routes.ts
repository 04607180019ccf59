import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAnnualReportIssued,
  ZAnnualReportQuery,
  ZBurden,
  ZLeaderStalls,
  ZOverreach,
  ZOverview,
  ZStalls,
  ZStallsQuery,
} from '../../../common/dashboard.schema.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { sendDocument } from '../../platform/http/files.js';
import { annualReport, issueAnnualReport } from './dashboard.annual-report.js';
import { burden } from './dashboard.burden.js';
import { burdenExport, overreachExport } from './dashboard.exports.js';
import { overreach } from './dashboard.overreach.js';
import { overview } from './dashboard.overview.js';
import * as service from './dashboard.service.js';

const tags = ['统计大屏'];
const read = { permission: 'dashboard:read' as const };
const issue = { permission: 'reports:issue' as const };

/** 统计大屏: 委领导 and 监督室 region-wide, 组织部 read-only (common/roles.ts). */
export async function dashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/dashboard/stalls',
    { schema: { tags, querystring: ZStallsQuery, response: { 200: ZStalls } }, config: read },
    (req) => req.run((ctx) => service.stalls(ctx, req.query)),
  );
  app.get(
    '/api/dashboard/stalls/by-leader',
    { schema: { tags, querystring: ZStallsQuery, response: { 200: ZLeaderStalls } }, config: read },
    (req) => req.run((ctx) => service.leaderStalls(ctx, req.query)),
  );
  app.get(
    '/api/dashboard',
    { schema: { tags, querystring: ZStallsQuery, response: { 200: ZOverview } }, config: read },
    (req) => req.run((ctx) => overview(ctx, req.query)),
  );
  // Exports of the two monitors: the same query and scope as the screen; no response schema (the body is the file).
  app.get(
    '/api/dashboard/overreach.xlsx',
    { schema: { tags, querystring: ZStallsQuery }, config: read },
    (req, reply) => req.run(async (ctx) => sendXlsxExport(reply, await overreachExport(ctx, req.query))),
  );
  app.get('/api/dashboard/burden.xlsx', { schema: { tags, querystring: ZStallsQuery }, config: read }, (req, reply) =>
    req.run(async (ctx) => sendXlsxExport(reply, await burdenExport(ctx, req.query))),
  );
  app.get(
    '/api/dashboard/overreach',
    { schema: { tags, querystring: ZStallsQuery, response: { 200: ZOverreach } }, config: read },
    (req) => req.run((ctx) => overreach(ctx, req.query)),
  );
  app.get(
    '/api/reports/annual.docx',
    { schema: { tags, querystring: ZAnnualReportQuery }, config: read },
    // A .docx download: no response schema.
    async (req, reply) => sendDocument(reply, await req.run((ctx) => annualReport(ctx, req.query.year))),
  );
  app.post(
    '/api/reports/annual/issue',
    { schema: { tags, body: ZAnnualReportQuery, response: { 200: ZAnnualReportIssued } }, config: issue },
    (req) => req.run((ctx) => issueAnnualReport(ctx, req.body.year)),
  );
  app.get(
    '/api/dashboard/burden',
    { schema: { tags, querystring: ZStallsQuery, response: { 200: ZBurden } }, config: read },
    (req) => req.run((ctx) => burden(ctx, req.query)),
  );
}
