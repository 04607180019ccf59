import {
  CIRCULAR_KINDS,
  ESCALATION_TARGETS,
  FINDING_EVENTS,
  FINDING_STATES,
  PATROL_METHODS,
  REVIEW_KINDS,
  TASK_EVENTS,
  TASK_STATES,
  TYPICAL_CASE_KINDS,
} from './patrol.js';
import { PROBLEM_SEVERITIES } from './problems.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZVersion, z, keysOf } from './zod.js';

const ZText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`);

export const ZMethod = z.enum(keysOf(PATROL_METHODS), {
  message: `督导方式应为：${Object.values(PATROL_METHODS).join('、')}`,
});
const ZSeverity = z.enum(keysOf(PROBLEM_SEVERITIES), { message: '严重程度应为：一般、较重、严重' });

const taskFields = {
  groupId: ZId,
  title: ZNonEmpty('任务名称', 200),
  targetUnitIds: z.array(ZId).max(100, '督导对象不能超过100个单位').default([]),
  projects: z.array(ZNonEmpty('项目名称', 100)).max(50, '督导项目不能超过50个').default([]),
  focus: ZNonEmpty('督导重点', 2000),
  method: ZMethod,
  periodStart: ZDate,
  periodEnd: ZDate,
  deadline: ZDate,
  requirements: ZText('工作要求', 2000).default(''),
};

export const ZCreateTask = z
  .object({
    ...taskFields,
    /** Issue (交办) at once instead of keeping a draft. */
    issue: z.boolean().default(false),
  })
  .refine((t) => t.targetUnitIds.length + t.projects.length > 0, {
    message: '请至少选择一个督导对象（单位或项目）',
    path: ['targetUnitIds'],
  })
  .refine((t) => t.periodEnd >= t.periodStart, { message: '督导结束日期不能早于开始日期', path: ['periodEnd'] })
  .refine((t) => t.deadline >= t.periodStart, { message: '完成时限不能早于督导开始日期', path: ['deadline'] });
export type TCreateTask = z.infer<typeof ZCreateTask>;

/** Edits of a draft sheet (PATCH with the record's version); the same rules are checked on the merged record. */
export const ZUpdateTask = z
  .object({
    groupId: taskFields.groupId,
    title: taskFields.title,
    targetUnitIds: z.array(ZId).max(100, '督导对象不能超过100个单位'),
    projects: z.array(ZNonEmpty('项目名称', 100)).max(50, '督导项目不能超过50个'),
    focus: taskFields.focus,
    method: taskFields.method,
    periodStart: taskFields.periodStart,
    periodEnd: taskFields.periodEnd,
    deadline: taskFields.deadline,
    requirements: ZText('工作要求', 2000),
  })
  .partial()
  .extend({ version: ZVersion });
export type TUpdateTask = z.infer<typeof ZUpdateTask>;

export const ZListTasks = z.object({
  ...ZPage,
  groupId: ZId.optional(),
  state: z.enum(keysOf(TASK_STATES)).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(['deadline', '-deadline', '-createdAt']).optional(),
});
export type TListTasks = z.infer<typeof ZListTasks>;

export const ZTaskEvent = z.object({
  type: z.enum(keysOf(TASK_EVENTS), { message: '不支持的操作' }),
  version: ZVersion,
  comment: ZText('说明', 2000).default(''),
  /** report: the group's account of the task. */
  report: ZText('督导情况报告', 10000).optional(),
});
export type TTaskEvent = z.infer<typeof ZTaskEvent>;

export const ZCreateInspection = z
  .object({
    groupId: ZId.optional(),
    taskId: ZId.nullable().optional(),
    date: ZDate,
    place: ZNonEmpty('督导地点', 200),
    method: ZMethod,
    unitIds: z.array(ZId).max(20, '被督导单位不能超过20个').default([]),
    project: ZText('项目名称', 100).default(''),
    peopleMet: ZText('接触人员', 1000).default(''),
    notes: ZNonEmpty('督导情况', 10000),
  })
  .refine((i) => i.unitIds.length > 0 || i.project.length > 0, {
    message: '请选择被督导单位或填写项目名称',
    path: ['unitIds'],
  });
export type TCreateInspection = z.infer<typeof ZCreateInspection>;

export const ZListInspections = z.object({
  ...ZPage,
  groupId: ZId.optional(),
  taskId: ZId.optional(),
});
export type TListInspections = z.infer<typeof ZListInspections>;

export const ZCreateFinding = z.object({
  groupId: ZId.optional(),
  inspectionId: ZId.nullable().optional(),
  taskId: ZId.nullable().optional(),
  unitId: ZId,
  project: ZText('项目名称', 100).default(''),
  title: ZNonEmpty('问题概述', 200),
  description: ZNonEmpty('问题详情', 5000),
  suggestion: ZText('整改建议', 2000).default(''),
  category: ZText('问题类别', 50).default(''),
  severity: ZSeverity.default('general'),
});
export type TCreateFinding = z.infer<typeof ZCreateFinding>;

export const ZListFindings = z.object({
  ...ZPage,
  groupId: ZId.optional(),
  taskId: ZId.optional(),
  inspectionId: ZId.optional(),
  unitId: ZId.optional(),
  state: z.enum(keysOf(FINDING_STATES)).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(['createdAt', '-createdAt']).optional(),
});
export type TListFindings = z.infer<typeof ZListFindings>;

/** An action decided on a finding (dispatch, or an instruction of the leaders): owner and deadline. */
export const ZAction = z.object({
  content: ZNonEmpty('整改要求', 1000),
  unitId: ZId,
  ownerPersonId: ZId.nullable().optional(),
  deadline: ZDate,
});
export type TAction = z.infer<typeof ZAction>;

export const ZFindingEvent = z.object({
  type: z.enum(keysOf(FINDING_EVENTS), { message: '不支持的操作' }),
  version: ZVersion,
  comment: ZText('说明', 2000).default(''),
  /** merge: the finding this one duplicates. */
  targetId: ZId.optional(),
  /** dispatch: the problem's responsible unit, owner, deadline and measure (defaults from the finding). */
  unitId: ZId.optional(),
  ownerPersonId: ZId.nullable().optional(),
  deadline: ZDate.optional(),
  measure: ZText('整改措施', 1000).optional(),
  severity: ZSeverity.optional(),
  /** escalate */
  escalateTo: z.enum(keysOf(ESCALATION_TARGETS), { message: '上报对象应为领导小组或主要负责同志' }).optional(),
  /** instruct: the written instruction (批示), who gave it, and the actions it orders. */
  instruction: ZText('批示内容', 2000).optional(),
  instructedBy: ZText('批示领导', 100).optional(),
  actions: z.array(ZAction).max(20, '批示事项不能超过20项').optional(),
  /** 督+问 (dispatch, escalate, instruct): also propose accountability, with the reason and the people. */
  accountability: ZText('问责建议理由', 2000).optional(),
  accountablePersonIds: z.array(ZId).max(20, '建议问责人员不能超过20名').optional(),
});
export type TFindingEvent = z.infer<typeof ZFindingEvent>;

export const ZCreateCircular = z
  .object({
    kind: z.enum(keysOf(CIRCULAR_KINDS), { message: '文书类型应为督导巡查通报或约谈建议书' }),
    title: ZNonEmpty('标题', 200),
    body: ZNonEmpty('正文', 20000),
    findingIds: z.array(ZId).max(200).default([]),
    problemIds: z.array(ZId).max(200).default([]),
    unitIds: z.array(ZId).max(100).default([]),
    people: z.array(ZNonEmpty('被点名人员', 50)).max(100).default([]),
    audienceUnitIds: z.array(ZId).max(500).default([]),
  })
  .refine((c) => c.findingIds.length + c.problemIds.length > 0, {
    message: '请至少选择一条督导发现或问题',
    path: ['findingIds'],
  });
export type TCreateCircular = z.infer<typeof ZCreateCircular>;

export const ZSimpleEvent = z.object({
  type: z.enum(['approve', 'publish'], { message: '不支持的操作' }),
  version: ZVersion,
  comment: ZText('说明', 2000).default(''),
  /** publish of a circular, 督+问: also propose accountability of the units it names, with the reason. */
  accountability: ZText('问责建议理由', 2000).optional(),
});
export type TSimpleEvent = z.infer<typeof ZSimpleEvent>;

export const ZCreateTypicalCase = z.object({
  kind: z.enum(keysOf(TYPICAL_CASE_KINDS), { message: '案例类型应为正面典型或反面典型' }),
  title: ZNonEmpty('案例标题', 200),
  body: ZNonEmpty('案例内容', 20000),
  findingId: ZId.nullable().optional(),
  unitId: ZId.nullable().optional(),
});
export type TCreateTypicalCase = z.infer<typeof ZCreateTypicalCase>;

export const ZCreateReview = z
  .object({
    kind: z.enum(keysOf(REVIEW_KINDS), { message: '类型应为半年工作报告或年度述职评议' }),
    groupId: ZId.optional(),
    period: z.string().regex(/^\d{4}(-H[12])?$/, '期间格式应为 2026（年度）或 2026-H1（半年）'),
    report: ZNonEmpty('报告内容', 20000),
    score: z
      .number({ message: '评议得分应为数字' })
      .int('评议得分应为整数')
      .min(0, '评议得分不能小于0')
      .max(100, '评议得分不能大于100')
      .optional(),
    comment: ZText('评议意见', 2000).default(''),
  })
  .refine((r) => (r.kind === 'semiannual' ? /-H[12]$/.test(r.period) : /^\d{4}$/.test(r.period)), {
    message: '半年报告的期间应为 2026-H1 或 2026-H2，年度述职的期间应为年份',
    path: ['period'],
  });
export type TCreateReview = z.infer<typeof ZCreateReview>;

export const ZYear = z.object({
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
});
export const ZListPaged = z.object({ ...ZPage });
export const ZIdParam = z.object({ id: ZId });
export const ZFileParam = z.object({ id: ZId, fileId: ZId });
