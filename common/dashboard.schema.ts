import { STALL_LINK_KEYS, type StallLink } from './dashboard.js';
import { ZDate, ZId, ZTimestamp, z } from './zod.js';

export const ZStallsQuery = z.object({
  /** Spans that started on or after this day (default: a year before `to`). */
  from: ZDate.optional(),
  /** Spans that started on or before this day (default: today). */
  to: ZDate.optional(),
  unitId: ZId.optional(),
});
export type StallsQuery = z.infer<typeof ZStallsQuery>;

export const ZStallRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** Spans of this link that started in the period (finished or not). */
  count: z.number().int(),
  /** Days spent in the link: finished spans to their end, open ones to now. */
  medianDays: z.number(),
  p90Days: z.number(),
  /** Open spans beyond the link's limit now. */
  stuck: z.number().int(),
  /** The web list behind the row (filtered by unit and state where the list supports it). */
  path: z.string(),
});

export const ZStallLinkFigures = z.object({
  link: z.enum(STALL_LINK_KEYS as [StallLink, ...StallLink[]]),
  label: z.string(),
  chain: z.string(),
  /** How the limit is set: the module's own deadline, or the documented default in days. */
  limit: z.string(),
  rows: z.array(ZStallRow),
});

export const ZStalls = z.object({
  /** The instant open spans were measured to. */
  asOf: ZTimestamp,
  from: z.string(),
  to: z.string(),
  links: z.array(ZStallLinkFigures),
});
export type TStalls = z.infer<typeof ZStalls>;

/** GET /api/dashboard/stalls/by-leader: the same links per county leader in charge of the units (分管县领导). */
export const ZLeaderStallRow = ZStallRow.omit({ unitId: true, unitName: true }).extend({
  leaderPersonId: z.string(),
  leaderName: z.string(),
  /** The leader's units with items in the link. */
  units: z.number().int(),
});
export const ZLeaderStalls = ZStalls.extend({
  links: z.array(ZStallLinkFigures.omit({ rows: true }).extend({ rows: z.array(ZLeaderStallRow) })),
});
export type TLeaderStalls = z.infer<typeof ZLeaderStalls>;

/** One element of an overview chart: its count and the web list (with filters) that shows exactly those rows. */
export const ZOverviewItem = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  path: z.string(),
});
export const ZOverviewSection = z.object({
  key: z.string(),
  title: z.string(),
  /** What the counts cover (current stock, or received in the period). */
  note: z.string(),
  items: z.array(ZOverviewItem),
});
/** GET /api/dashboard: the region's figures for the caller's scope, each element drilling down to its list. */
export const ZOverview = z.object({
  from: z.string(),
  to: z.string(),
  unitId: z.string().nullable(),
  sections: z.array(ZOverviewSection),
});
export type TOverview = z.infer<typeof ZOverview>;

/** Accountability acts of a unit (or the region) in a period, as the over-reach monitor counts them. */
export const ZOverreachTotals = z.object({
  /** Subjects of cases decided in the period, and how many of them under the catch-all 第七条第（十一）项. */
  cases: z.number().int(),
  casesCatchAll: z.number().int(),
  /** 提醒函 issued in the period, and how many under a situation of 第七条第（十一）项. */
  warnings: z.number().int(),
  warningsCatchAll: z.number().int(),
  /** Talks held that count as the first form (谈话提醒、诫勉、约谈). */
  talks: z.number().int(),
  /** Acts by 四种形态, first to fourth (case subjects and talks). */
  forms: z.array(z.number().int()).length(4),
});
export const ZOverreachUnit = ZOverreachTotals.extend({
  unitId: z.string(),
  unitName: z.string(),
  /** Plain-language flags when the unit is out of line with the region (empty: in line). */
  flags: z.array(z.string()),
});
/** GET /api/dashboard/overreach: the region and each unit with any act in the period, flagged units first. */
export const ZOverreach = z.object({
  from: z.string(),
  to: z.string(),
  region: ZOverreachTotals,
  units: z.array(ZOverreachUnit),
});
export type TOverreach = z.infer<typeof ZOverreach>;

const ZBurdenTotals = z.object({
  /** Items to handle (交办问题、提醒函、责任事项), reports to file (进展报告、履责纪实、季度报告), messages received. */
  items: z.number().int(),
  reports: z.number().int(),
  messages: z.number().int(),
  /** 履责纪实 records the quarterly reports were assembled from rather than typed again. */
  reused: z.number().int(),
  /** Each kind's count (keys of BURDEN_KINDS). */
  byKind: z.record(z.string(), z.number().int()),
});
/** GET /api/dashboard/burden: what the system demanded of each unit in the period (default: this quarter). */
export const ZBurden = z.object({
  from: z.string(),
  to: z.string(),
  region: ZBurdenTotals,
  units: z.array(ZBurdenTotals.extend({ unitId: z.string(), unitName: z.string() })),
});
export type TBurden = z.infer<typeof ZBurden>;

/** The year of the 年度工作报告 (GET /api/reports/annual.docx, POST /api/reports/annual/issue). */
export const ZAnnualReportQuery = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
});
export const ZAnnualReportIssued = z.object({
  year: z.number().int(),
  number: z.string(),
  issuedOn: z.string(),
  /** Issued before: the same number and date are answered again. */
  alreadyIssued: z.boolean(),
});
