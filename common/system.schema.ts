import { ZDate, ZPage, ZTimestamp, z } from './zod.js';

// ---------- requests

export const ZListAuditEvents = z.object({
  ...ZPage,
  type: z.string().max(60).optional(),
  actor: z.string().max(60).optional(),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export const ZYear = z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确');
/** A year, in a query (`?year=`) or a body. */
export const ZYearInput = z.object({ year: ZYear });
export const ZCalendarDayParam = z.object({ date: ZDate });
export const ZSetCalendarDay = z.object({
  kind: z.enum(['holiday', 'workday', 'normal'], { message: '类型应为法定节假日、调休上班或普通' }),
  name: z.string().trim().max(30).default(''),
});
export const ZAddWorkingDaysQuery = z.object({ date: ZDate, days: z.coerce.number().int().min(-1000).max(1000) });
export const ZWorkingDaysBetweenQuery = z.object({ from: ZDate, to: ZDate });

export const ZListJobRuns = z.object({ ...ZPage, name: z.string().max(60).optional() });
export const ZJobParam = z.object({ name: z.string().max(60) });
export const ZSetClock = z.object({ now: z.coerce.date({ message: '时间格式不正确' }) });

// ---------- responses

export const ZHealth = z.object({ status: z.string() });

/** One row of the hash-chained audit log. */
export const ZAuditEvent = z.object({
  seq: z.number(),
  at: ZTimestamp,
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  ip: z.string().nullable(),
  type: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const ZChainReport = z.object({
  ok: z.boolean(),
  checked: z.number(),
  headSeq: z.number(),
  /** The first broken position, when the chain does not verify. */
  problem: z.object({ seq: z.number(), reason: z.string() }).optional(),
});

export const ZDayKind = z.enum(['holiday', 'workday']);
export const ZCalendarDay = z.object({ date: z.string(), kind: ZDayKind, name: z.string() });
export const ZCalendarYear = z.object({ year: z.number(), days: z.array(ZCalendarDay) });
export const ZCalendarStatus = z.object({
  years: z.array(z.number()),
  nextYear: z.number(),
  nextYearMissing: z.boolean(),
});
export const ZCalendarDayChange = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday', 'normal']),
  name: z.string(),
});
export const ZCalendarImport = z.object({ year: z.number(), days: z.number() });
export const ZWorkingDate = z.object({ date: z.string() });
export const ZWorkingDays = z.object({ days: z.number() });

export const ZJobRun = z.object({
  id: z.string(),
  name: z.string(),
  trigger: z.string(),
  jobId: z.string().nullable(),
  instance: z.string(),
  startedAt: ZTimestamp,
  finishedAt: ZTimestamp.nullable(),
  ok: z.boolean().nullable(),
  result: z.unknown(),
});
export const ZJobDefinition = z.object({ name: z.string(), label: z.string(), cron: z.string().optional() });
export const ZJobRunsPage = z.object({
  items: z.array(ZJobRun),
  total: z.number().int(),
  /** The jobs this server knows, sent with the run list. */
  jobs: z.array(ZJobDefinition),
});

export const ZClockState = z.object({ now: z.string(), allowed: z.boolean() });
