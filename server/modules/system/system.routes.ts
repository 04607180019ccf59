import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAddWorkingDaysQuery,
  ZAuditEvent,
  ZCalendarDayChange,
  ZCalendarDayParam,
  ZCalendarImport,
  ZCalendarStatus,
  ZCalendarYear,
  ZYearInput,
  ZChainReport,
  ZClockState,
  ZHealth,
  ZJobParam,
  ZJobRun,
  ZJobRunsPage,
  ZListAuditEvents,
  ZListJobRuns,
  ZSetCalendarDay,
  ZSetClock,
  ZWorkingDate,
  ZWorkingDays,
  ZWorkingDaysBetweenQuery,
} from '../../../common/system.schema.js';
import { zPageOf } from '../../../common/zod.js';
import { listAuditEvents, recordAudit, verifyChain } from '../../platform/audit/audit.service.js';
import * as calendar from '../../platform/calendar/calendar.service.js';
import { forbidden } from '../../platform/errors.js';
import { withoutContent } from './system.audit.js';
import { auditEventsExport } from './system.audit-export.js';
import { jobRunsExport } from './system.jobs-export.js';
import { sendXlsxExport } from '../../platform/documents/xlsx-export.js';
import { listJobRuns } from '../../platform/jobs/jobs.service.js';

export async function systemRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/health',
    { schema: { tags: ['系统'], response: { 200: ZHealth } }, config: { auth: 'public' } },
    async () => {
      await fastify.database.query('SELECT 1');
      return { status: 'ok' };
    },
  );

  const audit = ['审计'];
  app.get(
    '/api/audit-events',
    {
      schema: { tags: audit, querystring: ZListAuditEvents, response: { 200: zPageOf(ZAuditEvent) } },
      config: { permission: 'audit:read' },
    },
    (req) =>
      req.run(async (ctx) => {
        const page = await listAuditEvents(ctx.db, req.query);
        return { ...page, items: page.items.map(withoutContent) };
      }),
  );
  app.get(
    '/api/audit-events/export.xlsx',
    { schema: { tags: audit, querystring: ZListAuditEvents }, config: { permission: 'audit:read' } },
    async (req, reply) => req.run((ctx) => sendXlsxExport(reply, auditEventsExport(ctx, req.query))),
  );
  app.post(
    '/api/audit-events/verify',
    { schema: { tags: audit, response: { 200: ZChainReport } }, config: { permission: 'audit:read' } },
    (req) =>
      req.run(async (ctx) => {
        const report = await verifyChain(ctx.db);
        await recordAudit(ctx, { type: 'audit.verified', entity: 'audit', after: report });
        return report;
      }),
  );

  const cal = ['工作日历'];
  app.get(
    '/api/calendar',
    { schema: { tags: cal, querystring: ZYearInput, response: { 200: ZCalendarYear } } },
    (req) => req.run((ctx) => calendar.listYear(ctx, req.query.year)),
  );
  app.get('/api/calendar/status', { schema: { tags: cal, response: { 200: ZCalendarStatus } } }, (req) =>
    req.run((ctx) => calendar.calendarStatus(ctx)),
  );
  app.put(
    '/api/calendar/days/:date',
    {
      schema: { tags: cal, params: ZCalendarDayParam, body: ZSetCalendarDay, response: { 200: ZCalendarDayChange } },
      config: { permission: 'calendar:write' },
    },
    (req) => req.run((ctx) => calendar.setDay(ctx, req.params.date, req.body.kind, req.body.name)),
  );
  app.post(
    '/api/calendar/import',
    {
      schema: { tags: cal, body: ZYearInput, response: { 200: ZCalendarImport } },
      config: { permission: 'calendar:write' },
    },
    (req) => req.run((ctx) => calendar.importYear(ctx, req.body.year)),
  );
  app.get(
    '/api/calendar/add-working-days',
    {
      schema: { tags: cal, querystring: ZAddWorkingDaysQuery, response: { 200: ZWorkingDate } },
    },
    (req) => req.run((ctx) => calendar.addWorkingDaysNoted(ctx.db, req.query.date, req.query.days)),
  );
  app.get(
    '/api/calendar/working-days-between',
    { schema: { tags: cal, querystring: ZWorkingDaysBetweenQuery, response: { 200: ZWorkingDays } } },
    (req) => req.run((ctx) => calendar.workingDaysBetweenNoted(ctx.db, req.query.from, req.query.to)),
  );

  const ops = ['后台任务与时钟'];
  app.get(
    '/api/jobs',
    {
      schema: { tags: ops, querystring: ZListJobRuns, response: { 200: ZJobRunsPage } },
      config: { permission: 'jobs:run' },
    },
    (req) =>
      req.run(async (ctx) => {
        const runs = await listJobRuns(ctx.db, req.query.page, req.query.pageSize, req.query.name);
        return { ...runs, jobs: fastify.jobs.definitions.map((d) => ({ name: d.name, label: d.label, cron: d.cron })) };
      }),
  );
  app.get(
    '/api/jobs/export.xlsx',
    { schema: { tags: ops, querystring: ZListJobRuns }, config: { permission: 'jobs:run' } },
    async (req, reply) => {
      const labels = new Map(fastify.jobs.definitions.map((d) => [d.name, d.label]));
      return req.run((ctx) => sendXlsxExport(reply, jobRunsExport(ctx, labels, req.query)));
    },
  );
  app.post(
    '/api/jobs/:name/run',
    { schema: { tags: ops, params: ZJobParam, response: { 200: ZJobRun } }, config: { permission: 'jobs:run' } },
    async (req) => {
      fastify.jobs.get(req.params.name);
      const run = await fastify.jobs.runNow(req.params.name);
      await req.run((ctx) =>
        recordAudit(ctx, {
          type: 'job.run',
          entity: 'job',
          entityId: req.params.name,
          after: { runId: run.id, ok: run.ok },
        }),
      );
      return run;
    },
  );
  app.get(
    '/api/admin/clock',
    { schema: { tags: ops, response: { 200: ZClockState } }, config: { permission: 'clock:set' } },
    async () => ({
      now: fastify.clock.now().toISOString(),
      allowed: fastify.clock.allowed,
    }),
  );
  app.post(
    '/api/admin/clock',
    {
      schema: { tags: ops, body: ZSetClock, response: { 200: ZClockState } },
      config: { permission: 'clock:set' },
    },
    (req) =>
      req.run(async (ctx) => {
        if (!fastify.clock.allowed)
          throw forbidden('未开启时钟调整（需设置 ZELIAN_ALLOW_CLOCK=1，仅限演示、培训和测试）');
        const { before, after } = await fastify.clock.set(
          ctx.db,
          req.body.now === null ? null : new Date(req.body.now),
        );
        await recordAudit(ctx, { type: 'clock.set', entity: 'clock', before: { now: before }, after: { now: after } });
        return { now: after.toISOString(), allowed: true };
      }),
  );
}
