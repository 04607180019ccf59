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
/**
 * `now`: an ISO 8601 date-time with its offset (2026-12-04T09:00:00+08:00 or …Z), checked as a real calendar
 * date (no 2026-02-30); `null` puts the clock back to real time. Anything else (true, numbers, bare dates) is 400.
 */
export const ZSetClock = z.object({
  now: z.iso
    .datetime({
      offset: true,
      message: '时间格式不正确：应为带时区的 ISO 8601 时间（如 2026-12-04T09:00:00+08:00），或 null 表示恢复真实时间',
    })
    .nullable(),
});

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
  /** Null for business objects: the audit administrator does not read their content (三员分立). */
  before: z.unknown(),
  after: z.unknown(),
  /** Names of the fields the event changed. */
  changed: z.array(z.string()),
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

/** An answer counted over a year without a published holiday schedule (statutory holidays only). */
export const ZProvisional = z.object({ provisional: z.boolean(), provisionalNote: z.string().nullable() });

export const ZDayKind = z.enum(['holiday', 'workday']);
export const ZCalendarDay = z.object({ date: z.string(), kind: ZDayKind, name: z.string() });
export const ZCalendarYear = z.object({ year: z.number(), days: z.array(ZCalendarDay) });
export const ZCalendarStatus = z.object({
  years: z.array(z.number()),
  nextYear: z.number(),
  nextYearMissing: z.boolean(),
  /** The current and next year when they have no schedule (the banner names them). */
  missingYears: z.array(z.number()),
  ...ZProvisional.shape,
});
export const ZCalendarDayChange = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday', 'normal']),
  name: z.string(),
});
export const ZCalendarImport = z.object({ year: z.number(), days: z.number() });
export const ZWorkingDate = z.object({ date: z.string(), ...ZProvisional.shape });
export const ZWorkingDays = z.object({ days: z.number(), ...ZProvisional.shape });

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
