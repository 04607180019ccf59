/**
 * Response schemas of the patrol module (督导巡查); its request schemas are in patrol.schema.ts
 * (two files: together they would pass 400 lines).
 */
import { ZId, ZTimestamp, z, zJson, zPageOf, eventRowFields } from './zod.js';

const ZInt = z.number().int();
const ZNamedRef = z.object({ id: ZId, name: z.string() });
const ZActions = z.array(z.string());

export const ZPatrolEvent = z.object({
  id: ZId,
  entity: z.string(),
  entityId: ZId,
  type: z.string(),
  ...eventRowFields,
  payload: zJson<Record<string, unknown> | null>(),
});

/** 督导巡查工作任务交办单. */
export const ZTask = z.object({
  /** 发文字号 of the issued document (issue #13); null while it is a draft. */
  docNumber: z.string().nullable().optional(),
  id: ZId,
  regionId: ZId,
  code: z.string(),
  groupId: ZId,
  groupName: z.string(),
  title: z.string(),
  targetUnitIds: z.array(ZId),
  targetUnits: z.array(ZNamedRef),
  projects: z.array(z.string()),
  focus: z.string(),
  method: z.string(),
  methodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  deadline: z.string(),
  requirements: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  report: z.string(),
  overdue: z.boolean(),
  issuedAt: ZTimestamp.nullable(),
  reportedAt: ZTimestamp.nullable(),
  completedAt: ZTimestamp.nullable(),
  createdBy: ZId.nullable(),
  version: ZInt,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: ZActions,
});
export const ZTaskPage = zPageOf(ZTask);
export const ZTaskDetail = ZTask.extend({ events: z.array(ZPatrolEvent) });

export const ZInspectionFile = z.object({
  id: ZId,
  name: z.string(),
  mime: z.string(),
  size: ZInt,
  createdAt: ZTimestamp,
});

/** 督导记录. */
export const ZInspection = z.object({
  id: ZId,
  regionId: ZId,
  groupId: ZId,
  groupName: z.string(),
  taskId: ZId.nullable(),
  date: z.string(),
  place: z.string(),
  method: z.string(),
  methodLabel: z.string(),
  unitIds: z.array(ZId),
  units: z.array(ZNamedRef),
  project: z.string(),
  peopleMet: z.string(),
  notes: z.string(),
  createdBy: ZId.nullable(),
  createdByName: z.string(),
  createdAt: ZTimestamp,
});
export const ZInspectionPage = zPageOf(ZInspection);
export const ZInspectionDetail = ZInspection.extend({
  files: z.array(ZInspectionFile),
  findings: z.array(z.object({ id: ZId, code: z.string(), title: z.string(), state: z.string() })),
});

/** 督导发现, with the problems it was dispatched as. */
export const ZFinding = z.object({
  id: ZId,
  regionId: ZId,
  code: z.string(),
  groupId: ZId,
  groupName: z.string(),
  taskId: ZId.nullable(),
  inspectionId: ZId.nullable(),
  unitId: ZId,
  unitName: z.string(),
  project: z.string(),
  title: z.string(),
  description: z.string(),
  suggestion: z.string(),
  category: z.string(),
  severity: z.string(),
  severityLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  mergedIntoId: ZId.nullable(),
  problemIds: z.array(ZId),
  problems: z.array(z.object({ id: ZId, code: z.string(), state: z.string(), stateLabel: z.string() })),
  escalatedTo: z.string().nullable(),
  escalatedToLabel: z.string().nullable(),
  instruction: z.string().nullable(),
  instructedBy: z.string().nullable(),
  instructedAt: ZTimestamp.nullable(),
  closeReason: z.string().nullable(),
  reportedBy: ZId.nullable(),
  reportedByName: z.string(),
  version: ZInt,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: ZActions,
});
export const ZFindingPage = zPageOf(ZFinding);
export const ZFindingDetail = ZFinding.extend({
  mergedInto: z.object({ id: ZId, code: z.string(), title: z.string() }).nullable(),
  duplicates: z.array(z.object({ id: ZId, code: z.string(), title: z.string(), groupId: ZId })),
  events: z.array(ZPatrolEvent),
});

/** 督导巡查通报 / 约谈建议书; findingIds are the office's (empty for other readers). */
export const ZCircular = z.object({
  /** 发文字号 of the issued document (issue #13); null while it is a draft. */
  docNumber: z.string().nullable().optional(),
  id: ZId,
  regionId: ZId,
  code: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  findingIds: z.array(ZId),
  problemIds: z.array(ZId),
  unitIds: z.array(ZId),
  units: z.array(ZNamedRef),
  people: z.array(z.string()),
  audienceUnitIds: z.array(ZId),
  audience: z.string(),
  namedMatters: ZInt,
  state: z.string(),
  stateLabel: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: ZTimestamp.nullable(),
  publishedAt: ZTimestamp.nullable(),
  version: ZInt,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: ZActions,
});
export const ZCircularPage = zPageOf(ZCircular);
export const ZCircularDetail = ZCircular.extend({ events: z.array(ZPatrolEvent) });

/** 典型案例. */
export const ZTypicalCase = z.object({
  id: ZId,
  regionId: ZId,
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  findingId: ZId.nullable(),
  unitId: ZId.nullable(),
  unitName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  publishedAt: ZTimestamp.nullable(),
  version: ZInt,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: ZActions,
});
export const ZTypicalCasePage = zPageOf(ZTypicalCase);

export const ZGroupWork = z.object({
  groupId: ZId,
  groupName: z.string(),
  tasks: ZInt,
  tasksDone: ZInt,
  inspections: ZInt,
  fieldDays: ZInt,
  unannouncedDays: ZInt,
  findings: ZInt,
  dispatched: ZInt,
  problems: ZInt,
  problemsClosed: ZInt,
  semiannualReports: z.array(z.string()),
  annualScore: ZInt.nullable(),
});
export const ZGroupPerformance = z.object({ year: ZInt, items: z.array(ZGroupWork) });

/** The figures of seed 001 for a year. */
export const ZPatrolFigures = z.object({
  year: ZInt,
  inspections: ZInt,
  unitsInspected: ZInt,
  projectsInspected: ZInt,
  findings: ZInt,
  findingsByState: z.record(z.string(), ZInt),
  findingsByMonth: z.array(z.object({ month: z.string(), count: ZInt })),
  circulars: ZInt,
  interviews: ZInt,
  namedMatters: ZInt,
  namedPeople: ZInt,
  namedUnits: ZInt,
  positiveCases: ZInt,
  negativeCases: ZInt,
  problems: ZInt,
  problemsClosed: ZInt,
  rectificationRate: z.number().nullable(),
  fieldDays: ZInt,
  unannouncedShare: z.number().nullable(),
  byGroup: z.array(ZGroupWork),
});

/** A group's semi-annual report or year-end 述职 evaluation, as stored. */
export const ZReviewRow = z.object({
  id: ZId,
  regionId: ZId,
  groupId: ZId,
  kind: z.string(),
  period: z.string(),
  report: z.string(),
  score: ZInt.nullable(),
  comment: z.string(),
  submittedBy: z.string(),
  createdAt: ZTimestamp,
});
export const ZReviewPage = zPageOf(ZReviewRow.extend({ groupName: z.string(), kindLabel: z.string() }));
